/**
 * Row labels of results tables and what they measure. Data, in the order they are tried:
 * the first whose pattern matches the whole label (case-insensitive) wins. Extend the
 * table by passing more labels to `readTables` (they are tried before these). A row whose
 * label is not listed is still read when it compares two columns ("Assets 426.4 mln vs
 * 334.1 mln"): metric `other`.
 */
import type { Metric } from "../../model/index.js";
import { isSpaceCode } from "../chars.js";

export interface RowLabel {
  /** Matched against the whole label, case-insensitively. */
  pattern: RegExp;
  metric: Metric;
  /** Per-share rows are money a share; count rows count `unit`. */
  shape: "money" | "per_share" | "count";
  /** The counted noun of a count row. */
  unit?: string;
}

const l = (pattern: RegExp, metric: Metric, shape: RowLabel["shape"], unit?: string): RowLabel =>
  unit === undefined ? { pattern, metric, shape } : { pattern, metric, shape, unit };

/** Words a label may start with that do not change its metric ("Oper shr", "Primary shr", "Total revenue"). */
const Q =
  "(?:(?:oper(?:ating)?|parent(?:\\s+company)?|primary|fully\\s+diluted|diluted|basic|total|net|final|interim|adjusted|reported|group|consolidated|latest|current|gaap|non-gaap|u\\.s\\.\\s+gaap|ifrs)\\s+)*";

export const ROW_LABELS: readonly RowLabel[] = [
  // Per-share lines: "Shr", "Oper shr", "Shr primary", "Net profit per share", "Earnings per shr".
  l(
    new RegExp(
      `^${Q}(?:shr|share)(?:\\s+(?:primary|diluted|fully\\s+diluted|basic|profit|earnings|loss|class\\s+[a-z]|"[a-z]"))*$`,
      "i",
    ),
    "eps",
    "per_share",
  ),
  l(
    /^(?:(?:oper(?:ating)?|net|pretax|pre-tax)\s+)?(?:profit|earnings|income|net|loss|eps)\s+(?:a|per)\s+(?:[a-z0-9-]+\s+){0,4}(?:shr|share)$/i,
    "eps",
    "per_share",
  ),
  l(new RegExp(`^${Q}(?:eps|earnings\\s+per\\s+(?:shr|share))$`, "i"), "eps", "per_share"),
  l(
    new RegExp(
      `^${Q}(?:qtly\\s+|quarterly\\s+|annual\\s+|semi-?annual\\s+|special\\s+|extra\\s+)?(?:cash\\s+)?(?:div|divs|dividends?|payout|distribution)(?:\\s+(?:per\\s+(?:shr|share)|a\\s+share))?$`,
      "i",
    ),
    "dividend",
    "per_share",
  ),
  // Share counts.
  l(
    /^(?:(?:primary|diluted|fully\s+diluted|basic)\s+)?(?:(?:weighted|wtd\.?)\s+)?(?:avg|average)\.?\s+(?:(?:diluted|basic|common)\s+)?(?:shrs|shares)(?:\s+(?:outstanding|out|primary|diluted|basic))?$|^(?:(?:diluted|basic)\s+)?(?:shrs|shares)(?:\s+(?:outstanding|out))?$/i,
    "other",
    "count",
    "shares",
  ),
  // Operating lines first: "Operating income" is not "Oper net" (net income from continuing operations).
  l(
    /^(?:(?:adjusted|gaap|non-gaap|total)\s+)?(?:oper(?:ating)?\s+(?:profit|income|loss|result|earnings)(?:\s+\(loss\))?|operating|ebit|trading\s+profit)$/i,
    "operating_income",
    "money",
  ),
  // Profit lines: "Net", "Oper net", "Net profit", "Pretax", "Net income", "Net loss".
  l(
    new RegExp(
      `^${Q}(?:net|net\\s+(?:profit|income|earnings|loss|result)|profit|earnings|income|loss)(?:\\s+(?:after\\s+tax(?:es)?|attributable))?$`,
      "i",
    ),
    "net_income",
    "money",
  ),
  l(
    /^(?:pretax|pre-tax|pre\s+tax)(?:\s+(?:net|profit|income|earnings|loss|result))?$|^(?:profit|income|earnings)\s+before\s+(?:taxes|tax|income\s+taxes)$/i,
    "net_income",
    "money",
  ),
  l(/^ebitda$/i, "ebitda", "money"),
  // Revenue lines: "Revs", "Rev", "Sales", "Net sales", "Revenues", "Turnover", "Chainwide sales".
  l(
    new RegExp(`^${Q}(?:[a-z-]+\\s+)?(?:revs?|revenues?|sales|turnover)$`, "i"),
    "revenue",
    "money",
  ),
  l(/^(?:net\s+)?interest\s+income$/i, "revenue", "money"),
  l(/^(?:orders|new\s+orders|order\s+intake|bookings)$/i, "orders", "money"),
  l(/^backlog$/i, "backlog", "money"),
  l(/^(?:cash\s+flow|operating\s+cash\s+flow|free\s+cash\s+flow)$/i, "cash", "money"),
  l(/^(?:long-term\s+)?debt$/i, "debt", "money"),
  l(/^(?:capex|capital\s+(?:spending|expenditures?))$/i, "spending", "money"),
];

/**
 * Labels no pattern above matches in full are searched for these words ("GAAP net income
 * attributable to shareholders", "Revenue from contracts"); the first found wins.
 */
