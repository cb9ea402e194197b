/**
 * Article body by boilerplate removal on the parsed tree (domhandler nodes, walked
 * directly: wrapping every node in cheerio objects costs more than the parse itself).
 *
 * 1. prune: drop tags that are never text (scripts, nav, aside, figure, forms…), hidden
 *    elements, and containers whose class/id names boilerplate (ads, related stories,
 *    comments, newsletter and consent boxes, share bars, pull quotes, captions).
 * 2. score: each paragraph-like block gives points (length, commas) to its ancestors, as
 *    in Readability; a container's score is scaled by its link density.
 * 3. pick the best container, widen to its parent when its siblings score too, and keep
 *    the siblings that look like article text.
 * 4. render: walk the kept nodes in document order, one paragraph per block, skipping
 *    link lists, short furniture and boxes whose text is mostly links.
 * Pure: no I/O.
 */
import type { AnyNode, Element } from "domhandler";
import {
  BOILERPLATE_WORDS,
  CONTENT_WORDS,
  DROP_TAGS,
  HEADING_TAGS,
  PARAGRAPH_TAGS,
} from "./patterns.js";
import { render } from "./render.js";
import {
  classAndId,
  classWeight,
  contains,
  isElement,
  linkDensity,
  measure,
  plainText,
  type Stats,
} from "./tree.js";

const PROTECTED = new Set(["html", "body", "article", "main"]);

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a["aria-hidden"] === "true") return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * What a class name or id says: the most specific (last) word decides ("story__byline" is
 * a byline, "article-body" is content, "Page-ad-margins" says nothing).
 */
function verdictOf(name: string): "boilerplate" | "content" | null {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .split(/[-_]+/)
    .filter(Boolean);
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const pair = words.length > 1 ? `${words[words.length - 2]}${last}` : "";
  if (CONTENT_WORDS.has(pair) || CONTENT_WORDS.has(last)) return "content";
  if (BOILERPLATE_WORDS.has(pair) || BOILERPLATE_WORDS.has(last)) return "boilerplate";
  // A short name whose first word is telling ("ad-slot", "comments-area").
  const first = words[0] as string;
  if (words.length <= 3 && BOILERPLATE_WORDS.has(first) && first.length > 2) return "boilerplate";
  if (words.length <= 3 && CONTENT_WORDS.has(first)) return "content";
  return null;
}

const verdictCache = new Map<string, boolean>();

function isBoilerplate(el: Element): boolean {
  if (PROTECTED.has(el.name)) return false;
  const role = el.attribs.role;
  if (
    role === "navigation" ||
    role === "complementary" ||
    role === "banner" ||
    role === "contentinfo" ||
    role === "dialog"
  )
    return true;
  const ci = classAndId(el);
  if (ci === "") return false;
  let cached = verdictCache.get(ci);
  if (cached === undefined) {
    let boiler = false;
    let content = false;
    for (const name of ci.split(/\s+/)) {
      const v = verdictOf(name);
      if (v === "content") content = true;
      else if (v === "boilerplate") boiler = true;
    }
    cached = boiler && !content;
    if (verdictCache.size < 10_000) verdictCache.set(ci, cached);
  }
  return cached;
}

/**
 * Step 1: remove what is never article text. Mutates the tree. A container named like
 * boilerplate is kept when it holds much of the page's paragraph text: class names lie
 * ("article-header" wrapping the story, "elementor-widget" around everything).
 */
export function prune(
  root: AnyNode & { children?: AnyNode[] },
  paraText?: Map<Element, number>,
  pageParaText = 0,
): void {
  // Each container's children are filtered on their own, so any order will do: a stack.
  const stack: Array<AnyNode & { children?: AnyNode[] }> = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode & { children?: AnyNode[] };
    if (!node.children) continue;
    const kept: AnyNode[] = [];
    for (const child of node.children) {
      if (child.type === "comment" || child.type === "directive" || child.type === "cdata")
        continue;
      if (isElement(child)) {
        if (DROP_TAGS.has(child.name) || child.type !== "tag") continue;
        // Hidden or named like boilerplate: dropped unless it holds much of the page's
        // paragraph text (pages saved without JavaScript keep the story in hidden boxes).
        if (isHidden(child) || isBoilerplate(child)) {
          const pt = paraText?.get(child) ?? 0;
          if (!(pt > 400 && pt > pageParaText * 0.4)) continue;
        }
        stack.push(child);
      }
      kept.push(child);
    }
    // Siblings' prev/next pointers go stale; nothing below uses them.
    node.children = kept;
  }
}

