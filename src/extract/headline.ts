/**
 * Newswire headlines in capitals: `STEEGO CORP <STG> 4TH QTR NET`, `KLEINWORT BENSON
 * LONSDALE PLC 1986 YEAR`, `AEGON 1986 NET PROFIT`. They name the company the story's
 * results table belongs to (whose body often never names it again) and the period of the
 * table's first block. Pure: the headline text in, a reading out.
 */
import type { EntityAnalysis, EntityMention } from "./entities/index.js";

export interface HeadlineEntity {
  /** Properly cased: the body's own spelling when the body writes it, else title case. */
  name: string;
  /** The ticker in angle brackets, an alias of the company ("STG", "GCBK.O"). */
  ticker: string | null;
  /** The name as the headline writes it, and its offsets there. */
  text: string;
  start: number;
  end: number;
}

export interface WireHeadline {
  entity: HeadlineEntity | null;
  /** The period the headline names ("4TH QTR", "1ST QTR JAN 31", "1986", "YEAR"), as written. */
  period: { text: string; start: number; end: number } | null;
  /** A results headline (NET, PROFIT, LOSS, EARNINGS, a period): the company owns the story's table. */
  results: boolean;
}

const MONTH =
  "(?:JAN|FEB|MARCH|MAR|APRIL|APR|MAY|JUNE|JUNE?|JULY|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)[A-Z]*\\.?";
/** Period words of a wire headline, longest first. */
const PERIOD = `(?:(?:1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH)\\s+(?:QTR|QUARTER|HALF)|(?:NINE|SIX|THREE|TWELVE|9|6|3|12)\\s+(?:MTHS|MONTHS|WEEKS|WKS)|FISCAL\\s+(?:19|20)\\d\\d|(?:19|20)\\d\\d(?:/\\d\\d)?|FULL\\s+YEAR|YEAR|QTR|HALF)(?:\\s+(?:TO\\s+|ENDED\\s+)?${MONTH}\\s+\\d{1,2}\\b)?`;
const PERIOD_AT = new RegExp(`\\b${PERIOD}(?![A-Z])`, "y");
const PERIOD_ANY = new RegExp(`\\b(${PERIOD})(?![A-Z])`);
/** Words that make a headline a results headline. */
const RESULTS =
  /\b(?:NET|PROFITS?|LOSS|LOSSES|EARNINGS|RESULTS|SALES|REVENUES?|DIV|DIVIDEND|SHR|OPER|QTR|YEAR|MTHS|HALF|PAYOUT)\b/;
/** Legal forms that end a company name in capitals. */
const LEGAL =
  /\b(?:INC|CORP|CORPORATION|CO|COMPANY|LTD|LIMITED|PLC|NV|N\.V\.|AG|SA|S\.A\.|SPA|AB|ASA|OY|OYJ|LP|L\.P\.|BHD|GMBH|KK|BV|SE|GROUP|HOLDINGS|BANCORP)\b\.?/g;
const TICKER = /<([A-Z0-9][A-Z0-9.\-/]{0,11})>/;

/** How legal forms and short words are written in a title-cased name. */
const CASED: Readonly<Record<string, string>> = {
  INC: "Inc",
  CORP: "Corp",
  CO: "Co",
  LTD: "Ltd",
  PLC: "Plc",
  NV: "NV",
  "N.V.": "N.V.",
  AG: "AG",
  SA: "SA",
  "S.A.": "S.A.",
  SPA: "SpA",
  AB: "AB",
  ASA: "ASA",
  LP: "LP",
  "L.P.": "L.P.",
  BV: "BV",
  KK: "KK",
  SE: "SE",
  GMBH: "GmbH",
  BHD: "Bhd",
  OY: "Oy",
  OYJ: "Oyj",
};
const SMALL = new Set([
  "OF",
  "AND",
  "THE",
  "DE",
  "DU",
  "DES",
  "LA",
  "LE",
  "VON",
  "VAN",
  "DER",
  "FOR",
]);
/** Wire abbreviations, so "INT'L TOTALIZATOR" finds "International Totalizator" in the body. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  "INT'L": "international",
  INTL: "international",
  "NAT'L": "national",
  NATL: "national",
  "AMER'N": "american",
  MFG: "manufacturing",
  SVCS: "services",
  BANCORPORATION: "bancorporation",
};

/**
 * Read a headline in capitals. `null` when the headline is not in capitals (a headline in
 * title case is for the entity recogniser to read).
 *
 * @example
 * readHeadline("STEEGO CORP <STG> 4TH QTR NET")
 * // { entity: { name: "Steego Corp", ticker: "STG", ... }, period: { text: "4TH QTR", ... }, results: true }
 */
