/**
 * Reads one number at a position: digits with thousands separators and a decimal part
 * ("1,234.5"), the European form only when it cannot be read otherwise ("1.234,5"), and
 * spelled-out numbers up to the hundreds ("twelve", "forty-five", "one hundred", "a dozen").
 * Scale words ("million") are read by the unit scanner, not here.
 */
import { isAsciiLetter, isDigitCode } from "../chars.js";
import { COUNT_WORDS, TENS, UNITS } from "./data/number-words.js";

export interface ParsedNumber {
  value: number;
  /** Index just after the number. */
  end: number;
  /** Spelled out ("twelve") rather than written in digits. */
  words: boolean;
  /** Has a decimal part or a thousands separator: never a year, a model or a rank. */
  formatted: boolean;
  /** Digit count of the integer part, for year-like checks. */
  intDigits: number;
}

const EUROPEAN = /\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d.,]*\d)/y;
const GROUPED = /\d{1,3}(?:,\d{3})+(?:\.\d+)?/y;
const PLAIN = /\d+(?:\.\d+)?/y;
const WORD = /[a-z]+/iy;
const MIXED_FRACTION = /[- ](\d{1,2})\/(\d{1,2})(?![\d/])/y;
/**
 * The number words as maps: a word read from the text looked up in a plain object walks
 * its prototype on every miss (and finds "constructor"); a Map answers only its own keys.
 */
const UNIT_OF: ReadonlyMap<string, number> = new Map(Object.entries(UNITS));
const TEN_OF: ReadonlyMap<string, number> = new Map(Object.entries(TENS));
const COUNT_OF: ReadonlyMap<string, number> = new Map(Object.entries(COUNT_WORDS));
const FRACTION_DENOMINATORS: ReadonlySet<number> = new Set([2, 4, 8, 16, 32, 64]);

/** "US" glued to a number before its scale or its split decimal ("61US million", "22US .71"). */
const GLUED_US = /US(?= (?:million|billion|mln|bn|mn|m)\b| \.\d)/y;
const LEADING_DOT = /\.\d+/y;
/** " .5" after a whole number, not followed by more of a number (" .5.6", " .5,6"). */
const SPLIT_DECIMAL = / \.(\d+)(?![\d.,:/]*\d)/y;
/** "EUR415 ,000": tokenised text splits a thousands group at its comma. */
const SPLIT_THOUSANDS = / ,(\d{3})(?![\d.,:/]*\d)/y;

export function parseNumberAt(text: string, i: number): ParsedNumber | null {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return parseDigits(text, i);
  if (c === 46) return parseLeadingDot(text, i);
  return parseWords(text, i);
}

/** ".001 per cent", "$.50": a decimal written without its leading zero. */
function parseLeadingDot(text: string, i: number): ParsedNumber | null {
  LEADING_DOT.lastIndex = i;
  const m = LEADING_DOT.exec(text);
  if (!m) return null;
  const end = i + m[0].length;
  if (continuesAsNonFigure(text, end)) return null;
  return { value: Number(`0${m[0]}`), end, words: false, formatted: true, intDigits: 0 };
}

function parseDigits(text: string, i: number): ParsedNumber | null {
  // Most numbers are a bare run of digits: without a "." or "," after the run, none of
  // the separated forms can match, and the run is the number.
  let run = i;
  while (run < text.length && isDigitCode(text.charCodeAt(run))) run++;
  const after = text.charCodeAt(run);
  if (after !== 46 && after !== 44) return fromDigits(text, i, text.slice(i, run), false);
  EUROPEAN.lastIndex = i;
  const eu = EUROPEAN.exec(text);
  if (eu) {
    const raw = eu[0].replace(/\./g, "").replace(",", ".");
    return {
      value: Number(raw),
      end: i + eu[0].length,
      words: false,
      formatted: true,
      intDigits: raw.indexOf("."),
    };
  }
  GROUPED.lastIndex = i;
  let m = GROUPED.exec(text);
  let grouped = true;
  if (!m) {
    grouped = false;
    PLAIN.lastIndex = i;
    m = PLAIN.exec(text);
  }
  if (!m) return null;
  return fromDigits(text, i, m[0], grouped);
}

