/**
 * The period reader tries at each word only the patterns its first character allows:
 * it must find what one expression of every pattern finds, over sentences that start
 * each pattern with each of its first characters, in upper and lower case.
 */
import { describe, expect, it } from "vitest";
import { periodHits } from "../../../../src/extract/attribution/period.js";
import { PERIOD_FIRST_CHARS, PERIOD_PATTERNS } from "../../../../src/extract/lexicon/periods.js";

const ALL = new RegExp(`(?<![\\w-])(?:${PERIOD_PATTERNS.join("|")})(?![\\w])`, "gi");

const LEAD =
  /^(?:in|for|during|of|the|its|this)\s+(?=(?:the\s+)?(?:[a-z]+\s+)?(?:quarter|half|period|qtr|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;

/** The hits of one expression of every pattern, with the same leading word dropped. */
function reference(s: string): Array<{ start: number; end: number; text: string }> {
  return [...s.matchAll(ALL)].map((m) => {
    const t = m[0].replace(LEAD, "");
    return { start: m.index + m[0].length - t.length, end: m.index + m[0].length, text: t.trim() };
  });
}

const SENTENCES = [
  "Net profit in the three months ended Oct. 31 rose 4% from a year earlier.",
  "Sales for the fiscal year ending March 2027 and the first nine months of 2026 fell.",
  "The July-September quarter and fiscal first quarter, 2Q26 and FY2026 were weak.",
  "Revenue for the full-year, fiscal 2027 and the first-half rose; year-to-date it is flat.",
  "Costs rose through 2029, since it was founded in 1990, as of June 30, 2026 and at Sept. 30.",
  "At the start of 2025 the same quarter last year was a quarter earlier than this year.",
  "Over the past 12 months, in July, June 2022 and Nine mths, in 2021, 4th qtr, H1 and 9M.",
  "ORDERS ROSE IN THE QUARTER; YTD THEY ARE UP, SO FAR THIS YEAR, END-2026 AND END OF MAY.",
  "Mid-year, pre-2020 and x2021 are not periods; the-year before and re-Q2 neither: in 2026 only.",
];

describe("periodHits", () => {
  it("has the first characters of every pattern", () => {
    expect(PERIOD_FIRST_CHARS).toHaveLength(PERIOD_PATTERNS.length);
  });

  it.each(SENTENCES)("finds what one expression of all patterns finds: %s", (s) => {
    const got = periodHits(s, 0);
    expect(got).toEqual(reference(s));
    expect(got.length).toBeGreaterThan(0);
  });

  it("offsets hits by the base", () => {
    const [h] = periodHits("Sales rose in the second quarter.", 100);
    expect(h?.text).toBe("second quarter");
    expect(h?.end).toBe(100 + "Sales rose in the second quarter".length);
  });
});
