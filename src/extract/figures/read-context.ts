/**
 * What stands before a number: its currency prefix ("US$", "c $", "EUR"), a sign
 * ("-", "minus"), bound and approximation words ("more than", "about") and loss words
 * ("a net loss of"). Each reads a short slice that ends where the figure begins.
 */

import type { Bound } from "../../model/index.js";
import { isAsciiLetter, isDigitCode, isSpaceCode } from "../chars.js";
import { currencyOfCode, PREFIX_SYMBOLS } from "./data/currencies.js";
import { BEFORE_PHRASES, LOSS_LINKS, LOSS_WORDS, ONE_OFF_ITEM } from "./data/modifiers.js";
import { MODIFIER_BEFORE, PREFIX_AT, PREFIX_BEFORE, SIGN_BEFORE } from "./patterns.js";

export interface Prefix {
  currency: string;
  start: number;
  /** A prefix that is also a common token ("PS5"): the number needs a scale or separators. */
  weak: boolean;
}

function currencyOf(sym: string): string | null {
  const key = sym.replace(/\s+/g, "").toLowerCase();
  if (sym.toLowerCase() === "ps" && sym !== "PS") return null;
  if (key === "euro" && sym !== "EURO") return null;
  const known = PREFIX_SYMBOLS[key];
  if (known !== undefined) return known;
  return sym.length === 3 && /^[A-Za-z]{3}$/.test(sym) ? currencyOfCode(sym) : null;
}

/** The letters after "$" in the dollar prefixes that have them ("$US", "$ A"). */
const DOLLAR_SUFFIXES: ReadonlySet<string> = new Set(["us", "a"]);

/**
 * Whether a currency prefix may end right before `pos`, one space allowed (PREFIX_BEFORE
 * read by hand, for the numbers of prose that have none). No prefix ends with a digit or a
 * space. One that ends with a letter ends with a whole run of letters, a currency itself
 * ("EUR", "rs", "EURO") or the letters of "$US" and "$A": the word before most numbers
 * ("of", "rose") is none. The window starts at `from`.
 */
