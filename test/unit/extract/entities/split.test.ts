import { describe, expect, it } from "vitest";
import { splitOnSpace, splitOnWhite } from "../../../../src/extract/entities/split.js";

const samples = [
  "",
  " ",
  "  ",
  "Acme",
  "Acme Corp",
  "Acme  Corp",
  " Acme",
  "Acme ",
  " Acme Corp ",
  "Bank of\nCanada",
  "Bank\tof \n Canada\t",
  "Acme\u00a0Corp",
  "Acme\u2003\u3000Corp\ufeff",
  "São Paulo’s",
];

describe("splitOnSpace and splitOnWhite split as the built-in split does", () => {
  it.each(samples)("%j", (s) => {
    expect(splitOnSpace(s)).toEqual(s.split(" "));
    expect(splitOnWhite(s)).toEqual(s.split(/\s+/));
  });
});
