/**
 * The scanner: one left-to-right pass over the text. At each digit or number word it
 * reads the number, what follows (scale, unit, a range's second end, a rate) and what
 * precedes (currency prefix, sign, bound and approximation words, loss words), and
 * emits a figure or moves on. Every regex is compiled once (patterns.ts) and applied
 * at one position, so the cost is linear in the text.
 */
import type { Bound, FigureKind } from "../../model/index.js";
import { isDigitCode } from "../chars.js";
import type { Figure } from "../types.js";
import { anchoredCount, mayBeAnchored } from "./anchor.js";
import { NOT_MODIFIERS } from "./data/count-nouns.js";
import { CENT_CURRENCIES } from "./data/currencies.js";
import { MOVEMENT_WORDS } from "./data/modifiers.js";
import { TENS, UNITS } from "./data/number-words.js";
import { CANDIDATE, RANGE_CONNECTOR } from "./patterns.js";
import { isWordChar, type Piece, readPiece, yearLike } from "./piece.js";
import {
  lossBefore,
  modifiersBefore,
  oneOffBefore,
  oneOffLoss,
  prefixBefore,
  signBefore,
  wordsBefore,
} from "./read-context.js";
import { readRange, readRate } from "./read-range.js";
import { type BareReading, currencyPlacer, lossAfter, readBare } from "./wire.js";

/** What precedes "(" in a table cell: a line start, a tab, two spaces or a bar. */
const TABLE_CELL_BEFORE = /(?:^|\n|\t| {2}|\|)$/;

const DOLLARS_END = /dollars?$/i;
/** What joins a figure to the one-off item before it: "or", "and", "vs", "in quarter and". */
const ONE_OFF_LINK = /^,?\s*(?:(?:in|for)\s+(?:the\s+)?[a-z]+\s+)?(?:or|and|vs\.?|versus)\s*$/i;
const CENTS_LINK = /\s+(?:and\s+)?(?=[0-9a-z])/iy;

/**
 * What may stand before a decimal written as ".5": nothing, a space, a bracket, a symbol;
 * not a word, a number or another dot ("No.1", "1.5", "...5"). "12 .5" is a split decimal,
 * read with its whole part.
 */
function leadingDotStart(text: string, dot: number): boolean {
  const c = text.charCodeAt(dot - 1);
  if (Number.isNaN(c)) return true;
  if (isWordChar(c) || c === 46 || c === 44) return false;
  return !(c === 32 && isDigitCode(text.charCodeAt(dot - 2)));
}

