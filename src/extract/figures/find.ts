/**
 * The scanner: one left-to-right pass over the text. At each digit or number word it
 * reads the number, what follows (scale, unit, a range's second end, a rate) and what
 * precedes (currency prefix, sign, bound and approximation words, loss words), and
 * emits a figure or moves on. Every regex is compiled once (patterns.ts) and applied
 * at one position, so the cost is linear in the text.
 */
import type { Bound, FigureKind, Range, Rate } from "../../model/index.js";
import type { Figure } from "../types.js";
import { anchoredCount, mayBeAnchored } from "./anchor.js";
import { NOT_MODIFIERS } from "./data/count-nouns.js";
import { CENT_CURRENCIES } from "./data/currencies.js";
import {
  FROM_VERBS,
  MOVEMENT_WORDS,
  NOT_RATE_AFTER,
  RANGE_FROM_WORDS,
  RATE_NOUNS,
  RATE_WORDS,
} from "./data/modifiers.js";
import { parseNumberAt } from "./parse-number.js";
import { CANDIDATE, RANGE_CONNECTOR, RATE_AFTER } from "./patterns.js";
import {
  lossBefore,
  modifiersBefore,
  prefixAt,
  prefixBefore,
  signBefore,
  wordsBefore,
} from "./read-context.js";
import { readScale, readUnit } from "./read-unit.js";

/** One end of a figure: a number with its scale and unit. */
export interface Piece {
  start: number;
  numStart: number;
  end: number;
  /** Scale and subunit applied, sign not. */
  value: number;
  raw: number;
  factor: number;
  scaled: boolean;
  kind: FigureKind | null;
  currency: string | null;
  unit: string | null;
  divisor: number;
  needsCurrency: boolean;
  words: boolean;
  formatted: boolean;
  intDigits: number;
}

/** Exact decimal scaling: 4.1 * 1e9 is 4099999999.9999995, "4.1e9" is 4100000000. */
export function scaleBy(value: number, factor: number, divisor = 1): number {
  const exp = Math.round(Math.log10(factor)) - Math.round(Math.log10(divisor));
  return exp === 0 ? value : Number(`${value}e${exp}`);
}

const LETTER = /[\p{L}\p{N}]/u;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  (c > 127 && LETTER.test(String.fromCharCode(c)));

