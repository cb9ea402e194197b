/**
 * What follows a figure's first end: the second end of a range ("$4.1 billion to $4.3
 * billion", "5-6%", "between 5% and 6%") or of a movement ("from 4.8 to 4.7 percent"),
 * and a rate ("a share", "-a-month", "annually").
 */
import type { Range, Rate } from "../../model/index.js";
import { isDigitCode } from "../chars.js";
import {
  FROM_VERBS,
  MOVEMENT_WORDS,
  NOT_RATE_AFTER,
  RANGE_FROM_WORDS,
  RATE_NOUNS,
  RATE_WORDS,
} from "./data/modifiers.js";
import { RANGE_CONNECTOR, RATE_AFTER } from "./patterns.js";
import { type Piece, readPiece, scaleBy, yearLike } from "./piece.js";
import { prefixAt } from "./read-context.js";

/** The widest "X to Y" read as one range. */
const MAX_RANGE_RATIO = 4;

/**
 * The second end after `a`: a range merged into one piece ("$4.1 billion to $4.3 billion"),
 * or, for a movement ("rose from 4.8 to 4.7 percent"), the first end alone with the unit
 * and scale it borrows from the second (two records, as the contract wants). Null: neither.
 */
export function readRange(
  text: string,
  a: Piece,
  before: string,
  before2: string,
): { piece: Piece; range: Range | null } | null {
  RANGE_CONNECTOR.lastIndex = a.end;
  const c = RANGE_CONNECTOR.exec(text);
  if (!c) return null;
  const conn = (c[1] as string).trim().toLowerCase();
  const explicit =
    before === "between" ||
    (before === "from" &&
      before2 !== "" &&
      !FROM_VERBS.has(before2) &&
      !MOVEMENT_WORDS.has(before2) &&
      (!/(?:ed|ly)$/.test(before2) || RANGE_FROM_WORDS.has(before2)));
  if (conn === "and" && before !== "between") return null;
  // "8 or $9", "5 or 6 percent": two figures; the first borrows the second's unit.
  const movement =
    conn === "or" ||
    ((conn === "to" || conn === "through") &&
      (MOVEMENT_WORDS.has(before) || (before === "by" && a.kind !== null)) &&
      !explicit);
  // ("by 12,000 yuan to 189,900 yuan" is a change and a level; "by five to six pct" is a range.)
  let pos = a.end + c[0].length;
  const pre = prefixAt(text, pos);
  if (pre) pos = pre.end;
  else if (conn === "/") return null;
  const ch = text.charCodeAt(pos);
  // "between 90 cts and one dlr": an explicit range may end in a number word.
  if (!isDigitCode(ch) && !a.words && before !== "between") return null;
  const b = readPiece(text, pos, pos, pre?.currency ?? null);
  if (b === null || (b.words !== a.words && (a.kind === null || b.kind === null))) return null;
  let lo = a;
  let hi = b;
  if (a.kind === null && b.kind === null) {
    if (movement || conn === "-" || yearLike(a)) return null;
  } else if (a.kind === null) {
    // "5-6%", "$10 to $15 billion" read the unit and scale of the second end.
    if (yearLike(a)) return null;
    const factor = a.scaled ? a.factor : b.factor;
    lo = {
      ...b,
      start: a.start,
      numStart: a.numStart,
      end: a.end,
      raw: a.raw,
      factor,
      scaled: a.scaled || b.scaled,
      value: scaleBy(a.raw, factor, b.divisor),
    };
  } else if (b.kind === null) {
    // "$5-6 billion": the first end takes the second's scale.
    if (!b.scaled || a.scaled || movement) return null;
    lo = withScaleOf(a, b);
    hi = {
      ...b,
      kind: a.kind,
      currency: a.currency,
      unit: a.unit,
      divisor: a.divisor,
      needsCurrency: a.needsCurrency,
    };
  } else {
    // "90 cts and one dlr": cents take the currency of the dollars they are compared with.
    const ac = a.currency ?? (a.needsCurrency ? b.currency : null);
    const bc = b.currency ?? (b.needsCurrency ? a.currency : null);
    if (a.kind !== b.kind || ac !== bc || (a.kind === "percent" && a.unit !== b.unit)) {
      return null;
    }
    if (!a.scaled && b.scaled && a.divisor === b.divisor && a.raw < b.raw) {
      // "$10 to $15 billion"
      lo = withScaleOf(a, b);
    }
  }
  if (movement) return lo === a ? null : { piece: lo, range: null };
  if (!(lo.value <= hi.value) || lo.value === hi.value) return null;
  // "by 12,000 yuan to 189,900 yuan" is a change and a level; an unmarked range is narrow.
  if (!explicit && lo.value > 0 && hi.value > MAX_RANGE_RATIO * lo.value) return null;
  return {
    piece: { ...hi, start: a.start, numStart: a.numStart },
    range: { min: lo.value, max: hi.value },
  };
}

/** The first end `a` read with the scale of the second end `b` ("$5-6 billion"). */
function withScaleOf(a: Piece, b: Piece): Piece {
  return { ...a, factor: b.factor, scaled: true, value: scaleBy(a.raw, b.factor, a.divisor) };
}

export function readRate(text: string, pos: number): { rate: Rate; end: number } | null {
  RATE_AFTER.lastIndex = pos;
  const m = RATE_AFTER.exec(text);
  if (!m) return null;
  const noun = m[1]?.toLowerCase().replace(/\s+/g, " ");
  const rate = noun ? RATE_NOUNS[noun] : m[2] ? RATE_WORDS[m[2].toLowerCase()] : "per_year";
  if (rate === undefined) return null;
  const follower = m[4]?.toLowerCase();
  // "a year earlier", "a quarter ago" compare; they are no rate. "per month from 6,000" is one.
  if (
    follower !== undefined &&
    !/^\s*-?per\b/i.test(m[0]) &&
    NOT_RATE_AFTER.has(follower) &&
    (rate === "per_year" || rate === "per_quarter" || rate === "per_month" || rate === "per_day")
  )
    return null;
  return { rate, end: pos + m[0].length - (m[4] ? m[0].length - m[0].lastIndexOf(m[4]) : 0) };
}