export function scan(text: string): Figure[] {
  const out: Figure[] = [];
  let cursor = 0;
  let lastCurrency: string | null = null;
  let leadDigit = -1;
  const place = currencyPlacer(text);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    let i = m.index;
    if (i < cursor) {
      CANDIDATE.lastIndex = cursor;
      continue;
    }
    let prevCode = text.charCodeAt(i - 1);
    const digit = isDigitCode(text.charCodeAt(i));
    // ".001 per cent", "$.50": a decimal without its leading zero starts at the dot.
    if (digit && prevCode === 46 && leadingDotStart(text, i - 1)) {
      // Found again after a step back (never expected): move on rather than loop.
      if (i === leadDigit) {
        CANDIDATE.lastIndex = skipToken(text, i);
        continue;
      }
      leadDigit = i;
      i -= 1;
      prevCode = text.charCodeAt(i - 1);
    }
    // The middle of a number ("1,234", "5.5") or of a word ("A320", "Q3"), unless a code is glued on ("EUR131m").
    if (
      digit &&
      (isDigitCode(prevCode) ||
        (prevCode === 47 && isDigitCode(text.charCodeAt(i - 2))) ||
        ((prevCode === 44 || prevCode === 46) && isDigitCode(text.charCodeAt(i - 2))))
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
    let a = readPiece(text, start, i, prefix?.currency ?? null);
    if (a === null || (prefix?.weak && !a.scaled && !a.formatted)) {
      CANDIDATE.lastIndex = skipToken(text, i);
      continue;
    }
    let volume = false;
    // Cheap exits first: a bare number with no range after it and no anchor shape is skipped here.
    const shaped = a.kind === null && !a.words && mayBeAnchored(text, a);
    if (a.kind === null && !shaped) {
      RANGE_CONNECTOR.lastIndex = a.end;
      if (!RANGE_CONNECTOR.test(text)) {
        const bare = readBare(text, a, out);
        if (bare === null) {
          CANDIDATE.lastIndex = Math.max(i + 1, a.end);
          continue;
        }
        a = withReading(a, bare);
        volume = bare.volume === true;
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
    if (piece.kind === null && !ranged) {
      const bare = readBare(text, a, out);
      if (bare !== null) {
        piece = withReading(a, bare);
        unit = piece.unit;
        volume = bare.volume === true;
      }
    }
    if (piece.kind === null) {
      if (a.words) {
        CANDIDATE.lastIndex = Math.max(i + 1, a.end);
        continue;
      }
      const anchorable = piece === a ? shaped : mayBeAnchored(text, piece);
      const anchor = anchorable ? anchoredCount(text, piece, mods.start, out) : null;
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
        modelNumber(text, piece, mods.start) ||
        numberAfterNumber(text, piece, mods.start))
    ) {
      CANDIDATE.lastIndex = Math.max(i + 1, piece.end);
      continue;
    }
    const kind = piece.kind as FigureKind;
    let figStart = start;
    let amount = ranged ? ranged.range.min : piece.value;
    const hints: string[] = [];
    if (volume && kind === "count") hints.push("volume");
    let currency = piece.currency;
    if (kind === "money" && currency !== null)
      currency = place(text.slice(piece.numStart, piece.end), currency);
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
        prev?.hints.includes("loss") &&
        /^,?\s*(?:or|and)\s*$/.test(text.slice(prev.end, mods.start));
      const lossAt = linked ? -1 : lossBefore(text, mods.start);
      // A one-off loss ("a one-time loss of", "unusual gain ... vs loss") keeps its size: it is an item, not a result.
      if (
        (linked && prev?.hints.includes("one-off")) ||
        (lossAt >= 0 && oneOffLoss(text, lossAt))
      ) {
        hints.push("loss", "one-off");
      } else if (linked || lossAt >= 0) {
        amount = -amount;
        hints.push("loss");
      }
    }
    // "a 19.64 mln dlr net loss": the loss named after the figure.
    if (kind === "money" && amount > 0 && !ranged && !hints.includes("loss")) {
      const after = lossAfter(text, piece.end);
      if (after === "one-off") hints.push("loss", "one-off");
      else if (after === "loss") {
        amount = -amount;
        hints.push("loss");
      }
    }
    // "a tax credit of 909,000 dlrs or 46 cents a share", "gains of 666,000 dlrs vs 289,000 dlrs": one-off items.
    if (kind === "money" && !hints.includes("one-off")) {
      const prev = out[out.length - 1];
      if (
        oneOffBefore(text, mods.start) ||
        (prev?.hints.includes("one-off") && ONE_OFF_LINK.test(text.slice(prev.end, mods.start)))
      )
        hints.push("one-off");
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
    if (figStart < cursor || (prefix !== null && !ranged && cutOff(text, piece, end))) {
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
 * "... from a net profit of EUR 2" where the text stops: a whole amount cut off by the end
 * of the text (no scale, no decimals, nothing after it) cannot be read with confidence.
 */
function cutOff(text: string, p: Piece, end: number): boolean {
  if (p.scaled || p.formatted || !/^\s*$/.test(text.slice(end))) return false;
  const before = text.slice(text.lastIndexOf("\n", p.start) + 1, p.start);
  // Prose runs into it ("profit of EUR 2"); a label line ("Price: EUR 4") or a table row does not.
  return /[a-z]\s+$/.test(before) && !/\bvs\b|\t| {2}/i.test(before);
}

/** A bare number read as money or a count by the wire rules (wire.ts). */
function withReading(p: Piece, r: BareReading): Piece {
  return { ...p, kind: r.kind, currency: r.currency, unit: r.unit, needsCurrency: false };
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

/** Words that join two numbers into a range, a comparison or a list: "200 and 300 jobs". */
const JOINING_WORDS: ReadonlySet<string> = new Set(
  "and or to than from between of by per plus minus vs versus with in on at for about nearly almost over under up down into the a an its their some each every was were is are had has have".split(
    " ",
  ),
);

/**
 * "two new 737 Max jets", "20 more 787 Dreamliners", "2 000 people": a plain number right
 * after another number, or one describing word after it, names a model or is a piece of a
 * number; it counts nothing (the first number is the count). Joining words ("200 and 300
 * jobs"), punctuation and years ("in 2023 120 stores") end the look-back.
 */
function numberAfterNumber(text: string, p: Piece, from: number): boolean {
  if (p.formatted || p.scaled || p.words) return false;
  let j = from - 1;
  for (let between = 0; between <= 1; between++) {
    while (j >= 0 && text.charCodeAt(j) === 32) j--;
    const end = j + 1;
    while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
    const token = text.slice(j + 1, end);
    if (token === "") return false;
    const lower = token.toLowerCase();
    if (/^\d+$/.test(token)) return !(token.length === 4 && /^(?:1[89]|20)/.test(token));
    if (Object.hasOwn(UNITS, lower) || Object.hasOwn(TENS, lower)) return true;
    if (!/^[a-z]+$/.test(token) || JOINING_WORDS.has(token)) return false;
  }
  return false;
}

/** The end of the alphanumeric token at `i`, to skip model names and codes in one step. */
function skipToken(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return j;
}
