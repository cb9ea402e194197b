/**
 * A bare number whose counted noun came before it in the same clause: "the AI customer
 * base surpassed 5,000", "Hospital clients: 2,318, up from 2,140", "employs over 20,000
 * employees ... and about 61,000 worldwide". Only when a linking word ties the number to
 * that noun and nothing but a place or time word follows it: precision first.
 */
import type { Figure } from "../types.js";
import { ANCHOR_NOUNS } from "./data/count-nouns.js";
import { ANCHOR_FOLLOWERS, ANCHOR_LINKS } from "./data/modifiers.js";
import { type Piece, yearLike } from "./piece.js";

const ANCHOR_RE = new RegExp(
  `(?<![A-Za-z])(${Object.keys(ANCHOR_NOUNS).join("|")})(?![A-Za-z])`,
  "gi",
);
const CLAUSE_BREAK = /[!?;]\s|\.\s+(?![a-z])|\n/g;
const AFTER = /^\s*(?:([A-Za-z]+)|([,.;:)!?"”'’]|$))/;
const LINK = /([A-Za-z]+|:)\s*$/;
const WINDOW = 120;

/** The shape test alone, before any look-behind: what follows the number. */
export function mayBeAnchored(text: string, p: Piece): boolean {
  if (p.words || (!p.scaled && !Number.isInteger(p.raw)) || p.value < 2) return false;
  if (yearLike(p)) return false;
  const after = AFTER.exec(text.slice(p.end, p.end + 24));
  if (!after) return false;
  return after[1] === undefined || ANCHOR_FOLLOWERS.has(after[1].toLowerCase());
}

/**
 * The unit of an anchored count, or null. `from`: where the number's modifiers begin.
 * The caller has checked mayBeAnchored(text, p).
 */
export function anchoredCount(
  text: string,
  p: Piece,
  from: number,
  figures: readonly Figure[],
): string | null {
  const modified = from < p.start;
  const link = LINK.exec(text.slice(Math.max(0, from - 16), from));
  if (
    !modified &&
    (!link || (!ANCHOR_LINKS.has((link[1] as string).toLowerCase()) && link[1] !== ":"))
  )
    return null;
  // The clause before the number.
  let winStart = Math.max(0, from - WINDOW);
  const win = text.slice(winStart, from);
  let cut = -1;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(win); m !== null; m = CLAUSE_BREAK.exec(win))
    cut = m.index + m[0].length;
  if (cut >= 0) winStart += cut;
  const clause = text.slice(winStart, from);
  let nounAt = -1;
  let unit: string | null = null;
  ANCHOR_RE.lastIndex = 0;
  for (let m = ANCHOR_RE.exec(clause); m !== null; m = ANCHOR_RE.exec(clause)) {
    nounAt = winStart + m.index;
    unit = ANCHOR_NOUNS[(m[1] as string).toLowerCase()] ?? null;
  }
  const last = figures[figures.length - 1];
  if (last !== undefined && last.end > winStart) {
    // A money or percent figure between the noun and the number: the number is not its count.
    if (last.kind !== "count" && last.start > nounAt) return null;
    if (last.kind === "count" && last.start > nounAt) unit = last.unit;
  }
  if (unit === null) return null;
  // Prices and share counts need a scale: "shares closed at 120" is a price.
  if ((unit === "shares" || unit === "units") && !p.scaled) return null;
  return unit;
}
