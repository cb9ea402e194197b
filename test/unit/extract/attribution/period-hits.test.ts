/**
 * The period reader finds every pattern at the start of a word (not after a letter,
 * digit or hyphen), in upper and lower case, the first pattern in order winning at a
 * place, with a leading "in"/"the"/"this" dropped before a period noun.
 */
import { describe, expect, it } from "vitest";
import { periodHits } from "../../../../src/extract/attribution/period.js";

const CASES: Array<[string, string[]]> = [
  [
    "Net profit in the three months ended Oct. 31 rose 4% from a year earlier.",
    ["three months ended Oct. 31", "a year earlier"],
  ],
  [
    "Sales for the fiscal year ending March 2027 and the first nine months of 2026 fell.",
    ["fiscal year", "March 2027", "the first nine months of 2026"],
  ],
  [
    "The July-September quarter and fiscal first quarter, 2Q26 and FY2026 were weak.",
    ["July-September quarter", "fiscal first quarter", "2Q26", "FY2026"],
  ],
  [
    "Revenue for the full-year, fiscal 2027 and the first-half rose; year-to-date it is flat.",
    ["the full-year", "fiscal 2027", "first-half", "year-to-date"],
  ],
  [
    "Costs rose through 2029, since it was founded in 1990, as of June 30, 2026 and at Sept. 30.",
    ["through 2029", "since it was founded in 1990", "as of June 30, 2026", "at Sept. 30"],
  ],
  [
    "At the start of 2025 the same quarter last year was a quarter earlier than this year.",
    ["start of 2025", "same quarter last year", "a quarter earlier", "year"],
  ],
  [
    "Over the past 12 months, in July, June 2022 and Nine mths, in 2021, 4th qtr, H1 and 9M.",
    ["the past 12 months", "July", "June 2022", "Nine mths", "in 2021", "4th qtr", "H1", "9M"],
  ],
  [
    "ORDERS ROSE IN THE QUARTER; YTD THEY ARE UP, SO FAR THIS YEAR, END-2026 AND END OF MAY.",
    ["THE QUARTER", "YTD", "SO FAR THIS YEAR", "END-2026", "END OF MAY"],
  ],
  [
    "Mid-year, pre-2020 and x2021 are not periods; the-year before and re-Q2 neither: in 2026 only.",
    ["in 2026"],
  ],
];

describe("periodHits", () => {
  it.each(CASES)("finds the periods of: %s", (s, texts) => {
    expect(periodHits(s, 0).map((h) => h.text)).toEqual(texts);
  });

  it("gives each hit's place in the text", () => {
    const s = "Sales rose in the second quarter and in 2026.";
    for (const h of periodHits(s, 0)) expect(s.slice(h.start, h.end)).toBe(h.text);
  });

  it("offsets hits by the base", () => {
    const [h] = periodHits("Sales rose in the second quarter.", 100);
    expect(h?.text).toBe("second quarter");
    expect(h?.end).toBe(100 + "Sales rose in the second quarter".length);
  });

  it("finds the same hits when called again on the same text", () => {
    const s = "Profit in the first half of 2026 and the fourth quarter.";
    expect(periodHits(s, 0)).toEqual(periodHits(s, 0));
  });
});
