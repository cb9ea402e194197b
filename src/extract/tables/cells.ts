/**
 * One cell of a results row: an optional sign word (`loss`, `profit`), an optional
 * bracket or minus, a number (digits, a fraction, a number word, `nil`), an optional
 * scale (`mln`, `billion`) and an optional unit (`dlrs`, `cts`, `stg`, `yen`, `guilders`).
 * The cell's text is the number through its unit, as the guide spans it ("16 cts",
 * "50.3 mln", "1,569,000"); the sign word and the brackets stay outside.
 */

import { isSpaceCode } from "../chars.js";
import { CURRENCY_WORDS } from "../figures/data/currencies.js";
import { parseNumberAt } from "../figures/parse-number.js";
import { prefixAt } from "../figures/read-context.js";
import { readScale } from "../figures/read-unit.js";

export interface Cell {
  start: number;
  end: number;
  /** The number as written, before scale and unit. */
  value: number;
  /** The cell's own scale multiplier, or null when it states none. */
  scale: number | null;
  /** The cell's own currency word ("dlrs" -> USD), or null. */
  currency: string | null;
  /** Written in hundredths ("cts", "pence"): the currency of the hundredth when it names one. */
  subunit: { currency: string | null } | null;
  negative: boolean;
  /** Digits with a thousands separator or a decimal part. */
  formatted: boolean;
  /** A placeholder for a value not given ("n/a", "not given"): no figure. */
  missing: boolean;
}

const SIGN = /(loss|profit)\s+(?=[-($£€¥\d]|nil\b|[a-z]+\s)/iy;
const MISSING =
  /(?:n\/a|n\.a\.?|na|not\s+given|not\s+available|not\s+applicable|nm|n\/m|none)(?![A-Za-z/])/iy;
const NIL = /nil(?![A-Za-z])/iy;
const CURRENCY_KEYS = Object.keys(CURRENCY_WORDS)
  .filter((k) => !k.includes(" "))
  .sort((a, b) => b.length - a.length);
/** Currency words of wire copy, and a typo's stray letter after a cents word ("93 ctsd"). */
const UNIT = new RegExp(
  `[ \\t-]?(?:(cts|ct|cnts|cnt|cents|cent)[a-z]?|(pence|penny|p)|(${CURRENCY_KEYS.join("|")}))(?![A-Za-z])`,
  "iy",
);

/** Read a cell starting at `i` (spaces skipped). `null` when no cell starts there. */
export function readCell(text: string, i: number, lineEnd: number): Cell | null {
  let pos = skip(text, i);
  // A cell is read at every word of a label: its words are tried only where their first
  // letter stands ("n/a", "none", "nil" start with n; the sign words with l or p).
  const first = text.charCodeAt(pos) | 32;
  const miss = first === 110 ? stickyAt(MISSING, text, pos) : null;
  if (miss) return { ...empty(pos, pos + miss[0].length), missing: true };
  const sign = first === 108 || first === 112 ? stickyAt(SIGN, text, pos) : null;
  let negative = false;
  if (sign) {
    negative = (sign[1] as string).toLowerCase() === "loss";
    pos += sign[0].length;
  }
  const nil = (text.charCodeAt(pos) | 32) === 110 ? stickyAt(NIL, text, pos) : null;
  if (nil) return { ...empty(pos, pos + 3), negative, value: 0 };
  let bracket = false;
  let inner = false;
  if (text[pos] === "(") {
    bracket = true;
    pos++;
  } else if (text[pos] === "-" && /\d/.test(text[pos + 1] ?? "")) {
    negative = !negative;
    pos++;
  }
  const start = pos;
  // The figure reader's prefixes ("$", "C$", "£", "EUR"), on the cell's own line.
  const prefix = prefixAt(text, pos);
  let currency: string | null = null;
  if (prefix && prefix.end <= lineEnd) {
    currency = prefix.currency;
    pos = prefix.end;
    // "$ (0.07)": the symbol outside the bracket, which the cell's text then holds whole.
    if (!bracket && text[pos] === "(") {
      bracket = true;
      inner = true;
      pos++;
    }
  }
  const n = parseNumberAt(text, pos);
  if (n === null || n.end > lineEnd) return null;
  // "3,0077,000": a number that runs on into more digits is malformed, not a cell.
  if (/[\d,]/.test(text[n.end] ?? "") && /\d/.test(text[n.end + 1] ?? "")) return null;
  pos = n.end;
  // The figure reader's scale words ("mln", "billion", an attached "m"), on the cell's own line.
  let scale: number | null = null;
  const s = readScale(text, pos, currency !== null);
  if (s && s.end <= lineEnd) {
    scale = s.factor;
    pos = s.end;
  }
  let subunit: Cell["subunit"] = null;
  UNIT.lastIndex = pos;
  const u = UNIT.exec(text);
  if (u) {
    if (u[1]) subunit = { currency: null };
    else if (u[2]) {
      // "53.05p" only attached; "p" alone after a space is too often something else.
      if (u[2].toLowerCase() !== "p" || u[0] === "p") subunit = { currency: "GBP" };
    } else currency = CURRENCY_WORDS[(u[3] as string).toLowerCase()] ?? currency;
    if (u[1] || u[3] || subunit) pos += u[0].length;
  }
  // A number word is a cell only with a scale or unit ("three mln", "eight cts").
  if (n.words && scale === null && currency === null && subunit === null) return null;
  if (bracket) {
    if (text[pos] !== ")") return null;
    negative = !negative;
    if (inner) pos++;
  }
  return {
    start,
    end: pos,
    value: n.value,
    scale,
    currency,
    subunit,
    negative,
    formatted: n.formatted,
    missing: false,
  };
}

/** Where the cell read at `i` ends, brackets included. */
export function cellTail(text: string, cell: Cell): number {
  return text[cell.end] === ")" ? cell.end + 1 : cell.end;
}

function skip(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++;
  return j;
}

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function empty(start: number, end: number): Cell {
  return {
    start,
    end,
    value: 0,
    scale: null,
    currency: null,
    subunit: null,
    negative: false,
    formatted: false,
    missing: false,
  };
}
