/**
 * What follows a number: its scale ("million", "bn", "m"), then its unit: a percent
 * sign or word, a subunit ("cents", "34.5p"), a currency word or code ("yen", "USD"),
 * or a counted business noun phrase ("41 new hospital clients"). One sticky match per
 * alternative at one position.
 */
import type { FigureKind } from "../../model/index.js";
import { isSpaceCode } from "../chars.js";
import {
  COUNT_NOUNS,
  COUNT_UNIT_NAME,
  NOT_MODIFIERS,
  VOLUME_CUE,
  VOLUME_NOUNS,
} from "./data/count-nouns.js";
import {
  CURRENCY_WORDS,
  currencyOfCode,
  DOLLAR_QUALIFIERS,
  SUBUNITS,
  SUFFIX_SYMBOLS,
} from "./data/currencies.js";
import { ATTACHED_ONLY, SCALE_WORDS } from "./data/scales.js";
import {
  CODE_AFTER,
  CURRENCY_WORD,
  PENCE_ATTACHED,
  PENCE_SPACED,
  PERCENT,
  PERCENT_ATTACHED,
  SCALE,
  SUBUNIT_WORD,
  SYMBOL_AFTER,
} from "./patterns.js";

export interface Scale {
  factor: number;
  end: number;
}

export interface Unit {
  kind: FigureKind;
  currency: string | null;
  unit: string | null;
  /** 100 for subunits (cents, pence), else 1. */
  divisor: number;
  /** A subunit whose currency the article decides ("cents"). */
  needsCurrency: boolean;
  end: number;
}

/** A money unit; a subunit (cents, pence) divides by 100 and, without its own currency, takes the article's. */
function moneyUnit(currency: string | null, end: number, subunit = false): Unit {
  return {
    kind: "money",
    currency,
    unit: null,
    divisor: subunit ? 100 : 1,
    needsCurrency: subunit && currency === null,
    end,
  };
}

/**
 * The scale word after a number. `money`: the number has a currency prefix, so a spaced
 * "m" cannot be metres ("EUR74.8 m", "$5 m").
 */
export function readScale(text: string, pos: number, money = false): Scale | null {
  SCALE.lastIndex = pos;
  const m = SCALE.exec(text);
  if (!m) return null;
  const word = (m[2] as string).toLowerCase().replace(/\s+/g, " ");
  if (m[1] !== "" && (!money || m[1] === "-") && ATTACHED_ONLY.has(word)) return null;
  const factor = SCALE_WORDS[word];
  if (factor === undefined) return null;
  const end = pos + m[0].length;
  // "four hundred million": a larger scale after a small one multiplies.
  if (factor < 1e6) {
    SCALE.lastIndex = end;
    const n = SCALE.exec(text);
    const next =
      n && n[1] !== ""
        ? SCALE_WORDS[(n[2] as string).toLowerCase().replace(/\s+/g, " ")]
        : undefined;
    if (n && next !== undefined && next > factor && next >= 1e6)
      return { factor: factor * next, end: end + n[0].length };
  }
  return { factor, end };
}

const PERCENT_UNITS: Readonly<Record<string, "percent" | "percentage_point" | "basis_point">> = {
  bp: "basis_point",
  bps: "basis_point",
  pp: "percentage_point",
  ppt: "percentage_point",
  ppts: "percentage_point",
};

function percentUnit(word: string): "percent" | "percentage_point" | "basis_point" {
  const w = word.toLowerCase();
  if (w.startsWith("basis")) return "basis_point";
  if (/point|pts/.test(w)) return "percentage_point";
  return PERCENT_UNITS[w] ?? "percent";
}