const LABEL_WORDS: ReadonlyArray<[RegExp, Omit<RowLabel, "pattern">]> = [
  [
    /\b(?:eps|earnings per (?:shr|share)|per (?:diluted |basic )?share)\b/i,
    { metric: "eps", shape: "per_share" },
  ],
  [/\bdiv(?:idend)?s?\b/i, { metric: "dividend", shape: "per_share" }],
  [/\bebitda\b/i, { metric: "ebitda", shape: "money" }],
  [
    /\boperating (?:income|profit|loss)\b|\bebit\b/i,
    { metric: "operating_income", shape: "money" },
  ],
  [
    /\bnet (?:income|profit|earnings|loss)\b|\bpre-?tax (?:profit|income)\b/i,
    { metric: "net_income", shape: "money" },
  ],
  [/\b(?:revenues?|sales|turnover)\b/i, { metric: "revenue", shape: "money" }],
  [/\b(?:free )?cash flow\b/i, { metric: "cash", shape: "money" }],
];

/** Words of a sentence that the verbs of prose leave out: a label found by its words alone has none. */
const PROSE_WORDS = /\b(?:the|a|an|has|had|have|be|been|to|from|posted|reported)\b/i;

/**
 * What a row label measures: the first of `labels` (then the built-in ones) that matches the
 * whole label, else the first label word found in it (a label with the words of a sentence
 * is none: "The Belgian holding said net profit of 5.31 billion francs").
 */
export function labelOf(label: string, labels: readonly RowLabel[] = ROW_LABELS): RowLabel | null {
  const known = labels.find((x) => x.pattern.test(label));
  if (known) return known;
  if (PROSE_WORDS.test(label)) return null;
  const hit = LABEL_WORDS.find(([re]) => re.test(label));
  return hit ? { pattern: hit[0], ...hit[1] } : null;
}

/**
 * Block labels on a line of their own: the period of the rows below them ("Year", "Nine
 * mths", "4th qtr", "Qtr ended Jan 31", "12 mths", "1st half", "1986").
 */
const MONTH =
  "(?:jan|feb|march|mar|april|apr|may|june|jun|july|jul|aug|sept|sep|oct|nov|dec)[a-z]*\\.?";
const BLOCK_LINE = new RegExp(
  `^\\s*((?:(?:\\d+(?:st|nd|rd|th)|first|second|third|fourth|fiscal|latest)\\s+)?(?:qtr|quarter|half|year|fiscal\\s+year|period)|(?:(?:first|latest)\\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\s+(?:mths|months|weeks|wks)|full\\s+year|h[12]|(?:19|20)\\d\\d(?:/\\d\\d)?)(?:\\s+(?:ended|ends|ending|to|thru|through)?\\s*${MONTH}\\s+\\d{1,2}(?:,?\\s+(?:19|20)\\d\\d)?)?\\s*[:.]?\\s*$`,
  "i",
);

/** The block label a line is ("Nine mths", "Qtr ended Jan 31"), or null. */
export function blockLabel(line: string): string | null {
  const b = BLOCK_LINE.exec(line);
  return b ? (b[0] as string).trim().replace(/[:.]$/, "") : null;
}

/** A line that states the scale of the table's bare numbers: "(in millions)", "(000s omitted)". */
export const SCALE_LINE =
  /^\s*\(?\s*(?:(?:dollar\s+)?amounts\s+)?(?:in\s+(?:mln|millions|million|thousands|thousand|000s|bln|billions)(?:\s+of\s+[a-z]+)?(?:,?\s+except\s+[a-z\s-]+)?|000s?\s+omitted|\$?\s*000s?|(?:[$€£]|usd|eur|gbp)?\s*(?:millions?|thousands?|billions?))\s*\)?\s*$/i;

/** A column header of periods ("Q3 2024 Q3 2023", "2024 2023", "FY2025 FY2024"), one token a column. */
export const COLUMN_PERIOD =
  /[ \t]*((?:Q[1-4]|H[12]|FY|fiscal)[ \t]*'?(?:19|20)?\d\d|[1-4]Q[ \t]?\d\d|(?:19|20)\d\d)(?![\w])/iy;
/** A scale stated in a header's first cell: "(in millions) Q3 2024 Q3 2023". */
export const HEADER_SCALE =
  /^[ \t]*\((?:in\s+|[$€£]\s*)?(mln|millions?|thousands?|billions?|bln)\b[^)]*\)/i;

/**
 * The first characters (lower case) of the line patterns above, after their leading white
 * space: SCALE_LINE's after an opening bracket ("amounts", "dollar", "in", "000", "$",
 * "usd", "millions"...), a column header's ("(" of HEADER_SCALE, "Q3", "H1", "FY",
 * "fiscal", "3Q", "2024"), BLOCK_LINE's ("4th", "first", "second", "third", "latest",
 * "qtr", "half", "year", "period", "one" to "twelve", "full", "h1", "1986"). Kept in step
 * with the patterns: most lines of prose start with none, and are not tried against them.
 */
const SCALE_LINE_FIRST = codesOf("abdegimtu0$€£");
const HEADER_FIRST = codesOf("(fhq1234");
const BLOCK_FIRST = codesOf("0123456789efhlnopqsty");

function codesOf(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

const lowerCode = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);

/** Whether the line whose first character that is not white space is text[first] may be a SCALE_LINE (it ends at `end`). */
export function mayBeScaleLine(text: string, first: number, end: number): boolean {
  let i = first;
  if (text.charCodeAt(i) === 40 /* ( */) {
    i++;
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
    if (i === end) return false;
  }
  return SCALE_LINE_FIRST.has(lowerCode(text.charCodeAt(i)));
}

/** Whether a line whose first character that is not white space has code `c` may be a column header. */
export const mayBeColumnHeader = (c: number): boolean => HEADER_FIRST.has(lowerCode(c));

/** Whether a line whose first character that is not white space has code `c` may be a block label. */
export const mayBeBlockLabel = (c: number): boolean => BLOCK_FIRST.has(lowerCode(c));