/** Text inside <p> elements under each element (before pruning); sums bottom-up, no recursion. */
function paragraphText(root: AnyNode, out: Map<Element, number>, inP: boolean): number {
  const counts = (n: AnyNode): boolean =>
    isElement(n) ? n.type === "tag" && n.name !== "script" : n.type === "root";
  if (!counts(root))
    return root.type === "text" && inP
      ? (root as unknown as { data: string }).data.trim().length
      : 0;
  // Pre-order, each container with whether its children are inside a <p>.
  const order: Array<[Element, boolean]> = [];
  const stack: Array<[Element, boolean]> = [[root as Element, inP]];
  while (stack.length > 0) {
    const [el, p] = stack.pop() as [Element, boolean];
    const inside = p || el.name === "p";
    order.push([el, inside]);
    for (const c of el.children ?? []) if (counts(c)) stack.push([c as Element, inside]);
  }
  const sums = new Map<AnyNode, number>();
  for (let k = order.length - 1; k >= 0; k--) {
    const [el, inside] = order[k] as [Element, boolean];
    let sum = 0;
    for (const c of el.children ?? []) {
      if (c.type === "text")
        sum += inside ? (c as unknown as { data: string }).data.trim().length : 0;
      else sum += sums.get(c) ?? 0;
    }
    if (isElement(el)) out.set(el, sum);
    sums.set(el, sum);
  }
  return sums.get(root) ?? 0;
}

function initialScore(el: Element): number {
  let base = 0;
  switch (el.name) {
    case "div":
    case "article":
    case "section":
    case "main":
      base = 5;
      break;
    case "pre":
    case "td":
    case "blockquote":
      base = 3;
      break;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      base = -3;
      break;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      base = -5;
      break;
  }
  return base + classWeight(el);
}

/** Step 2 and 3: the containers that hold the article, in document order. */
function selectContent(
  body: Element,
  stats: Map<Element, Stats>,
  scores: Map<Element, number>,
): Element[] {
  const visit = (el: Element): void => {
    const s = stats.get(el);
    if (!s) return;
    const isPara =
      PARAGRAPH_TAGS.has(el.name) ||
      ((el.name === "div" || el.name === "section" || el.name === "span") && !s.hasBlock) ||
      // Listicles: long list items of prose count; menus and link lists do not.
      (el.name === "li" && !s.hasBlock && s.text >= 100 && linkDensity(s) < 0.3);
    // Text written straight into a container between blocks counts as a paragraph of
    // that container (Readability wraps such runs in <p>).
    const looseRun =
      !isPara &&
      s.hasBlock &&
      s.ownText >= 25 &&
      !HEADING_TAGS.has(el.name) &&
      el.name !== "li" &&
      el.name !== "a";
    if (!looseRun && (!isPara || s.text < 25)) return;
    const len = looseRun ? s.ownText : s.text;
    const score = 1 + (looseRun ? s.ownCommas : s.commas) + Math.min(Math.floor(len / 100), 3);
    let anc = (looseRun ? el : el.parent) as Element | null;
    for (
      let level = 0;
      anc && isElement(anc) && level < 5;
      level++, anc = anc.parent as Element | null
    ) {
      if (!scores.has(anc)) scores.set(anc, initialScore(anc));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, (scores.get(anc) ?? 0) + score / divider);
    }
  };
  // Children before parents, in document order (ties in score go to the first scored).
  for (const el of postOrder(body)) visit(el);

  let top: Element | null = null;
  let topScore = 0;
  const final = new Map<Element, number>();
  for (const [el, sc] of scores) {
    const f = sc * (1 - linkDensity(stats.get(el) ?? ({ text: 0, links: 0 } as Stats)));
    final.set(el, f);
    if (f > topScore) {
      top = el;
      topScore = f;
    }
  }
  if (!top) return [body];

  // Several strong candidates under one ancestor: the article is that ancestor.
  const strong = [...final]
    .filter(([el, f]) => el !== top && f >= topScore * 0.75)
    .map(([el]) => el);
  if (strong.length >= 2) {
    for (
      let anc = top.parent as Element | null;
      anc && isElement(anc) && anc.name !== "body";
      anc = anc.parent as Element | null
    ) {
      const holds = strong.filter((c) => contains(anc as Element, c)).length;
      if (holds >= 2) {
        top = anc;
        break;
      }
    }
  }
  // A lone child says nothing about its siblings: look from its parent.
  while (
    top.parent &&
    isElement(top.parent) &&
    top.parent.name !== "body" &&
    top.parent.children.filter(isElement).length === 1
  )
    top = top.parent;

  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const threshold = Math.max(10, (final.get(top) ?? topScore) * 0.2);
  const topWeight = classAndId(top);
  const kept: Element[] = [];
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    if (sib === top) {
      kept.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s || s.text === 0) continue;
    let bonus = 0;
    if (topWeight !== "" && classAndId(sib) === topWeight) bonus += (final.get(top) ?? 0) * 0.2;
    if ((final.get(sib) ?? Number.NEGATIVE_INFINITY) + bonus >= threshold) {
      kept.push(sib);
    } else if (
      sib.name === "p" ||
      ((sib.name === "div" || sib.name === "section") && !s.hasBlock)
    ) {
      const ld = linkDensity(s);
      if (
        (s.text > 80 && ld < 0.25) ||
        (s.text > 0 && s.text <= 80 && ld === 0 && /[.!?。]\s*$/.test(plainText(sib)))
      )
        kept.push(sib);
    }
  }
  return addCousins(top, kept, final, stats, topScore, body);
}

