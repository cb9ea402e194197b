/**
 * The compiled patterns, built once from the data modules. All are sticky (`y`) or
 * anchored at the end of a short look-behind slice, so each costs a bounded amount of
 * work at one position: the scan stays linear in the text.
 */
import {
  CURRENCY_WORDS,
  DOLLAR_QUALIFIERS,
  PREFIX_SYMBOLS,
  SUBUNITS,
  SUFFIX_SYMBOLS,
} from "./data/currencies.js";
import { BEFORE_PHRASES, RATE_NOUNS, RATE_WORDS } from "./data/modifiers.js";
import { COUNT_WORDS, TENS, UNITS } from "./data/number-words.js";
import { SCALE_WORDS } from "./data/scales.js";

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const alt = (words: Iterable<string>): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|");

/**
 * Whole words as one alternation grouped by first letter ("s(?:eventeen|ixteen|even|ix)|t(?:en|wo)"):
 * tried at every position of a text, it tests the position's letter once, not once a word.
 */
export function wordsByFirstLetter(words: Iterable<string>): string {
  const groups = new Map<string, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const first = w[0]?.toLowerCase() ?? "";
    const rest = groups.get(first);
    if (rest) rest.push(w.slice(1));
    else groups.set(first, [w.slice(1)]);
  }
  return [...groups]
    .map(([first, rests]) => `${esc(first)}(?:${rests.map(esc).join("|")})`)
    .join("|");
}

/** Where a figure may begin: a digit or a spelled-out number word. */
export const CANDIDATE = new RegExp(
  `[0-9]+|\\b(?:(?:${wordsByFirstLetter([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(COUNT_WORDS)])})\\b|a(?= (?:hundred|thousand|million|billion|trillion)\\b)|half(?= an? (?:million|billion|trillion|percent|per cent|percentage point|pct)\\b))`,
  "gi",
);

/** A scale word right after the number, attached, after one space or a hyphen ("18.2-mln-dlr"). */
export const SCALE = new RegExp(`(\\s?|-)(${alt(Object.keys(SCALE_WORDS))})(?![A-Za-z0-9])`, "iy");

/** Percent units. Group 1: the unit word or sign. */
export const PERCENT =
  /\s?(%\s?points?|%|per\s?cents?|percentage\s+points?|percentage\s+pts?|percentage|pct\.?\s+points?|pct\b|pcts?|percents?|basis\s+points?|bps\b|bp\b)(?![A-Za-z0-9])/iy;
/** "5pc", "2pp": only attached, too ambiguous with a space. */
export const PERCENT_ATTACHED = /(pc|pp|ppt|ppts)(?![A-Za-z0-9])/y;

/** A currency word after the number ("five million yen", "12 million Canadian dollars", "-cent"). */
export const CURRENCY_WORD = new RegExp(
  `(?:\\s|-)(?:(${alt(Object.keys(DOLLAR_QUALIFIERS))}|swiss|danish|swedish|norwegian|finnish|dutch|chinese|japanese|indian|deutsche|mexican|brazilian|south african|israeli|malaysian)\\s+)?(${alt(Object.keys(CURRENCY_WORDS))})(?![A-Za-z0-9])`,
  "iy",
);

/** A subunit after the number ("35 cents", "12-cent", "49.2 pence"). */
export const SUBUNIT_WORD = new RegExp(
  `(?:\\s|-)?(${alt(Object.keys(SUBUNITS).filter((k) => k !== "p"))})(?![A-Za-z0-9])`,
  "iy",
);
/** "34.5p": only attached, and not "5p.m.". */
export const PENCE_ATTACHED = /p(?![A-Za-z0-9]|\.m)/y;
/** "68 p" in tokenised price lists: a lone lower-case p. */
export const PENCE_SPACED = / p(?=[\s,;:)]|\.(?!m)|$)/y;

/** An ISO code or a suffix symbol after the number ("5 billion USD", "100元"). */
export const CODE_AFTER = /\s?([A-Z]{3}|[a-z]{3})(?![A-Za-z0-9])/y;
export const SYMBOL_AFTER = new RegExp(`\\s?(${alt(Object.keys(SUFFIX_SYMBOLS))})`, "y");

/**
 * "$" and its country forms ("US$", "$US", "c $"). Spaced forms are the tokenised ones
 * ("c $ 16.4", "us $ 150", "hk $ 10.05"); "a $5 bill" is not Australian.
 */
const DOLLAR_PREFIX =
  "(?:(?:u\\.s\\.?|us|c|ca|cdn|au|nz|hk|nt)\\s|u\\.s\\.?|us|c|ca|cdn|a|au|nz|hk|nt|s|r|mx)?\\$(?:\\s?(?:us|a)(?![A-Za-z]))?";
/** The symbol prefixes ("€", "£", "元"); the "$" forms and the letter prefixes are spelled out in the patterns. */
const SYMBOL_PREFIX = alt(
  Object.keys(PREFIX_SYMBOLS).filter((k) => !/^[a-z]/i.test(k) && !k.includes("$")),
);

/** A currency prefix ending right before the number. */
export const PREFIX_BEFORE = new RegExp(
  `(?:^|[^A-Za-z0-9$])(${DOLLAR_PREFIX}|${SYMBOL_PREFIX}|rs\\.?|rmb|rm|y=|PS|euro|\\(\\s*x20ac\\s*\\)|[A-Za-z]{3})\\s?$`,
  "i",
);

/** The same prefixes read forwards, for the second end of a range ("$4.1 billion to $4.3 billion"). */
export const PREFIX_AT = new RegExp(
  `(${DOLLAR_PREFIX}|${SYMBOL_PREFIX}|rs\\.?(?=\\s?\\d)|rmb(?=\\s?\\d)|rm(?=\\s?\\d)|[A-Z]{3}(?=\\s?\\d))\\s?`,
  "iy",
);

/** Bound and approximation phrases ending right before a figure. */
export const MODIFIER_BEFORE = new RegExp(
  `(?:^|[^A-Za-z])(${alt(Object.keys(BEFORE_PHRASES))})\\s*$`,
  "i",
);

/** A sign right before a figure: "-3.2%", "+1.1%", "minus five percent", "negative 0.1%". */
export const SIGN_BEFORE = /(?:^|[\s(:])([-−+]|minus\s|negative\s)$/i;

/** Rates after a figure: "a share", "per diluted share", "-a-month", "annually", "each". */
export const RATE_AFTER = new RegExp(
  `(?:\\s+|\\s?-)(?:(?:a|an|per|every)(?:\\s+|-)(${alt(Object.keys(RATE_NOUNS))})|(${alt(Object.keys(RATE_WORDS))})|(per\\s+annum))(?![A-Za-z0-9])(?:[\\s-]+([a-z]+))?`,
  "iy",
);

/** Range connectors after the first end: "to", "-", "and" (after "between"), "through". */
export const RANGE_CONNECTOR = /(\s*[-–—/]\s*|\s+(?:to|and|or|through|-)\s+)/iy;
