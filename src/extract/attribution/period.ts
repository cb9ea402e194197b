/**
 * The period of a figure: the period phrase nearest to it in its own window, else the
 * nearest in its sentence, else the scope a heading or table block label gives. The
 * phrase is parsed into fiscal, year, quarter, end and ytd.
 */
import type { Period } from "../../model/index.js";
import { PERIOD_PATTERNS } from "../lexicon/periods.js";

/**
 * Every period pattern, in its order, at the start of a word (no word character or hyphen
 * before it). One expression over the whole stretch: the regular-expression engine scans
 * for a start faster than a loop over the characters that tries a pattern at each word.
 */
const PERIOD = new RegExp(`(?<![\\w-])(?:${PERIOD_PATTERNS.join("|")})(?![\\w])`, "gi");

export interface PeriodHit {
  start: number;
  end: number;
  text: string;
}

const LEAD =
  /^(?:in|for|during|of|the|its|this)\s+(?=(?:the\s+)?(?:[a-z]+\s+)?(?:quarter|half|period|qtr|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;

/** Period phrases of a stretch of text; offsets are relative to `base`. */
export function periodHits(s: string, base: number): PeriodHit[] {
  const out: PeriodHit[] = [];
  // No pattern matches the empty string, and the last exec fails, which leaves lastIndex at 0.
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(s); m !== null; m = PERIOD.exec(s)) {
    const t = m[0].replace(LEAD, "");
    const lead = m[0].length - t.length;
    out.push({ start: base + m.index + lead, end: base + m.index + m[0].length, text: t.trim() });
  }
  return out;
}

/** Maps, not plain objects: a word read from the text must not find "constructor" and the like. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  }),
);
const ORDINAL: ReadonlyMap<string, number> = new Map(
  Object.entries({
    first: 1,
    "1st": 1,
    second: 2,
    "2nd": 2,
    third: 3,
    "3rd": 3,
    fourth: 4,
    "4th": 4,
  }),
);

export function parsePeriod(text: string): Period {
  const t = text.toLowerCase();
  const fiscal = /\bfiscal\b|\bfinancial year\b|\bfy\b|\bfy\d/.test(t);
  let year: number | null = null;
  const y = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(t);
  if (y) year = Number(y[1]);
  else {
    const fy = /\bfy\s?(\d{2})\b|\b[1-4]q(\d{2})\b|\bq[1-4]\s?(\d{2})\b/.exec(t);
    const d = fy?.[1] ?? fy?.[2] ?? fy?.[3];
    if (d) year = 2000 + Number(d);
  }
  let quarter: number | null = null;
  const q =
    /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?(?:quarter|qtr)\b/.exec(t) ??
    null;
  if (q) quarter = ORDINAL.get(q[1] as string) ?? null;
  const qn = /\bq([1-4])\b|\b([1-4])q/.exec(t);
  if (!quarter && qn) quarter = Number(qn[1] ?? qn[2]);
  let end: string | null = null;
  const ended =
    /(?:ended|ending|to|through|as of|as at|at)\s+([a-z]+)\.?\s+(\d{1,2}),?\s*((?:19|20)\d{2})?/.exec(
      t,
    ) ?? null;
  const endedDm =
    /(?:ended|ending|to|through|as of|as at)\s+(\d{1,2})\s+([a-z]+)\.?\s*((?:19|20)\d{2})?/.exec(
      t,
    ) ?? null;
  const endYear = (ended?.[3] ?? endedDm?.[3]) ? Number(ended?.[3] ?? endedDm?.[3]) : null;
  const month = ended
    ? MONTHS.get((ended[1] as string).slice(0, 3))
    : endedDm
      ? MONTHS.get((endedDm[2] as string).slice(0, 3))
      : undefined;
  const day = ended ? Number(ended[2]) : endedDm ? Number(endedDm[1]) : null;
  if (month && day && endYear && day <= 31)
    end = `${endYear}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const ytd =
    /year[- ]to[- ]date|so far (?:this|in the) year|\bytd\b|since the start of the year|this year so far/.test(
      t,
    );
  return { text, fiscal, year, quarter, start: null, end, ytd };
}