/**
 * Articles split into sections (between ads, figures, "read more" wrappers) leave parts
 * in cousins of the best container. Take strong, link-poor candidates whose common
 * ancestor with it is at most three levels up, in document order.
 */
function addCousins(
  top: Element,
  kept: Element[],
  final: Map<Element, number>,
  stats: Map<Element, Stats>,
  topScore: number,
  body: Element,
): Element[] {
  const ancestors: Element[] = [];
  for (
    let a = top.parent as Element | null, i = 0;
    a && isElement(a) && i < 3 && a !== body;
    a = a.parent as Element | null, i++
  )
    ancestors.push(a);
  const scope = ancestors[ancestors.length - 1];
  if (!scope) return kept;
  const out = [...kept];
  const overlaps = (el: Element): boolean => out.some((k) => contains(k, el) || contains(el, k));
  const extra = [...final]
    .filter(
      ([el, f]) =>
        f >= topScore * 0.45 && linkDensity(stats.get(el) as Stats) < 0.25 && contains(scope, el),
    )
    .sort((a, b) => b[1] - a[1]);
  for (const [el] of extra) if (!overlaps(el)) out.push(el);
  if (out.length === kept.length) return kept;
  const order = new Map<AnyNode, number>();
  const stack: AnyNode[] = [scope];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    order.set(n, order.size);
    if (isElement(n))
      for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k] as AnyNode);
  }
  return out.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The article's paragraphs, without the headline. Mutates the tree given. */
export function extractBody(root: AnyNode, title: string | null): string[] {
  const { chosen, stats, scores } = selectArticle(root);
  return render(chosen, stats, scores, title);
}

/** Prune, measure and pick the article's containers. Mutates the tree given. */
function selectArticle(root: AnyNode): {
  chosen: Element[];
  stats: Map<Element, Stats>;
  scores: Map<Element, number>;
} {
  const paraText = new Map<Element, number>();
  const total = paragraphText(root, paraText, false);
  prune(root as AnyNode & { children?: AnyNode[] }, paraText, total);
  const stats = new Map<Element, Stats>();
  measure(root, stats, false);
  const body = findBody(root) ?? (root as Element);
  const scores = new Map<Element, number>();
  return { chosen: selectContent(body, stats, scores), stats, scores };
}

/** The first <body> in document order. */
function findBody(root: AnyNode): Element | null {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElement(node) && node.name === "body") return node;
    const kids = (node as { children?: AnyNode[] }).children ?? [];
    for (let k = kids.length - 1; k >= 0; k--) {
      const c = kids[k] as AnyNode;
      if (isElement(c) || c.type === "root") stack.push(c);
    }
  }
  return null;
}

/** The elements under `root` (itself included) in post-order, children left to right. */
function postOrder(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    out.push(el);
    for (const c of el.children) if (isElement(c)) stack.push(c);
  }
  return out.reverse();
}
