/**
 * Change direction and forecast flag from the words next to a figure: a change verb or
 * phrase right before it ("rose 9%", "a decline of 4%", "cut 1,200 jobs"), a change noun
 * right after it ("an 88% revenue surge"), or a sign ("-3.2%"). A verb followed by "to"
 * or "from" before the figure makes the figure a level, not a change ("rose to $4 billion").
 */
import {
  DECREASE_NOUNS,
  DECREASE_WORDS,
  FORECAST_WORDS,
  INCREASE_NOUNS,
  INCREASE_WORDS,
  NOT_FORECAST,
} from "../lexicon/changes.js";
import type { FigureContext } from "./context.js";

type Direction = "increase" | "decrease";

const words = (list: string[]): string =>
  list
    .slice()
    .sort((a, b) => b.length - a.length)
    .join("|");
/**
 * The change words at the start of a word, increase words in group 1 and decrease words
 * in group 2, longest first. One expression over the window: the regular-expression
 * engine scans for a start faster than a loop over the characters that tries the words
 * of each word's letter.
 */
const CHANGE_WORD = new RegExp(
  `(?<![\\w-])(?:(${words(INCREASE_WORDS)})|(${words(DECREASE_WORDS)}))(?![\\w-])`,
  "gi",
);

const NOUN_AFTER = new RegExp(
  `^[\\s-]*(?:[A-Za-z][\\w&'-]*\\s+){0,2}?(?:(${INCREASE_NOUNS.join("|")})|(${DECREASE_NOUNS.join("|")}))\\b`,
  "i",
);
/**
 * Only words and white space between a change word and its figure ("rose by about", "jumped
 * a record"): the filler words themselves are told apart by GAP_BAD. Any run of ASCII
 * letters is such a word, so the gap is letters and white space, nothing else; one
 * character class says so in linear time, where a list of words that a catch-all word
 * also matches backtracks exponentially on a gap that fails.
 */
const GAP_OK = /^[A-Za-z\s]*$/;
const GAP_BAD =
  /\b(?:to|from|at|than|with|and|or|was|were|is|are|versus|vs|compared|against|after|before|in|on)\b|[,;:()]/i;
const FORECAST_RE = new RegExp(`(?<![\\w-])(?:${FORECAST_WORDS.join("|")})(?![\\w-])`, "i");

/** The direction a figure's own sign gives ("-3.2%", "+1.1%"), or null. */
export function signOf(figureText: string): Direction | null {
  if (/^[-−–]/.test(figureText)) return "decrease";
  if (/^\+/.test(figureText)) return "increase";
  return null;
}

export function readChange(c: FigureContext): Direction | null {
  const f = c.figure;
  const sign = signOf(f.text);
  if (sign) return sign;
  for (const h of f.hints) {
    const d = directionOfWord(h);
    if (d) return d;
  }
  // The last change word of the window decides, and only when nothing but a few filler
  // words stand between it and the figure. A change word starts a word.
  const left = c.left;
  let last: RegExpExecArray | null = null;
  // No change word is empty, and the last exec fails, which leaves lastIndex at 0.
  CHANGE_WORD.lastIndex = 0;
  for (let m = CHANGE_WORD.exec(left); m !== null; m = CHANGE_WORD.exec(left)) last = m;
  if (last !== null) {
    const gap = left.slice(last.index + last[0].length);
    if (gap.length <= 40 && GAP_OK.test(gap) && !GAP_BAD.test(gap))
      return last[1] ? "increase" : "decrease";
  }
  const n = NOUN_AFTER.exec(c.right);
  if (n && !/[,;]/.test(n[0])) return n[1] ? "increase" : "decrease";
  return null;
}

function directionOfWord(w: string): Direction | null {
  const t = w.toLowerCase();
  if (
    /^(?:up|rose|rise|increase|increased|gain|gained|grew|higher|surged|jumped|climbed|plus)$/.test(
      t,
    )
  )
    return "increase";
  if (
    /^(?:down|fell|fall|decline|declined|decrease|decreased|drop|dropped|lower|minus|slid|shrank)$/.test(
      t,
    )
  )
    return "decrease";
  return null;
}

export function readForecast(c: FigureContext, text: string, prevForecast: boolean): boolean {
  const lead = c.prevInSentence < 0 ? text.slice(c.sentence.start, c.figure.start) : c.left;
  const local = `${lead.slice(-160)} ${c.right}`;
  const forecastWord = FORECAST_RE.test(local);
  // Neither a forecast word nor a forecast before it: nothing to overrule, so the
  // reporting phrases need not be looked for.
  if (!forecastWord && !prevForecast) return false;
  if (NOT_FORECAST.test(local)) return false;
  if (forecastWord) return true;
  return !/\b(?:was|were|rose|fell|reported|posted|grew|had|compared)\b/i.test(c.left);
}
