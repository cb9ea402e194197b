/**
 * The hand-written tests that run before a pattern must never turn away what the pattern
 * accepts: a space as `\s` has it, the number words grouped by first letter, and what the
 * table's line patterns may start with.
 */
import { describe, expect, it } from "vitest";
import { isSpaceCode } from "../../../../src/extract/chars.js";
import { wordsByFirstLetter } from "../../../../src/extract/figures/patterns.js";
import {
  blockLabel,
  COLUMN_PERIOD,
  mayBeBlockLabel,
  mayBeColumnHeader,
  mayBeScaleLine,
  SCALE_LINE,
} from "../../../../src/extract/tables/labels.js";

describe("isSpaceCode", () => {
  it("is `\\s` for every character of the basic plane", () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe("wordsByFirstLetter", () => {
  const words = ["seven", "seventeen", "six", "ten", "two", "one", "nil"];
  const grouped = new RegExp(`^(?:${wordsByFirstLetter(words)})$`, "i");
  it.each([...words, "SEVEN", "Nil"])("matches %j", (w) => {
    expect(grouped.test(w)).toBe(true);
  });
  it.each(["seve", "sevens", "s", "eleven", "twos", ""])("does not match %j", (w) => {
    expect(grouped.test(w)).toBe(false);
  });
});

/** The first character of a line that is not white space. */
const firstOf = (line: string): number => line.length - line.trimStart().length;

describe("the table's line pre-tests", () => {
  it.each([
    "(in millions)",
    "  ( In thousands, except per share data )",
    "Dollar amounts in millions",
    "Amounts in thousands of dollars",
    "000s omitted",
    "(000s omitted)",
    "$000",
    "( $ millions )",
    "€ millions",
    "£ thousands",
    "USD millions",
    "eur billions",
    "GBP thousands",
    "Millions",
    "thousand",
    "BILLIONS",
  ])("lets the scale line %j through", (line) => {
    expect(SCALE_LINE.test(line)).toBe(true);
    expect(mayBeScaleLine(line, firstOf(line), line.length)).toBe(true);
  });

  it.each([
    "Q3 2024 Q3 2023",
    "h1 2024 H1 2023",
    "FY2025 FY2024",
    "fiscal 2024",
    "3Q86",
    "2024 2023",
    "(in millions) 2024",
  ])("lets the column header %j through", (line) => {
    COLUMN_PERIOD.lastIndex = line.startsWith("(") ? line.indexOf(")") + 1 : 0;
    expect(COLUMN_PERIOD.test(line)).toBe(true);
    expect(mayBeColumnHeader(line.charCodeAt(firstOf(line)))).toBe(true);
  });

  it.each([
    "Year",
    "Nine mths",
    "4th qtr",
    "Qtr ended Jan 31",
    "12 mths",
    "1st half",
    "1986",
    "First half",
    "Second quarter",
    "Third qtr",
    "Fiscal year",
    "Latest 12 weeks",
    "Period ended March 31, 1987",
    "Full year",
    "H1",
    "One months",
    "Eight weeks",
    "Eleven months",
    "Ten wks",
    "Twelve mths",
    "Six months",
    "Seven months",
  ])("lets the block label %j through", (line) => {
    expect(blockLabel(line)).not.toBeNull();
    expect(mayBeBlockLabel(line.charCodeAt(firstOf(line)))).toBe(true);
  });

  it("turns away lines of prose", () => {
    for (const line of ["Corp said it expects", "ROYAL BANK", '"We are pleased"']) {
      const c = line.charCodeAt(firstOf(line));
      expect(mayBeScaleLine(line, firstOf(line), line.length)).toBe(false);
      expect(mayBeColumnHeader(c)).toBe(false);
      expect(mayBeBlockLabel(c)).toBe(false);
    }
  });
});