export function readHeadline(headline: string, body = ""): WireHeadline | null {
  const letters = headline.replace(/<[^>]*>/g, "").replace(/[^A-Za-z]/g, "");
  if (letters.length < 3) return null;
  const lower = letters.replace(/[^a-z]/g, "").length;
  if (lower / letters.length > 0.1) return null;

  const ticker = TICKER.exec(headline);
  let entity: HeadlineEntity | null = null;
  let after = 0;
  if (ticker) {
    // "WALL STREET STOCKS/SUPERMARKETS GENERAL <SGL>": the name is the part after a slash.
    let start = headline.lastIndexOf("/", ticker.index) + 1;
    while (start < ticker.index && headline[start] === " ") start++;
    const end = trimEnd(headline, start, ticker.index);
    if (end > start)
      entity = {
        name: caseName(headline.slice(start, end), body),
        text: headline.slice(start, end),
        ticker: ticker[1] as string,
        start,
        end,
      };
    after = ticker.index + ticker[0].length;
  } else {
    const named = nameWithoutTicker(headline);
    if (named) {
      const text = headline.slice(named.start, named.end);
      entity = { name: caseName(text, body), text, ticker: null, ...named };
      after = named.end;
    }
  }
  const rest = headline.slice(after);
  const p = PERIOD_ANY.exec(rest);
  const period = p
    ? {
        text: (p[1] as string).trim(),
        start: after + p.index,
        end: after + p.index + (p[1] as string).trim().length,
      }
    : null;
  return { entity, period, results: RESULTS.test(rest) };
}

/**
 * No ticker: the name runs to its legal form ("COMPUTER DEVICES INC 4TH QTR") or to a
 * period followed by a results word ("AEGON 1986 NET PROFIT"). Anything else ("MITSUBISHI
 * MOTORS AUSTRALIA MAKES 19 MLN DLR LOSS") is a sentence, not a name: no entity.
 */
function nameWithoutTicker(h: string): { start: number; end: number } | null {
  const start = h.search(/[A-Z]/);
  if (start < 0) return null;
  LEGAL.lastIndex = 0;
  for (let m = LEGAL.exec(h); m !== null; m = LEGAL.exec(h)) {
    if (m.index <= start) continue;
    const end = m.index + m[0].length;
    const rest = h.slice(end);
    if (/^\s*(?:$|[A-Z0-9])/.test(rest) && RESULTS.test(rest) && wordCount(h, start, end) <= 7)
      return { start, end: end - (m[0].endsWith(".") && !/[A-Z]\.[A-Z]\.$/.test(m[0]) ? 1 : 0) };
  }
  // "AEGON 1986 NET PROFIT": a name of one to four words, a period, a results word.
  const words = /[A-Z][A-Z0-9&'.-]*/g;
  for (let m = words.exec(h), n = 0; m !== null && n < 5; m = words.exec(h), n++) {
    const end = m.index + m[0].length;
    PERIOD_AT.lastIndex = end + (h.slice(end).length - h.slice(end).trimStart().length);
    const p = PERIOD_AT.exec(h);
    if (p && n < 4 && RESULTS.test(h.slice(p.index + p[0].length))) return { start, end };
  }
  return null;
}

function wordCount(h: string, start: number, end: number): number {
  return h.slice(start, end).trim().split(/\s+/).length;
}

function trimEnd(h: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;:-]/.test(h[e - 1] as string)) e--;
  return e;
}

