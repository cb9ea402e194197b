/**
 * A bare number that a volume noun governs: "U.S. truck production declined to 128,400",
 * "to expand output of steel wheel rims to 21,000 per month", and a volume that goes on
 * counting what the sentence before counted ("sales of 18,200 units against 16,900. Total
 * sales were 35,300"). Physical volumes of output, sales or shipments are counts (metric
 * `units`, unit as written), so such a number is a count of the goods the text names.
 * Precision first: a whole number with thousands separators and nothing unit-like after it,
 * a linking word right before it, no money between it and its noun, and the goods named
 * (right before the noun, after "output of", or by the volume counted just before). A sales
 * figure with no goods named ("sales of 549,950") may be money and is left alone.
 */
import type { Figure } from "../types.js";
import {
  COUNT_NOUNS,
  COUNT_UNIT_NAME,
  COUNTED_GOODS,
  MADE_VOLUME,
  VOLUME_CUE,
  VOLUME_SUBJECT,
} from "./data/count-nouns.js";
import type { Piece } from "./piece.js";

/** Where a clause starts: a sentence end before a capital, a semicolon, a new paragraph. */
const CLAUSE_START = /[!?;]\s|\.["')]?\s+(?=[A-Z"])|\n[ \t]+|\n\s*\n/g;
const PARAGRAPH = /\n[ \t]+|\n\s*\n/;
const YEAR = /\b(?:19|20)\d\d\b/g;
/** The word that ties the number to its volume: "were 64,100", "fell to 530,000", "totalled about 9,000". */
const LINK =
  /\b(?:were|was|are|is|at|to|of|totall?ed|reached|hit)\s+(?:(?:about|some|nearly|around|approximately|roughly|almost)\s+)?$/i;
/** What may follow such a number: punctuation, a comparison, a time or place, a rate. */
const FOLLOW =
  /^(?:\s*(?:[,.;:)]|$)|\s+(?:from|compared|vs\.?|versus|against|in|during|per|a|an|last|this|the|and|up|down|for|on|while|year)(?![A-Za-z]))/i;
/** "output of aluminium wheel rims": the goods after the volume noun, head plural. */
const OF_GOODS = /^[ \t\n]+of[ \t\n]+((?:[a-z-]+[ \t\n]+){0,2}([a-z-]+s))(?![A-Za-z])/;
/** The word before the volume noun, and the goods joined to it by "and" ("car and van exports"). */
const WORD_BEFORE = /(?:([A-Za-z-]+)[ \t\n]+and[ \t\n]+)?([A-Za-z-]+)[ \t\n]+$/;
const WINDOW = 120;

/** The start of the clause that ends at `pos`, at most WINDOW characters back. */
function clauseStart(text: string, pos: number): number {
  const from = Math.max(0, pos - WINDOW);
  const win = text.slice(from, pos);
  let cut = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(win); m !== null; m = CLAUSE_START.exec(win))
    cut = m.index + m[0].length;
  return from + cut;
}

/** The last volume noun of text[from, to), or null. */
function lastVolume(text: string, from: number, to: number): RegExpExecArray | null {
  const clause = text.slice(from, to);
  let last: RegExpExecArray | null = null;
  VOLUME_SUBJECT.lastIndex = 0;
  for (let m = VOLUME_SUBJECT.exec(clause); m !== null; m = VOLUME_SUBJECT.exec(clause)) last = m;
  if (last !== null) last.index += from;
  return last;
}

/** The goods a volume noun names: "car sales" -> cars, "output of cylinder heads" -> cylinder heads. */
function namedGoods(text: string, nounAt: number, noun: string): string | null {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, nounAt - 32), nounAt));
  const goods = before ? COUNTED_GOODS[(before[2] as string).toLowerCase()] : undefined;
  if (goods !== undefined) {
    const first = before?.[1] ? COUNTED_GOODS[before[1].toLowerCase()] : undefined;
    return first === undefined || first === goods ? goods : `${first} and ${goods}`;
  }
  const of = OF_GOODS.exec(text.slice(nounAt + noun.length, nounAt + noun.length + 60));
  if (of === null) return null;
  const head = of[2] as string;
  // Sales and trade of unnamed things may be money ("sales of securities"); output is made goods.
  if (!MADE_VOLUME.has(noun.toLowerCase()) && !COUNT_NOUNS.has(head)) return null;
  const words = (of[1] as string).split(/[ \t\n]+/);
  // The head and the word before it: a compound kept whole ("cylinder heads"), describing words dropped.
  return COUNT_UNIT_NAME[head] ?? words.slice(-2).join(" ");
}

/**
 * The unit of a bare number that a volume noun governs, or null. `out`: the figures found
 * so far, in text order.
 */
export function volumeCount(text: string, p: Piece, out: readonly Figure[]): string | null {
  if (p.scaled || p.words || !p.formatted || !Number.isInteger(p.raw) || p.raw < 1000) return null;
  if (!FOLLOW.test(text.slice(p.end, p.end + 16))) return null;
  if (!LINK.test(text.slice(Math.max(0, p.start - 40), p.start))) return null;
  const from = clauseStart(text, p.start);
  const noun = lastVolume(text, from, p.start);
  if (noun === null) return null;
  const nounAt = noun.index;
  const word = noun[1] as string;
  // Only a year may stand between the noun and the number; a money figure there owns the clause.
  if (/\d/.test(text.slice(nounAt, p.start).replace(YEAR, ""))) return null;
  const goods = namedGoods(text, nounAt, word);
  if (goods !== null) return goods;
  return continuedCount(text, from, out);
}

/**
 * The unit of the volume counted just before the clause at `from`, in the same paragraph:
 * "sales of 18,200 units against 16,900 in 1985. Total sales were 35,300".
 */
function continuedCount(text: string, from: number, out: readonly Figure[]): string | null {
  const prev = out[out.length - 1];
  if (prev === undefined || prev.kind !== "count" || prev.unit === null || prev.end > from)
    return null;
  const gap = text.slice(prev.end, from);
  if (gap.length > WINDOW || PARAGRAPH.test(gap) || /\d/.test(gap.replace(YEAR, ""))) return null;
  const prevFrom = clauseStart(text, prev.start);
  const counted = text.slice(prevFrom, prev.start);
  return lastVolume(text, prevFrom, prev.start) !== null || VOLUME_CUE.test(counted)
    ? prev.unit
    : null;
}