/** The number whose digits (`digits`, with separators when `grouped`) start at `i`. */
function fromDigits(
  text: string,
  i: number,
  digits: string,
  grouped: boolean,
): ParsedNumber | null {
  let end = i + digits.length;
  // "$ 61US million", "$ 22US .71": "$US" split around the number by tokenised text.
  GLUED_US.lastIndex = end;
  if (text.charCodeAt(end) === 85 /* U */ && GLUED_US.test(text)) end += 2;
  // "9-7/8 pct", "15 3/8": a whole number and an eighth-style fraction, as bond prices are quoted.
  const next = text.charCodeAt(end);
  if (!grouped && (next === 45 || next === 32) && digits.indexOf(".") < 0) {
    MIXED_FRACTION.lastIndex = end;
    const f = MIXED_FRACTION.exec(text);
    if (f) {
      const den = Number(f[2]);
      const num = Number(f[1]);
      if (FRACTION_DENOMINATORS.has(den) && num < den) {
        return {
          value: Number(digits) + num / den,
          end: end + f[0].length,
          words: false,
          formatted: true,
          intDigits: digits.length,
        };
      }
    }
  }
  // "EUR3 .1 m", "GBX10 .50": tokenised text splits a decimal at its point; join it again.
  if (text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 46 && digits.indexOf(".") < 0) {
    SPLIT_DECIMAL.lastIndex = end;
    const d = SPLIT_DECIMAL.exec(text);
    if (d) {
      const whole = grouped ? digits.replace(/,/g, "") : digits;
      return {
        value: Number(`${whole}.${d[1]}`),
        end: end + d[0].length,
        words: false,
        formatted: true,
        intDigits: whole.length,
      };
    }
  }
  // "EUR415 ,000", "EUR63 ,000": join the group again, as for the decimal point above.
  if (
    text.charCodeAt(end) === 32 &&
    text.charCodeAt(end + 1) === 44 &&
    !grouped &&
    digits.length <= 3 &&
    digits.indexOf(".") < 0
  ) {
    SPLIT_THOUSANDS.lastIndex = end;
    const g = SPLIT_THOUSANDS.exec(text);
    if (g) {
      const whole = `${digits}${g[1]}`;
      return {
        value: Number(whole),
        end: end + g[0].length,
        words: false,
        formatted: true,
        intDigits: whole.length,
      };
    }
  }
  if (continuesAsNonFigure(text, end)) return null;
  const raw = grouped ? digits.replace(/,/g, "") : digits;
  const dot = raw.indexOf(".");
  return {
    value: Number(raw),
    end,
    words: false,
    formatted: grouped || dot >= 0,
    intDigits: dot >= 0 ? dot : raw.length,
  };
}

/** "1.2.3", "12,34", "5/6", "10:30": a number that goes on after `.`, `,`, `/` or `:` is a version, list, date or time. */
function continuesAsNonFigure(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  const after = text.charCodeAt(end + 1);
  return (next === 46 || next === 44 || next === 47 || next === 58) && after >= 48 && after <= 57;
}

function readWord(text: string, i: number): string | null {
  WORD.lastIndex = i;
  const m = WORD.exec(text);
  return m ? m[0] : null;
}

/**
 * The first letters and the longest length of the words a spelled-out number starts with
 * ("a" and "half" before a scale too): a word of other letters is passed over uncopied, as
 * the words of a table's labels are.
 */
const STARTING_WORDS = ["a", "half", ...UNIT_OF.keys(), ...TEN_OF.keys(), ...COUNT_OF.keys()];
const FIRST_LETTERS: ReadonlySet<number> = new Set(STARTING_WORDS.map((w) => w.charCodeAt(0)));
const LONGEST_WORD = Math.max(...STARTING_WORDS.map((w) => w.length));

function parseWords(text: string, i: number): ParsedNumber | null {
  let k = i;
  while (k < text.length && isAsciiLetter(text.charCodeAt(k))) k++;
  if (k === i || k - i > LONGEST_WORD || !FIRST_LETTERS.has(text.charCodeAt(i) | 32)) return null;
  const first = text.slice(i, k);
  const w = first.toLowerCase();
  let pos = i + first.length;
  // "a million dollars": the article stands for one, only before a scale word (the scanner's pattern checks).
  if (w === "a") return { value: 1, end: pos, words: true, formatted: false, intDigits: 1 };
  // "half a billion kroons", "half a percent": the scanner's pattern checks what follows.
  if (w === "half") {
    const a = /^ an? /i.exec(text.slice(pos, pos + 4));
    if (a)
      return {
        value: 0.5,
        end: pos + a[0].length - 1,
        words: true,
        formatted: false,
        intDigits: 0,
      };
  }
  const dozen = COUNT_OF.get(w);
  if (dozen !== undefined)
    return { value: dozen, end: pos, words: true, formatted: false, intDigits: 2 };
  let value = UNIT_OF.get(w) ?? TEN_OF.get(w);
  if (value === undefined) return null;
  // "forty-five", "forty five"
  if (TEN_OF.has(w)) {
    const sep = text[pos];
    if (sep === "-" || sep === " ") {
      const u = readWord(text, pos + 1);
      const uv = u === null ? undefined : UNIT_OF.get(u.toLowerCase());
      if (u !== null && uv !== undefined && uv > 0 && uv < 10) {
        value += uv;
        pos += 1 + u.length;
      }
    }
  }
  // "one hundred", "two hundred and five"
  if (text[pos] === " " && value < 10) {
    const h = readWord(text, pos + 1);
    if (h !== null && h.toLowerCase() === "hundred") {
      value *= 100;
      pos += 1 + h.length;
      const rest = /^ (?:and )?([a-z]+)(?:[- ]([a-z]+))?/i.exec(text.slice(pos, pos + 24));
      if (rest?.[1]) {
        const a = rest[1].toLowerCase();
        const av = UNIT_OF.get(a) ?? TEN_OF.get(a);
        if (av !== undefined && av > 0) {
          let add = av;
          let len = rest[0].length;
          const b = rest[2]?.toLowerCase();
          const bv = b === undefined ? undefined : UNIT_OF.get(b);
          if (TEN_OF.has(a) && bv !== undefined && bv > 0 && bv < 10) add += bv;
          else if (rest[2] !== undefined) len -= 1 + rest[2].length;
          value += add;
          pos += len;
        }
      }
    }
  }
  return { value, end: pos, words: true, formatted: false, intDigits: String(value).length };
}