/** The body's own spelling of the name when it writes it; else title case with legal forms kept. */
function caseName(upper: string, body: string): string {
  const raw = upper.trim().replace(/\s+/g, " ");
  if (body) {
    const found = bodySpelling(raw, body);
    if (found) return found;
  }
  return raw
    .split(" ")
    .map((w, i) => {
      if (CASED[w] !== undefined) return CASED[w];
      if (i > 0 && SMALL.has(w)) return w.toLowerCase();
      // "IBM", "CSX": a short word without vowels is an acronym.
      if (w.length <= 4 && !/[AEIOUY]/.test(w)) return w;
      return w
        .toLowerCase()
        .replace(/(^|[-/&])([a-z])/g, (_x, a: string, b: string) => a + b.toUpperCase())
        .replace(/^([A-Z])'([a-z])/, (_x, a: string, b: string) => `${a}'${b.toUpperCase()}`);
    })
    .join(" ");
}

/** The name as the body writes it, in any case, with abbreviations spelled out; `null` when absent. */
function bodySpelling(raw: string, body: string): string | null {
  const words = raw.split(" ").map((w) => ABBREVIATIONS[w] ?? w.toLowerCase());
  const esc = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
  const m = new RegExp(`(?<![A-Za-z])${esc}(?![A-Za-z])`, "i").exec(body);
  if (!m) return null;
  const found = m[0].replace(/\s+/g, " ");
  // Only a spelling with lower-case letters says more than the headline does.
  return /[a-z]/.test(found) ? found : null;
}

const keyWords = (name: string): string[] =>
  name
    .replace(LEGAL_FORMS_ANY, " ")
    .split(/\s+/)
    .map((w) => ABBREVIATIONS[w.toUpperCase()] ?? w.toLowerCase().replace(/[^a-z0-9&]/g, ""))
    .filter((w) => w !== "");
const LEGAL_FORMS_ANY =
  /\b(?:inc|corp|corporation|co|company|ltd|limited|plc|nv|ag|sa|spa|ab|asa|lp|llc|bv|se|gmbh|bhd)\b\.?/gi;

/** One name's words start the other's ("Bank of Boston" and "Bank of Boston Corp"). */
function sameCompany(a: string, b: string): boolean {
  const x = keyWords(a);
  const y = keyWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w, i) => w === long[i]);
}

/**
 * The headline's company as the article's main entity: the body's entity of the same name
 * when there is one, else a new entity with the headline mention. A ticker read as a name
 * of its own is the company's alias, not an entity. `offset` is where the headline starts
 * in the body, or -1 when the body does not hold it.
 */
export function withHeadlineOwner(
  analysis: EntityAnalysis,
  h: WireHeadline | null,
  offset: number,
): EntityAnalysis {
  const e = h?.entity;
  if (!h || !e || (!h.results && e.ticker === null)) return analysis;
  const isTicker = (name: string): boolean =>
    e.ticker !== null && name === e.ticker.replace(/\..*$/, "");
  const entities = analysis.entities.filter((x) => !isTicker(x.name));
  const mentions = analysis.mentions.filter((m) => !isTicker(m.name));
  const known = entities.find((x) => x.type !== "place" && sameCompany(x.name, e.name));
  if (known) {
    // The fuller of the two names is canonical; a company the recogniser took for a person
    // ("Prairie Milling said") is the headline's company.
    const name = e.name.length > known.name.length ? e.name : known.name;
    if (name === known.name && known.type === "organization")
      return { entities, mentions, main: { name, type: "organization" } };
    return {
      entities: entities.map((x) => (x === known ? { ...x, name, type: "organization" } : x)),
      mentions: mentions.map((m) =>
        m.name === known.name ? { ...m, name, type: "organization" } : m,
      ),
      main: { name, type: "organization" },
    };
  }
  const mention: EntityMention[] =
    offset < 0
      ? []
      : [
          {
            start: offset + e.start,
            end: offset + e.end,
            text: e.text,
            name: e.name,
            type: "organization",
          },
        ];
  return {
    entities: [{ name: e.name, type: "organization", mentions: 1 }, ...entities],
    mentions: [...mention, ...mentions].sort((a, b) => a.start - b.start),
    main: { name: e.name, type: "organization" },
  };
}