/** The unit of a number that has no currency prefix. `attached`: no scale and nothing between. */
export function readUnit(
  text: string,
  pos: number,
  value: number,
  scaled: boolean,
  wordsNumber: boolean,
): Unit | null {
  PERCENT.lastIndex = pos;
  let m = PERCENT.exec(text);
  if (m) {
    const w = m[1] as string;
    // Lower-case "bp"/"bps" only: "BP" is a company.
    if (!/^bps?$/i.test(w) || /^bps?$/.test(w)) {
      return {
        kind: "percent",
        currency: null,
        unit: percentUnit(w),
        divisor: 1,
        needsCurrency: false,
        end: pos + m[0].length,
      };
    }
  }
  // The attached and spaced forms below start with a small "p" (at `pos` or after a space).
  const p = text.charCodeAt(pos) === 112;
  if (!scaled && p) {
    PERCENT_ATTACHED.lastIndex = pos;
    m = PERCENT_ATTACHED.exec(text);
    if (m)
      return {
        kind: "percent",
        currency: null,
        unit: m[1] === "pc" ? "percent" : "percentage_point",
        divisor: 1,
        needsCurrency: false,
        end: pos + m[0].length,
      };
  }
  SUBUNIT_WORD.lastIndex = pos;
  m = SUBUNIT_WORD.exec(text);
  if (m) {
    const cur = SUBUNITS[(m[1] as string).toLowerCase()] ?? null;
    return moneyUnit(cur, pos + m[0].length, true);
  }
  if (!scaled && !wordsNumber) {
    PENCE_ATTACHED.lastIndex = pos;
    if (p && PENCE_ATTACHED.test(text)) return moneyUnit("GBP", pos + 1, true);
    PENCE_SPACED.lastIndex = pos;
    if (text.charCodeAt(pos + 1) === 112 && PENCE_SPACED.test(text))
      return moneyUnit("GBP", pos + 2, true);
  }
  CURRENCY_WORD.lastIndex = pos;
  m = CURRENCY_WORD.exec(text);
  if (m) {
    const qual = m[1]?.toLowerCase().replace(/\s+/g, " ");
    const word = (m[2] as string).toLowerCase().replace(/\s+/g, " ");
    const isDollar = word.startsWith("dollar") || word.startsWith("dlr");
    const code =
      (qual && isDollar ? DOLLAR_QUALIFIERS[qual] : undefined) ??
      (qual ? CURRENCY_WORDS[`${qual} ${word}`] : undefined) ??
      CURRENCY_WORDS[word];
    // "lost 20 pounds" is weight; "the team won 3" is a verb: these need a scale or a large amount.
    const ambiguous = word.startsWith("pound") || word === "won";
    if (code !== undefined && (!ambiguous || scaled || value >= 1000)) {
      return moneyUnit(code, pos + m[0].length);
    }
  }
  CODE_AFTER.lastIndex = pos;
  m = CODE_AFTER.exec(text);
  const coded = m ? currencyOfCode(m[1] as string) : null;
  if (m && coded !== null) return moneyUnit(coded, pos + m[0].length);
  SYMBOL_AFTER.lastIndex = pos;
  m = mayStartSymbol(text, pos) ? SYMBOL_AFTER.exec(text) : null;
  if (m) return moneyUnit(SUFFIX_SYMBOLS[m[1] as string] ?? null, pos + m[0].length);
  return readCountNoun(text, pos, value, wordsNumber);
}

/** The first characters of the suffix symbols ("€", "元"). */
const SYMBOL_FIRST: ReadonlySet<number> = new Set(
  Object.keys(SUFFIX_SYMBOLS).map((k) => k.charCodeAt(0)),
);

/** Whether a suffix symbol may start at `pos`, one space allowed (SYMBOL_AFTER's first character). */
function mayStartSymbol(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return SYMBOL_FIRST.has(c) || (isSpaceCode(c) && SYMBOL_FIRST.has(text.charCodeAt(pos + 1)));
}

