/**
 * Step 4 of the body extractor: the kept containers -> paragraphs. One paragraph per
 * block, whitespace collapsed; boxes that are link lists or widgets, headline repeats,
 * teaser links and furniture lines ("Related stories", "Advertisement") left out. Pure.
 */
import type { AnyNode, Element } from "domhandler";
import { BLOCK_TAGS, BOILERPLATE_TEXT, END_MARKERS, HEADING_TAGS } from "./patterns.js";
import { classWeight, isElement, linkDensity, plainText, type Stats } from "./tree.js";

/** Readability's conditional clean: drop link lists and widgets inside the article. */
function isJunkBox(el: Element, s: Stats, score: number): boolean {
  if (el.name === "p" || HEADING_TAGS.has(el.name)) return false;
  // A box with many commas is prose whatever its class says ("elementor-widget-wrap").
  if (s.commas >= 10 && linkDensity(s) < 0.3) return false;
  return classWeight(el) + score < 0 || linkDensity(s) > 0.5;
}

/** Step 4: one paragraph per block, whitespace collapsed. */
export function render(
  nodes: Element[],
  stats: Map<Element, Stats>,
  scores: Map<Element, number>,
  title: string | null,
): string[] {
  const paras: string[] = [];
  let cur = "";
  // After an end marker ("Related stories"), lines are skipped until real prose returns:
  // a related box inside the story ends there, furniture after the story never does.
  let skipping = false;
  const flush = (): void => {
    const t = cur
      .replace(/[ \t\f\v\u00a0\u2000-\u200b\u3000]+/g, " ")
      .replace(/ *\n */g, "\n")
      .trim();
    cur = "";
    if (t === "") return;
    if (skipping) {
      if (!hasWords(t, 10) || !/[.!?"”。！？]$/.test(t)) return;
      skipping = false;
    }
    paras.push(t);
  };
  const roots = new Set<AnyNode>(nodes);
  // One node, or the end of a block (its paragraph is flushed after its children).
  const END = null;
  const visit = (root: AnyNode): void => {
    const stack: Array<AnyNode | typeof END> = [root];
    while (stack.length > 0) {
      const n = stack.pop() as AnyNode | typeof END;
      if (n === END) {
        flush();
        continue;
      }
      if (n.type === "text") {
        cur += (n as unknown as { data: string }).data.replace(/[\r\n]+/g, " ");
        continue;
      }
      if (!isElement(n)) continue;
      if (n.name === "br") {
        cur += "\n";
        continue;
      }
      // A table row of figures is one line, its cells in reading order ("Revenue $1,234 $1,100"),
      // so the table reader sees label, cells and column headers as a results table.
      if (n.name === "tr" && isFigureRow(n)) {
        flush();
        cur = rowCells(n).join(" ");
        flush();
        continue;
      }
      const block = BLOCK_TAGS.has(n.name);
      if (block) {
        const s = stats.get(n);
        // The chosen containers themselves are not second-guessed, only what is inside.
        if (s && !roots.has(n)) {
          if (isJunkBox(n, s, scores.get(n) ?? 0)) continue;
          // A line that is all link: a teaser for another story set between paragraphs.
          if (
            s.text > 0 &&
            s.text < 200 &&
            s.links / s.text > 0.9 &&
            (n.name === "p" || HEADING_TAGS.has(n.name))
          )
            continue;
        }
        if (HEADING_TAGS.has(n.name) && title !== null && sameText(plainText(n), title)) continue;
        flush();
        if (s && s.text < 60 && END_MARKERS.test(plainText(n).replace(/\s+/g, " ").trim())) {
          skipping = true;
          continue;
        }
        stack.push(END);
      }
      for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k] as AnyNode);
    }
  };
  for (const n of nodes) {
    skipping = false;
    visit(n);
  }
  flush();
  const kept = paras
    .flatMap((p) => p.split(/\n{2,}/))
    .map((p) => p.trim())
    .filter(
      (p) => p !== "" && !BOILERPLATE_TEXT.test(p) && !(title !== null && isTitleVariant(p, title)),
    );
  return trimEdges(kept);
}

const CELL_TAGS = new Set(["td", "th"]);

/** The row's non-empty cells, whitespace collapsed. */
function rowCells(tr: Element): string[] {
  return tr.children
    .filter((c): c is Element => isElement(c) && CELL_TAGS.has(c.name))
    .map((c) => plainText(c).replace(/\s+/g, " ").trim())
    .filter((t) => t !== "");
}

/** A row of plain cells (no links, no nested blocks) with a number in one of them. */
function isFigureRow(tr: Element): boolean {
  const cells = tr.children.filter((c): c is Element => isElement(c) && CELL_TAGS.has(c.name));
  if (cells.length < 2) return false;
  const plain = (el: Element): boolean =>
    el.children.every(
      (c) => !isElement(c) || (c.name !== "a" && !BLOCK_TAGS.has(c.name) && plain(c)),
    );
  return cells.every(plain) && cells.some((c) => /\d/.test(plainText(c)));
}

const WORD = /\S+/g;
/** At least `n` words: counts only as far as it needs (a paragraph may be megabytes). */
function hasWords(p: string, n: number): boolean {
  WORD.lastIndex = 0;
  for (let k = 0; k < n; k++) if (WORD.exec(p) === null) return false;
  return true;
}
const SENTENCE_END = /[.!?:;…"'”’)\]»。！？]$/;

/**
 * Around the story sit short lines that are not sentences: "You may also like...",
 * headline lists, tags, dates, "Advertisement". Drop such lines from the end, and from
 * the start up to the first real paragraph.
 */
function trimEdges(paras: string[]): string[] {
  const isFurniture = (p: string, limit: number): boolean =>
    !hasWords(p, limit) && !SENTENCE_END.test(p);
  let end = paras.length;
  while (end > 0 && isFurniture(paras[end - 1] as string, 12)) end--;
  let start = 0;
  while (
    start < end &&
    isFurniture(paras[start] as string, 8) &&
    paras.slice(start + 1, end).some((p) => hasWords(p, 20))
  )
    start++;
  return paras.slice(start, end);
}

/** A heading that is the headline again, perhaps with the site name around it. */
function isTitleVariant(p: string, title: string): boolean {
  if (p.length > title.length * 1.6 + 20) return false;
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const a = norm(p);
  const b = norm(title);
  return b.length > 15 && (a === b || a.startsWith(b) || (a.length > 15 && b.startsWith(a)));
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .replace(/[\s\u00a0]+/g, " ")
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}
