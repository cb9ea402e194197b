/**
 * Properties of the recognizer on arbitrary input: it never throws, spans are in range
 * and exact, figures are sorted and disjoint, and the output is deterministic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFigures } from "../../../../src/extract/figures/index.js";

function invariants(text: string): void {
  const figures = findFigures(text);
  let last = 0;
  for (const f of figures) {
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(Number.isFinite(f.amount)).toBe(true);
    if (f.range) expect(f.range.min).toBeLessThanOrEqual(f.range.max);
    last = f.end;
  }
  expect(findFigures(text)).toEqual(figures);
}

// Fragments that make the scanner work: numbers, units, modifiers, separators.
const fragment = fc.constantFrom(
  "$",
  "US$",
  "C$",
  "€",
  "£",
  "¥",
  "₹",
  "Rs ",
  "EUR ",
  "5",
  "1,234.5",
  "1.234,5",
  "0.42",
  " million",
  "bn",
  "m",
  " crore",
  " lakh",
  "%",
  " percent",
  " bps",
  " cents",
  "p",
  " yen",
  " dlrs",
  " customers",
  " shares",
  " to ",
  "-",
  " and ",
  "between ",
  "more than ",
  "about ",
  "a loss of ",
  " a share",
  "-a-month",
  "(",
  ")",
  " ",
  "\n",
  ".",
  ",",
  "twelve",
  "forty-five",
  " hundred",
  "Q3 ",
  "2026",
);
const textish = fc
  .array(fc.oneof(fragment, fc.string({ unit: "grapheme", maxLength: 4 })), { maxLength: 60 })
  .map((a) => a.join(""));

describe("findFigures properties", () => {
  it("holds its invariants on figure-like text", () => {
    fc.assert(
      fc.property(textish, (t) => invariants(t)),
      { numRuns: 400 },
    );
  });

  it("holds its invariants on arbitrary Unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => invariants(t)),
      { numRuns: 300 },
    );
  });

  it("handles large inputs (up to 1 MB) quickly", () => {
    const samples = fc.sample(textish, { numRuns: 40, seed: 7 }).join(" ");
    const big = samples
      .repeat(Math.ceil(1_000_000 / Math.max(1, samples.length)))
      .slice(0, 1_000_000);
    const t0 = performance.now();
    invariants(big);
    const unicode = fc
      .sample(fc.string({ unit: "binary", minLength: 1000, maxLength: 1000 }), {
        numRuns: 1000,
        seed: 3,
      })
      .join("");
    invariants(unicode);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe("extractArticle over the recognizer's figures", () => {
  it("never throws and every figure becomes a valid record", async () => {
    const { extractArticle } = await import("../../../../src/extract/index.js");
    fc.assert(
      fc.property(textish, (t) => {
        const body = t.trim() === "" ? "x" : t;
        const { result, warnings } = extractArticle({ source: "prop.txt", body });
        expect(warnings.filter((w) => w.code === "NF_EXTRACT_INVALID_RECORD")).toEqual([]);
        for (const m of result.metrics) expect(body.slice(m.span.start, m.span.end)).toBe(m.text);
      }),
      { numRuns: 200 },
    );
  });
});