function mayEndPrefix(text: string, from: number, pos: number): boolean {
  let e = pos - 1;
  if (e >= from && isSpaceCode(text.charCodeAt(e))) e--;
  if (e < from) return false;
  const c = text.charCodeAt(e);
  if (!isAsciiLetter(c)) return !isDigitCode(c) && !isSpaceCode(c);
  let k = e;
  while (k > from && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  if (e - k >= 4) return false;
  // What currencyOf accepts of a word (and more: its exceptions are left to it).
  const word = text.slice(k, e + 1);
  const lower = word.toLowerCase();
  return (
    DOLLAR_SUFFIXES.has(lower) ||
    Object.hasOwn(PREFIX_SYMBOLS, lower) ||
    (word.length === 3 && currencyOfCode(word) !== null)
  );
}

/** A currency prefix ending at `pos` (the number's start). */
export function prefixBefore(text: string, pos: number): Prefix | null {
  const from = Math.max(0, pos - 14);
  if (!mayEndPrefix(text, from, pos)) return null;
  const slice = text.slice(from, pos);
  const m = PREFIX_BEFORE.exec(slice);
  if (!m) return null;
  const sym = m[1] as string;
  const currency = currencyOf(sym);
  if (currency === null) return null;
  const trailing = m[0].length - m[0].trimEnd().length;
  return {
    currency,
    start: from + m.index + m[0].length - trailing - sym.length,
    weak: sym === "PS",
  };
}

/** A currency prefix starting at `pos` (the second end of a range, a table cell). */
export function prefixAt(text: string, pos: number): { currency: string; end: number } | null {
  // The prefixes spelled with letters have at most three before a "$", "." or the number
  // ("cdn$", "u.s.$", "rmb 5", "EUR5"): a longer word, as a table's label words are, starts none.
  let k = pos;
  while (k < text.length && isAsciiLetter(text.charCodeAt(k))) k++;
  if (k - pos > 3) return null;
  PREFIX_AT.lastIndex = pos;
  const m = PREFIX_AT.exec(text);
  if (!m) return null;
  const currency = currencyOf(m[1] as string);
  return currency === null ? null : { currency, end: pos + m[0].length };
}

export interface Sign {
  negative: boolean;
  /** The sign is a glyph that belongs to the figure's text ("-3.2%"). */
  glyph: boolean;
  start: number;
}

export function signBefore(text: string, pos: number): Sign | null {
  const from = Math.max(0, pos - 10);
  const m = SIGN_BEFORE.exec(text.slice(from, pos));
  if (!m) return null;
  const s = m[1] as string;
  const glyph = s.length === 1;
  return { negative: s !== "+", glyph, start: pos - s.length };
}

export interface Modifiers {
  bound: Bound;
  approximate: boolean;
  /** Where the modifier words begin (pos when none). */
  start: number;
}

/** The last words of the phrases of BEFORE_PHRASES, lower case ("than" of "more than"). */
const MODIFIER_LAST_WORDS: ReadonlySet<string> = new Set(
  Object.keys(BEFORE_PHRASES).map((p) => p.slice(p.lastIndexOf(" ") + 1)),
);
/** The last characters of the phrases that do not end with a letter ("approx.", ">"). */
const MODIFIER_LAST_SIGNS: ReadonlySet<number> = new Set(
  Object.keys(BEFORE_PHRASES)
    .map((p) => p.charCodeAt(p.length - 1))
    .filter((c) => !isAsciiLetter(c)),
);

/**
 * Whether a phrase of MODIFIER_BEFORE may end in text[from, pos), spaces after it allowed
 * (its `$` read by hand): it ends with a listed last word, whole (a letter cannot precede
 * the phrase), or with a phrase's last sign ("approx.", ">").
 */
function mayEndModifier(text: string, from: number, pos: number): boolean {
  let e = pos;
  while (e > from && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e === from) return false;
  const c = text.charCodeAt(e - 1);
  if (!isAsciiLetter(c)) return MODIFIER_LAST_SIGNS.has(c);
  let k = e - 1;
  while (k > from && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  return MODIFIER_LAST_WORDS.has(text.slice(k, e).toLowerCase());
}

/** "more than", "about", "up to about": at most two stacked phrases. */
export function modifiersBefore(text: string, pos: number): Modifiers {
  let bound: Bound = "exact";
  let approximate = false;
  let start = pos;
  for (let k = 0; k < 2; k++) {
    const from = Math.max(0, start - 24);
    if (!mayEndModifier(text, from, start)) break;
    const m = MODIFIER_BEFORE.exec(text.slice(from, start));
    if (!m) break;
    const phrase = (m[1] as string).toLowerCase().replace(/\s+/g, " ");
    const effect = BEFORE_PHRASES[phrase];
    if (!effect) break;
    if (effect.bound && bound === "exact") bound = effect.bound;
    if (effect.approximate) approximate = true;
    start = from + m.index + m[0].indexOf(m[1] as string);
  }
  return { bound, approximate, start };
}

const isLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 39 || c === 8217;

/** The words right before `pos`, last first, lower case; a hand-written backward scan (this runs per figure). */
export function wordsBefore(text: string, pos: number, max: number, skipPunct: boolean): string[] {
  const out: string[] = [];
  let j = pos - 1;
  const floor = Math.max(0, pos - 60);
  while (out.length < max && j >= floor) {
    let c = text.charCodeAt(j);
    while (
      j >= floor &&
      !isLetter(c) &&
      (c === 32 || c === 9 || c === 10 || (skipPunct && out.length === 0 && !(c >= 48 && c <= 57)))
    )
      c = text.charCodeAt(--j);
    if (j < floor || !isLetter(c)) break;
    const e = j + 1;
    while (j >= floor && isLetter(text.charCodeAt(j))) j--;
    out.push(text.slice(j + 1, e).toLowerCase());
  }
  return out;
}

/**
 * "a net loss of", "narrowed its net loss to", "a deficit of": the money figure is a loss.
 * Returns where the loss word starts, or -1.
 */
export function lossBefore(text: string, pos: number): number {
  const words = wordsBefore(text, pos, 4, false);
  let loss = 0;
  while (loss < words.length && !LOSS_WORDS.has(words[loss] as string)) {
    if (!LOSS_LINKS.has(words[loss] as string)) return -1;
    loss++;
  }
  if (loss === words.length) return -1;
  // wordsBefore looks back at most 60 characters: search the same window, word by word
  // from the end, for where the loss word stands.
  const base = Math.max(0, pos - 60);
  const window = text.slice(base, pos).toLowerCase();
  let at = window.length;
  for (let i = 0; i <= loss; i++) at = window.lastIndexOf(words[i] as string, at - 1);
  return base + Math.max(0, at);
}

const ONE_OFF_BEFORE =
  /(?:one[- ]time|one-off|extraordinary|unusual|special|exceptional|non-?recurring|investment|translation|currency|write-?(?:down|off))\s+$/i;
/**
 * A loss that is a one-off item rather than a result: named so ("a one-time loss of"), or
 * compared with a one-off gain in the same sentence ("unusual gain 64,000 dlrs vs loss").
 */
export function oneOffLoss(text: string, lossAt: number): boolean {
  const before = text.slice(Math.max(0, lossAt - 120), lossAt);
  if (ONE_OFF_BEFORE.test(before)) return true;
  if (!/\b(?:vs\.?|versus|against|compared with)\s+$/i.test(before)) return false;
  const sentence = before.slice(Math.max(before.lastIndexOf(". "), 0));
  return (
    /\b(?:gains?|credits?|investments?|extraordinary|unusual|one-time|write-?offs?|discontinued)\b/i.test(
      sentence,
    ) && !/\b(?:net|operating|pretax|pre-tax)\s+(?:profit|income|loss|earnings)\b/i.test(sentence)
  );
}

/**
 * The words ONE_OFF_ITEM can end with (its items' last words and its linking words): a
 * window that ends with none of them cannot match it, and is left before the expression
 * runs at every word. Kept in step with ONE_OFF_ITEM in data/modifiers.ts.
 */
const ONE_OFF_END =
  /(?:^|[^A-Za-z0-9_])(?:gains?|loss(?:es)?|items?|charges?|credits?|profits?|income|benefits?|investments?|sales?|dispositions?|disposals?|discontinued|divestitures?|write-?offs?|settlements?|restructuring|impairment|severance|write-?downs?|costs?|provisions?|of|were|was|totall?ing|totall?ed|to|at)$/i;

/** A one-off item (a gain, charge, credit or write-off) named right before the figure at `pos`. */
export function oneOffBefore(text: string, pos: number): boolean {
  const from = Math.max(0, pos - 90);
  // The window's last 17 characters before its trailing spaces, read without copying it.
  let e = pos;
  while (e > from && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (!ONE_OFF_END.test(text.slice(Math.max(from, e - 17), e))) return false;
  const window = text.slice(from, pos);
  // Spaces made single for the item's literal ones ("one time"): most windows have them so already.
  return ONE_OFF_ITEM.test(UNEVEN_SPACE.test(window) ? window.replace(/\s+/g, " ") : window);
}

/** White space that is not one plain space: a break, a tab, two spaces. */
const UNEVEN_SPACE = /[^\S ]| {2}/;
