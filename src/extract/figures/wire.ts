/**
 * Wire-style figures the general scanner leaves out: a bare number that shares the unit of
 * the figure it is compared with ("837.79 mln dlrs from 942.89 mln", "30,500 units against
 * 26,900", "314 mln and 208.6 mln dlrs"), a stock's move and level in fractions ("rose
 * 1-7/8 to 36"), a loss named after its figure ("a 19.64 mln dlr net loss"), and francs,
 * crowns and pesos placed by the country the story names.
 */
import type { FigureKind } from "../../model/index.js";
import { isAsciiLetter, isSpaceCode, isWordCode } from "../chars.js";
import type { Figure } from "../types.js";
import { CURRENCY_WORDS } from "./data/currencies.js";
import { type Piece, yearLike } from "./piece.js";
import { volumeCount } from "./volume.js";

export interface BareReading {
  kind: FigureKind;
  currency: string | null;
  unit: string | null;
  /** A physical volume of output, sales or trade (metric `units`), named by its noun or by the volume it is compared with. */
  volume?: boolean;
}

/** Everything that ends a sentence or a paragraph between two figures. */
const BREAK = /[.!?]["')]?\s|\n[ \t]+|;/;
const COMPARED =
  /\b(?:vs\.?|versus|against|from|compared\s+with|loss\s+of|gain\s+of|profit\s+of)\s*$/i;
/**
 * "added 187,000 jobs, fewer than the 200,000 economists had forecast": the estimate a
 * count is compared with, in the count's unit.
 */
const THAN_BEFORE = /\b(?:than|vs\.?|versus|against)\s+(?:the\s+|an?\s+)?$/i;
const ESTIMATE_AFTER =
  /^[ \t\n]+(?:economists|analysts|forecasters|experts)[ \t\n]+(?:(?:polled|surveyed)[ \t\n]+(?:by[ \t\n]+\S+[ \t\n]+)?)?(?:had[ \t\n]+|have[ \t\n]+|were[ \t\n]+)?(?:expected|expecting|forecast|forecasted|forecasting|estimated|predicted|anticipated|projected)\b/i;
/** "64,100, down 15,900": a count's change in the same unit. */
const CHANGED = /\b(?:up|down)\s*$/i;
const MAX_GAP = 160;
const YEAR = /\b(?:19|20)\d\d\b/g;
/** "314 mln and 208.6 mln dlrs": a currency word on the next figure of a pair. */
const PAIRED_AFTER =
  /^\s*,?\s*(?:and|or|to|vs\.?|against)\s+\d[\d,.]*\s*(?:mln|bln|billion|million|mn|bn)\s+([a-z]+)/i;
/** Words of a price's move ("rose 1-7/8", "shares gain one"). */
const MOVE_WORDS: ReadonlySet<string> = new Set(
  "rose rise rises fell fall falls gain gained gains lost lose loses dropped drop drops climbed eased slipped added jumped declined advanced up down off".split(
    " ",
  ),
);
const MOVE = `(?:${[...MOVE_WORDS].join("|")})`;
const MOVE_SECOND = new RegExp(
  `\\b${MOVE}\\s+(?:\\d[\\d,]*(?:[- ]\\d{1,2}/\\d{1,2})?|[a-z]+)\\s+to\\s+$`,
  "i",
);
const TO_PRICE =
  /^\s+to\s+\d[\d,]*(?:\.\d+)?(?:[- ]\d{1,2}\/\d{1,2})?(?![\d/])(?!\s*(?:pct|percent|%|mln|bln|billion|million|dlrs?|cts|yen|stg|points?))/i;
const FRACTION = /\d[- ]\d{1,2}\/\d{1,2}/;
const STOCK = /\b(?:shares?|stock|stocks)\b/i;

/**
 * What a bare number (no unit of its own) is in wire prose, or null. `out` holds the
 * figures found so far, in text order.
 */
export function readBare(text: string, p: Piece, out: readonly Figure[]): BareReading | null {
  if (p.kind !== null || (yearLike(p) && !p.scaled)) return null;
  if (stockMove(text, p)) return { kind: "money", currency: "USD", unit: null };
  const prev = out[out.length - 1];
  if (prev !== undefined && prev.end <= p.start) {
    const gap = text.slice(prev.end, p.start);
    // Another number between them (a year aside) is what this one is compared with.
    if (gap.length <= MAX_GAP && !BREAK.test(gap) && !/\d/.test(gap.replace(YEAR, ""))) {
      const compared = COMPARED.test(gap);
      const bigNumber = p.formatted && p.raw >= 1000;
      if (
        prev.kind === "money" &&
        prev.currency !== null &&
        prev.rate === null &&
        (p.scaled || (compared && bigNumber))
      )
        return { kind: "money", currency: prev.currency, unit: null };
      const estimate = THAN_BEFORE.test(gap) && ESTIMATE_AFTER.test(text.slice(p.end, p.end + 64));
      if (
        prev.kind === "count" &&
        (compared || CHANGED.test(gap) || estimate) &&
        (p.scaled || bigNumber)
      )
        return {
          kind: "count",
          currency: null,
          unit: prev.unit,
          volume: prev.hints.includes("volume"),
        };
    }
  }
  const volume = volumeCount(text, p, out);
  if (volume !== null) return { kind: "count", currency: null, unit: volume, volume: true };
  if (p.scaled) {
    const m = PAIRED_AFTER.exec(text.slice(p.end, p.end + 48));
    const currency = m ? CURRENCY_WORDS[(m[1] as string).toLowerCase()] : undefined;
    if (currency) return { kind: "money", currency, unit: null };
  }
  return null;
}

/** "shares gain one to 42-1/8", "ChemLawn rose 1-7/8 to 36": the move and the price it reached. */
function stockMove(text: string, p: Piece): boolean {
  if (p.scaled) return false;
  const before = text.slice(Math.max(0, p.start - 80), p.start);
  const own = text.slice(p.numStart, p.end);
  if (endsWithMove(before)) {
    const after = TO_PRICE.exec(text.slice(p.end, p.end + 24));
    return after !== null && (FRACTION.test(own) || FRACTION.test(after[0]) || STOCK.test(before));
  }
  // MOVE_SECOND ends with "to" after a space: a window ending otherwise is left before it runs.
  const t = before.trimEnd();
  if (!/\sto$/i.test(t.slice(-3))) return false;
  const second = MOVE_SECOND.exec(before);
  return second !== null && (FRACTION.test(own) || FRACTION.test(second[0]) || STOCK.test(before));
}

/** `s` ends with a move word, whole, and one or more spaces: read by hand, as this runs for every bare number. */
function endsWithMove(s: string): boolean {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  if (e === s.length) return false;
  let k = e;
  while (k > 0 && isAsciiLetter(s.charCodeAt(k - 1))) k--;
  if (k === e || (k > 0 && isWordCode(s.charCodeAt(k - 1)))) return false;
  return MOVE_WORDS.has(s.slice(k, e).toLowerCase());
}

/**
 * A loss named after the figure: "a 19.64 mln dlr net loss", "19 MLN DLR LOSS". Group 1
 * or 2 mark a one-off ("an extraordinary loss", "a loss from discontinued operations").
 */
const LOSS_AFTER =
  /[ \t\n]+(?:(extraordinary|one-time|unusual|special|investment|writedown|write-down)[ \t\n]+|(?:net|operating|pre-?tax|after-?tax|quarterly|annual|first-quarter|second-quarter|third-quarter|fourth-quarter|year-end)[ \t\n]+)?loss(?:es)?\b(?![ \t\n]+(?:provisions?|reserves?|carry))([ \t\n]+(?:from|on)[ \t\n]+(?:the[ \t\n]+)?(?:discontinued|sales?|disposals?|investments?|write))?/iy;

/** "loss" after the figure at `end`: null, "loss", or "one-off" (a one-off loss keeps its size). */
export function lossAfter(text: string, end: number): "loss" | "one-off" | null {
  LOSS_AFTER.lastIndex = end;
  const m = LOSS_AFTER.exec(text);
  if (!m) return null;
  return m[1] || m[2] ? "one-off" : "loss";
}

/** Currency words whose country the story decides, and the countries that decide them. */
const PLACED: ReadonlyArray<[RegExp, string, Array<[RegExp, string]>]> = [
  [
    /francs?$/i,
    "CHF",
    [
      [/\bBelgi(?:an|um|que)\b/i, "BEF"],
      [/\bFrench\b|\bFrance\b/i, "FRF"],
      [/\bLuxembourg/i, "LUF"],
      [/\bSwiss\b|\bSwitzerland\b/i, "CHF"],
    ],
  ],
  [
    /crowns?$/i,
    "SEK",
    [
      [/\bSwed(?:en|ish)\b/, "SEK"],
      [/\bNorw(?:ay|egian)\b/, "NOK"],
      [/\bDen(?:mark)\b|\bDanish\b/, "DKK"],
      [/\bIceland/, "ISK"],
    ],
  ],
  [
    /pesos$/i,
    "MXN",
    [
      [/\bMexic(?:o|an)\b/, "MXN"],
      [/\bChile(?:an)?\b/, "CLP"],
      [/\bArgentin(?:a|e|ian)\b/, "ARS"],
      [/\bPhilippines?\b|\bPhilippine\b/, "PHP"],
      [/\bColombia(?:n)?\b/, "COP"],
    ],
  ],
];

/**
 * Francs, crowns and pesos are the currency of the country the story places them in
 * ("Societe Generale de Belgique ... 5.31 billion francs" is BEF): the one country of
 * their kind it names, else the first it names other than the list's default country;
 * the default (CHF, SEK, MXN) when it names none, or when the figure says so itself ("Swiss
 * francs"). Returns a function from (figure text, currency read) to the currency placed,
 * worked out at most once per text.
 */
export function currencyPlacer(text: string): (figureText: string, currency: string) => string {
  const cache = new Map<number, string | null>();
  return (figureText, currency) => {
    for (let k = 0; k < PLACED.length; k++) {
      const [word, fallback, countries] = PLACED[k] as (typeof PLACED)[number];
      if (currency !== fallback || !word.test(figureText)) continue;
      if (/swiss|swedish|mexican/i.test(figureText)) return currency;
      let placed = cache.get(k);
      if (placed === undefined) {
        placed = placeOf(text, countries, fallback);
        cache.set(k, placed);
      }
      return placed ?? currency;
    }
    return currency;
  };
}

function placeOf(
  text: string,
  countries: ReadonlyArray<[RegExp, string]>,
  fallback: string,
): string | null {
  const named = countries
    .map(([re, code]) => ({ code, at: text.search(re) }))
    .filter((c) => c.at >= 0);
  if (new Set(named.map((c) => c.code)).size === 1) return (named[0] as { code: string }).code;
  let first: { code: string; at: number } | null = null;
  for (const c of named) if (c.code !== fallback && (first === null || c.at < first.at)) first = c;
  return first?.code ?? null;
}
