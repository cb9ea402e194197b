/**
 * Sentence boundaries. Lines are hard boundaries for short lines (headlines, table rows,
 * bullet items) and a blank line always ends a sentence; inside running text a period,
 * "!" or "?" ends one unless it closes an abbreviation ("Inc.", "Oct. 31", "Mr."), an
 * initial, a decimal or a dotted initialism followed by a lower-case word ("U.S. sales").
 * One left-to-right pass: linear in the text.
 */

import { isSpaceCode } from "./chars.js";
import {
  ABBREVIATIONS,
  CORPORATE_ABBREVIATIONS,
  DOTTED_INITIALISM,
} from "./lexicon/abbreviations.js";
import type { Sentence } from "./types.js";

const BREAK_OR_STOP = /[\n.!?]/g;
/** A line shorter than this, or one that does not end in running text, is its own sentence. */
const SHORT_LINE = 56;
/** Terminal punctuation and the closing quotes and brackets after it: . ! ? " ' ” ’ ) ] */
function isCloser(code: number): boolean {
  return (
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 34 ||
    code === 39 ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 41 ||
    code === 93
  );
}
/** A line end that runs on: a joining word or punctuation. */
const RUNS_ON =
  /(?:[,;:(&-]|\b(?:and|or|of|the|a|an|to|in|for|with|by|at|from|on|its|their|said)),?$/;
const INITIAL = /^[A-Z]$/;
const LEADING_WORD = /^[A-Za-z]+/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = text.length;
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  // Only line breaks and terminal punctuation can end a sentence: the expression finds the
  // next one in native code instead of a loop visiting every character.
  BREAK_OR_STOP.lastIndex = 0;
  while (BREAK_OR_STOP.test(text)) {
    const i = BREAK_OR_STOP.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (lineBreakEnds(text, start, i)) {
        push(start, i);
        start = i + 1;
      }
      continue;
    }
    // Swallow runs of terminal punctuation and closing quotes/brackets.
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) continue; // "3.5", "U.S.-based", "example.com"
    if (c === 46 && !periodEnds(text, i, j)) continue;
    push(start, j);
    start = j;
    BREAK_OR_STOP.lastIndex = j;
  }
  push(start, n);
  return out;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** Does the line break at `nl` end the sentence that began at `start`? */
function lineBreakEnds(text: string, start: number, nl: number): boolean {
  const lineStart = text.lastIndexOf("\n", nl - 1) + 1;
  // The line's trimmed bounds, read in place: most lines need no copy of their text.
  let a = lineStart;
  let b = nl;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  if (a === b) return true;
  // Blank line next: paragraph end.
  let k = nl + 1;
  while (k < text.length && (text[k] === " " || text[k] === "\t" || text[k] === "\r")) k++;
  if (k >= text.length || text[k] === "\n") return true;
  // A wire-style paragraph starts with an indented line.
  if (text[nl + 1] === " " && text.slice(nl + 1, nl + 4) === "   ") return true;
  // Headline: the first line of the text.
  if (lineStart === 0 && start === 0) return true;
  // Short lines that do not run on (table rows, headings, bullets) stand alone; wrapped
  // running text (wire copy wraps near 65 columns) continues onto the next line, which
  // then starts with a lower-case letter at k.
  if (b - a < SHORT_LINE && !RUNS_ON.test(text.slice(a, b))) {
    const next = text.charCodeAt(k);
    return !(next >= 97 && next <= 122);
  }
  return false;
}

/** Does the period at `i` (followed by whitespace at `j`) end a sentence? */
function periodEnds(text: string, i: number, j: number): boolean {
  let ws = i;
  while (
    ws > 0 &&
    !isSpace(text.charCodeAt(ws - 1)) &&
    text[ws - 1] !== "(" &&
    text[ws - 1] !== '"'
  )
    ws--;
  const word = text.slice(ws, i);
  let k = j;
  while (k < text.length && (text[k] === " " || text[k] === "\t")) k++;
  const next = text[k] ?? "";
  if (next === "" || next === "\n") return true;
  const lower = word.toLowerCase().replace(/^[^a-z0-9]+/, "");
  const nextIsLower = /[a-z0-9(,;$€£¥]/.test(next);
  if (nextIsLower) {
    // "Oct. 31", "Corp. said": a known abbreviation or an initial followed by a lower word.
    if (ABBREVIATIONS.has(lower) || INITIAL.test(word) || DOTTED_INITIALISM.test(`${word}.`))
      return false;
    if (/^[a-z]/.test(next) && lower.length > 0) return false; // "approx. three", lower-case continuation
  }
  if (INITIAL.test(word)) return false; // initial: "John F. Kennedy"
  if (DOTTED_INITIALISM.test(`${word}.`)) {
    // "U.S. Steel" continues; "in the U.S. The company" ends: guess by the following word.
    const nextWord = LEADING_WORD.exec(text.slice(k))?.[0] ?? "";
    return SENTENCE_STARTERS.has(nextWord);
  }
  if (ABBREVIATIONS.has(lower) && !TERMINAL_ABBREVIATIONS.has(lower)) return false;
  if (TERMINAL_ABBREVIATIONS.has(lower)) {
    const nextWord = LEADING_WORD.exec(text.slice(k))?.[0] ?? "";
    return SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}

/** Abbreviations that often end a sentence ("... Apple Inc. The company ..."). */
const TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...CORPORATE_ABBREVIATIONS,
  "etc",
  "jr",
  "sr",
]);

/** Words that usually start a sentence; after "U.S." or "Inc." they mark a boundary. */
const SENTENCE_STARTERS = new Set([
  "The",
  "A",
  "An",
  "It",
  "Its",
  "In",
  "On",
  "At",
  "For",
  "But",
  "And",
  "He",
  "She",
  "They",
  "We",
  "This",
  "That",
  "These",
  "Those",
  "Shares",
  "Revenue",
  "Sales",
  "Net",
  "Analysts",
  "Earlier",
  "Last",
  "Meanwhile",
  "However",
  "Separately",
  "Also",
  "After",
  "As",
  "While",
  "There",
  "Profit",
  "Earnings",
  "Operating",
  "According",
  "Under",
  "If",
  "When",
  "Investors",
  "His",
  "Her",
  "Our",
  "Their",
]);