/** The next word; wire copy wraps its lines, so one line break counts as a space. */
const NEXT_WORD = /(?:[ \t]+|[ \t]*\n[ \t]*)([A-Za-z][A-Za-z'’-]*)/y;
/** "2,100 U.S. workers", "4.0 mln T.H.E. Fitness shares": an initialism describing the counted noun. */
const INITIALISM = /(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z]\.){2,}(?=[ \t\n]+[A-Za-z])/y;
/** A plain number followed by a title-case word ("737 Max"): a model inside a noun phrase. */
const MODEL_NUMBER = /[ \t]+\d{2,4}(?=[ \t]+[A-Z][a-z])/y;

const PART_OF = /[ \t]+\d[\d,.]*(?:[ \t]*(?:million|billion|mln|bn|m))?(?=[ \t])/y;
/** "the two companies" is how news names the parties to a deal; "6,000 companies" is a count. */
const DIGITS_ONLY_NOUNS: ReadonlySet<string> = new Set(["companies", "firms", "businesses"]);
const OF_DETERMINER = /[ \t]+of[ \t]+(?:its|their|our|his|her|the)(?=[ \t])/y;

/** Heads that count without a plural "s" ("600 staff", "39 aircraft"). */
const INVARIANT_NOUNS: ReadonlySet<string> = new Set([
  "staff",
  "aircraft",
  "people",
  "personnel",
  "fishermen",
  "salesmen",
  "crew",
]);

/** A headline in title case ("Cuts 3,500 Jobs As Demand Slows"): capitalised words there are no names. */
function isTitleRun(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf("\n", pos) + 1;
  const head = text.slice(lineStart, pos);
  const words = head.match(/[A-Za-z]+/g) ?? [];
  return words.length >= 2 && words.every((w) => /^[A-Z]/.test(w) || w.length <= 3);
}

/** "41 new hospital clients": up to three modifiers, then a business count noun. */
function readCountNoun(
  text: string,
  pos: number,
  value: number,
  wordsNumber: boolean,
): Unit | null {
  let p = pos;
  let prev = "";
  // An initialism in the phrase ("250 U.S. companies"): companies so placed are a sample or a list, not a count.
  let named = false;
  // "35m of its Echo devices", "1,200 of its workers": the count is the number; its noun comes later.
  OF_DETERMINER.lastIndex = pos;
  const of = OF_DETERMINER.exec(text);
  const partitive = of !== null;
  if (of) {
    p = pos + of[0].length;
    // "1,200 of its 17,000 employees": skip the whole it is part of.
    PART_OF.lastIndex = p;
    const whole = PART_OF.exec(text);
    if (whole) p += whole[0].length;
  }
  for (let i = 0; i < 5; i++) {
    // "two new 737 Max jets": a plain number inside the noun phrase is a model's name.
    MODEL_NUMBER.lastIndex = p;
    const model = i > 0 ? MODEL_NUMBER.exec(text) : null;
    if (model) {
      p += model[0].length;
      continue;
    }
    // Digits only: a small count spelled as a word ("four U.S. plants") is no figure.
    INITIALISM.lastIndex = p;
    const initials = wordsNumber ? null : INITIALISM.exec(text);
    if (initials) {
      p += initials[0].length;
      named = true;
      continue;
    }
    NEXT_WORD.lastIndex = p;
    const m = NEXT_WORD.exec(text);
    if (!m) return null;
    const word = m[1] as string;
    const lw = word.toLowerCase();
    const end = p + m[0].length;
    if (
      (COUNT_NOUNS.has(lw) ||
        (!wordsNumber && !named && DIGITS_ONLY_NOUNS.has(lw)) ||
        (VOLUME_NOUNS.has(lw) && volumeSold(text, pos))) &&
      (value === 1 || lw.endsWith("s") || INVARIANT_NOUNS.has(lw))
    ) {
      // "610,000 Staff Builders common": a capitalised head followed by a capitalised word is a name.
      NEXT_WORD.lastIndex = end;
      const after = NEXT_WORD.exec(text);
      const c0 = word.charCodeAt(0);
      if (
        after &&
        c0 >= 65 &&
        c0 <= 90 &&
        /^[A-Z][a-z]/.test(after[1] as string) &&
        !isTitleRun(text, pos)
      )
        return null;
      return {
        kind: "count",
        currency: null,
        unit: COUNT_UNIT_NAME[lw] ?? lw,
        divisor: 1,
        needsCurrency: false,
        end: partitive ? pos : end,
      };
    }
    // Modifiers are lower-case or title-case words: "737 MAX aircraft" is a model, not 737 aircraft.
    // "digital and physical sales": "and" joins two modifiers, never a modifier and the number.
    const joins = lw === "and" && i > 0 && !prev.endsWith("s");
    // "60,000 Tulikivi Series A shares", "Class B shares": the letter names a share class.
    // Not after a small number word or a fraction: "two class A shares", "1.6 class A shares" are ratios.
    const shareClass =
      /^[A-Z]$/.test(word) &&
      (prev === "series" || prev === "class") &&
      Number.isInteger(value) &&
      !(wordsNumber && value < 100);
    prev = lw;
    if (
      (NOT_MODIFIERS.has(lw) && !joins && !shareClass) ||
      (word.length > 1 && word === word.toUpperCase()) ||
      lw.endsWith("'s")
    )
      return null;
    p = end;
  }
  return null;
}

/** The clause before a volume says it is sold, delivered or traded. */
function volumeSold(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 120), pos);
  const stop = Math.max(
    before.lastIndexOf(". "),
    before.lastIndexOf("; "),
    before.lastIndexOf("\n\n"),
  );
  return VOLUME_CUE.test(stop >= 0 ? before.slice(stop) : before);
}
