/**
 * The figure recognizer: every money, percent and count figure of a text with its
 * normalised value, in one pass. Split as compromise splits its numbers: data/ holds
 * the lexicons, parse-number.ts reads numbers, read-unit.ts and read-context.ts read
 * what follows and precedes them, find.ts drives the scan, anchor.ts ties a bare
 * number to a count noun before it.
 *
 * Guarantees: figures sorted by start, non-overlapping, `text === body.slice(start, end)`.
 */
import type { Figure } from "../types.js";
import { scan } from "./find.js";

/**
 * @example
 * findFigures("Revenue rose 8% to $1.2 billion.")
 * // [{ kind: "percent", text: "8%", amount: 8, ... }, { kind: "money", text: "$1.2 billion", amount: 1200000000, currency: "USD", ... }]
 */
export function findFigures(text: string): Figure[] {
  return scan(text);
}