/** Reads a number at `numStart` and what follows it. `currency`: from a prefix, if any. */
export function readPiece(
  text: string,
  start: number,
  numStart: number,
  currency: string | null,
): Piece | null {
  const n = parseNumberAt(text, numStart);
  if (n === null) return null;
  const scale = readScale(text, n.end);
  const factor = scale?.factor ?? 1;
  let end = scale?.end ?? n.end;
  // Object literals with every field, not spreads: this runs for every number of the text.
  const piece = (
    value: number,
    kind: FigureKind | null,
    cur: string | null,
    unitName: string | null,
    divisor: number,
    needsCurrency: boolean,
    pieceEnd: number,
  ): Piece => ({
    start,
    numStart,
    end: pieceEnd,
    value,
    raw: n.value,
    factor,
    scaled: scale !== null,
    kind,
    currency: cur,
    unit: unitName,
    divisor,
    needsCurrency,
    words: n.words,
    formatted: n.formatted,
    intDigits: n.intDigits,
  });
  if (currency !== null) {
    return piece(scaleBy(n.value, factor), "money", currency, null, 1, false, end);
  }
  // Fast path: a unit starts with a letter, "%", "-" or a symbol, at most one space away.
  let j = end;
  let c = text.charCodeAt(j);
  if (c === 32 || c === 9 || c === 10) c = text.charCodeAt(++j);
  if (!(c > 127 || c === 37 || c === 45 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
    return piece(scaleBy(n.value, factor), null, null, null, 1, false, end);
  }
  // A number glued to letters that are no unit ("5G", "3D", "1st") is no figure.
  const unit = readUnit(text, end, scaleBy(n.value, factor), scale !== null, n.words);
  if (unit === null) {
    if (
      !n.words &&
      scale === null &&
      isWordChar(text.charCodeAt(end)) &&
      !isDigit(text.charCodeAt(end))
    )
      return null;
    return piece(scaleBy(n.value, factor), null, null, null, 1, false, end);
  }
  end = unit.end;
  return piece(
    scaleBy(n.value, factor, unit.divisor),
    unit.kind,
    unit.currency,
    unit.unit,
    unit.divisor,
    unit.needsCurrency,
    end,
  );
}

/** What precedes "(" in a table cell: a line start, a tab, two spaces or a bar. */
const TABLE_CELL_BEFORE = /(?:^|\n|\t|  |\|)$/;

const DOLLARS_END = /dollars?$/i;
const CENTS_LINK = /\s+(?:and\s+)?(?=[0-9a-z])/iy;

/** The widest "X to Y" read as one range. */
const MAX_RANGE_RATIO = 4;

const yearLike = (p: Piece): boolean =>
  !p.formatted && !p.scaled && p.intDigits === 4 && p.raw >= 1800 && p.raw <= 2199;

/** The second end of a range starting after `a`, merged into one piece; null when there is none. */
/**
 * The second end after `a`: a range merged into one piece ("$4.1 billion to $4.3 billion"),
 * or, for a movement ("rose from 4.8 to 4.7 percent"), the first end alone with the unit
 * and scale it borrows from the second (two records, as the contract wants). Null: neither.
 */
function readRange(
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
    ((conn === "to" || conn === "through") && MOVEMENT_WORDS.has(before) && !explicit);
  let pos = a.end + c[0].length;
  const pre = prefixAt(text, pos);
  if (pre) pos = pre.end;
  else if (conn === "/") return null;
  const ch = text.charCodeAt(pos);
  if (!isDigit(ch) && !a.words) return null;
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
    lo = { ...a, factor: b.factor, scaled: true, value: scaleBy(a.raw, b.factor, a.divisor) };
    hi = {
      ...b,
      kind: a.kind,
      currency: a.currency,
      unit: a.unit,
      divisor: a.divisor,
      needsCurrency: a.needsCurrency,
    };
  } else {
    if (
      a.kind !== b.kind ||
      a.currency !== b.currency ||
      (a.kind === "percent" && a.unit !== b.unit)
    ) {
      return null;
    }
    if (!a.scaled && b.scaled && a.divisor === b.divisor && a.raw < b.raw) {
      // "$10 to $15 billion"
      lo = { ...a, factor: b.factor, scaled: true, value: scaleBy(a.raw, b.factor, a.divisor) };
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

function readRate(text: string, pos: number): { rate: Rate; end: number } | null {
  RATE_AFTER.lastIndex = pos;
  const m = RATE_AFTER.exec(text);
  if (!m) return null;
  const noun = m[1]?.toLowerCase().replace(/\s+/g, " ");
  const rate = noun ? RATE_NOUNS[noun] : m[2] ? RATE_WORDS[m[2].toLowerCase()] : "per_year";
  if (rate === undefined) return null;
  const follower = m[4]?.toLowerCase();
  // "a year earlier", "a quarter ago" compare; they are no rate.
  if (
    follower !== undefined &&
    NOT_RATE_AFTER.has(follower) &&
    (rate === "per_year" || rate === "per_quarter" || rate === "per_month" || rate === "per_day")
  )
    return null;
  return { rate, end: pos + m[0].length - (m[4] ? m[0].length - m[0].lastIndexOf(m[4]) : 0) };
}

export function scan(text: string): Figure[] {
  const out: Figure[] = [];
  let cursor = 0;
  let lastCurrency: string | null = null;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const i = m.index;
    if (i < cursor) {
      CANDIDATE.lastIndex = cursor;
      continue;
    }
    const prevCode = text.charCodeAt(i - 1);
    const digit = isDigit(text.charCodeAt(i));
    // The middle of a number ("1,234", "5.5") or of a word ("A320", "Q3"), unless a code is glued on ("EUR131m").
    if (
      digit &&
      (isDigit(prevCode) ||
        (prevCode === 47 && isDigit(text.charCodeAt(i - 2))) ||
        ((prevCode === 44 || prevCode === 46) && isDigit(text.charCodeAt(i - 2))))
    )
      continue;
    let prefix = digit ? prefixBefore(text, i) : null;
    // "$-50.8bn": the sign sits between the symbol and the number.
    let innerMinus = false;
    if (prefix === null && digit && (prevCode === 45 || prevCode === 8722)) {
      prefix = prefixBefore(text, i - 1);
      innerMinus = prefix !== null;
    }
    if (prefix === null && i > 0 && (isWordChar(prevCode) || prevCode === 35) /* # */) {
      CANDIDATE.lastIndex = skipToken(text, i);
      continue;
    }
    const start = prefix?.start ?? i;
    const a = readPiece(text, start, i, prefix?.currency ?? null);
    if (a === null || (prefix?.weak && !a.scaled && !a.formatted)) {
      CANDIDATE.lastIndex = skipToken(text, i);
      continue;
    }
    // Cheap exits first: a bare number with no range after it and no anchor shape is skipped here.
    if (a.kind === null && (a.words || !mayBeAnchored(text, a))) {
      RANGE_CONNECTOR.lastIndex = a.end;
      if (!RANGE_CONNECTOR.test(text)) {
        CANDIDATE.lastIndex = Math.max(i + 1, a.end);
        continue;
      }
    }
    const sign = signBefore(text, start);
    const signStart = sign?.start ?? start;
    const mods = modifiersBefore(text, sign && !sign.glyph ? signStart : start);
    const [before = "", before2 = ""] = wordsBefore(text, mods.start, 2, true);
    const read = readRange(text, a, before, before2);
    const ranged = read?.range ? { piece: read.piece, range: read.range } : null;
    let piece = read?.piece ?? a;
    let unit = piece.unit;
    if (piece.kind === null) {
      if (a.words) {
        CANDIDATE.lastIndex = Math.max(i + 1, a.end);
        continue;
      }
      const anchor = anchoredCount(text, piece, mods.start, out);
      if (anchor === null) {
        CANDIDATE.lastIndex = Math.max(i + 1, piece.end);
        continue;
      }
      piece = { ...piece, kind: "count" };
      unit = anchor;
    }
    if (
      piece.kind === "count" &&
      ((yearLike(piece) && !ranged) ||
        (piece.words && piece.value < 2) ||
        modelNumber(text, piece, mods.start))
    ) {
      CANDIDATE.lastIndex = Math.max(i + 1, piece.end);
      continue;
    }
    const kind = piece.kind as FigureKind;
    let figStart = start;
    let amount = ranged ? ranged.range.min : piece.value;
    const hints: string[] = [];
    let currency = piece.currency;
    if (piece.needsCurrency)
      currency = lastCurrency !== null && CENT_CURRENCIES.has(lastCurrency) ? lastCurrency : "USD";
    let end = piece.end;
    if (innerMinus && !ranged) amount = -amount;
    if (sign && !ranged) {
      if (sign.glyph) figStart = sign.start;
      if (sign.negative) {
        if (kind === "percent" && sign.glyph) hints.push("negative");
        else amount = -amount;
      }
    }
    // "($18.3 million)" in a table is a negative amount.
    // Only in a table row: "(US$5.3 billion)" after a figure in prose is a conversion, not a loss.
    if (
      kind === "money" &&
      !sign &&
      !ranged &&
      text.charCodeAt(start - 1) === 40 &&
      text.charCodeAt(end) === 41 &&
      TABLE_CELL_BEFORE.test(text.slice(Math.max(0, start - 3), start - 1))
    )
      amount = -amount;
    if (kind === "money" && amount > 0 && !ranged) {
      const prev = out[out.length - 1];
      const linked =
        prev !== undefined &&
        prev.hints.includes("loss") &&
        /^,?\s*(?:or|and)\s*$/.test(text.slice(prev.end, mods.start));
      if (linked || lossBefore(text, mods.start)) {
        amount = -amount;
        hints.push("loss");
      }
    }
    if (MOVEMENT_WORDS.has(before)) hints.push(before);
    // "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount.
    if (
      kind === "money" &&
      !ranged &&
      !piece.scaled &&
      DOLLARS_END.test(text.slice(piece.numStart, end))
    ) {
      CENTS_LINK.lastIndex = end;
      const link = CENTS_LINK.exec(text);
      const cents = link ? readPiece(text, end + link[0].length, end + link[0].length, null) : null;
      if (
        cents &&
        cents.divisor === 100 &&
        !cents.scaled &&
        cents.raw < 100 &&
        Number.isInteger(cents.raw)
      ) {
        amount = Math.round((amount + cents.value) * 100) / 100;
        end = cents.end;
      }
    }
    const rate = kind === "percent" ? null : readRate(text, end);
    if (figStart < cursor) {
      CANDIDATE.lastIndex = Math.max(i + 1, end);
      continue;
    }
    if (kind === "money" && currency !== null) lastCurrency = currency;
    out.push({
      kind,
      start: figStart,
      end,
      text: text.slice(figStart, end),
      amount,
      currency: kind === "money" ? currency : null,
      unit: kind === "money" ? null : unit,
      approximate: mods.approximate,
      bound: mods.bound as Bound,
      range: ranged ? ranged.range : null,
      rate: rate?.rate ?? null,
      hints,
    });
    cursor = end;
    CANDIDATE.lastIndex = end;
  }
  return out;
}

/**
 * "Model 3 sedans", "Game 2 tickets", "Section 427 seats": a small plain number right after a
 * capitalised word names a thing; it counts nothing. Title-case headlines ("Hires 40
 * Engineers") keep their counts: there the noun is capitalised too.
 */
function modelNumber(text: string, p: Piece, from: number): boolean {
  if (p.formatted || p.scaled || p.words) return false;
  let j = from - 1;
  while (j >= 0 && text.charCodeAt(j) === 32) j--;
  let k = j;
  while (k >= 0 && isWordChar(text.charCodeAt(k))) k--;
  if (k === j) return false;
  // "The 11 members", "About 400 jobs": a capitalised function word starts a sentence.
  if (NOT_MODIFIERS.has(text.slice(k + 1, j + 1).toLowerCase())) return false;
  const first = text.charCodeAt(k + 1);
  const last = text.charCodeAt(p.end - 1);
  return first >= 65 && first <= 90 && j > k + 1 && last >= 97 && last <= 122;
}

/** The end of the alphanumeric token at `i`, to skip model names and codes in one step. */
function skipToken(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return j;
}
