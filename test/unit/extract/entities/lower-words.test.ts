import { describe, expect, it } from "vitest";
import { lowerWords } from "../../../../src/extract/entities/lower-words.js";

const texts = [
  "Shares of Acme rose; the shares' well-known rally (a 5% gain) ended.",
  "don't stop-loss x-ray a b 3rd Q4 o'clock e-mail re-rated ab_cd naïve café",
  "",
  "UPPER lower Mixed m",
];

describe("lowerWords: the words \\b[a-z][a-z'-]+\\b matches", () => {
  it.each(texts)("%j", (text) => {
    const expected = new Set(text.match(/\b[a-z][a-z'-]+\b/g) ?? []);
    const words = lowerWords(text);
    const asked = new Set([
      ...expected,
      ...text.split(/[\s;().,%]+/),
      "share",
      "well",
      "known",
      "x",
      "ray",
      "",
      "é",
    ]);
    for (const w of asked) expect(words.has(w), w).toBe(expected.has(w));
  });
});
