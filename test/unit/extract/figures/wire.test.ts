import { describe, expect, it } from "vitest";
import { findFigures } from "../../../../src/extract/figures/index.js";

const read = (text: string) =>
  findFigures(text).map((f) => [f.text, f.amount, f.kind === "money" ? f.currency : f.unit]);

describe("wire prose figures", () => {
  it("reads a loss named after its figure as negative, a one-off loss at its size", () => {
    expect(read("HARBOUR MOTORS MAKES 12 MLN DLR LOSS")).toEqual([
      ["12 MLN DLR", -12000000, "USD"],
    ]);
    expect(read("It reported a 4.25 mln dlr net loss for 1986.")).toEqual([
      ["4.25 mln dlr", -4250000, "USD"],
    ]);
    expect(read("after a 310,000 dlr loss from discontinued operations")).toEqual([
      ["310,000 dlr", 310000, "USD"],
    ]);
  });

  it("gives a bare compared number the unit of the figure it is compared with", () => {
    expect(read("turnover of 412.6 mln dlrs from 388.1 mln.")).toEqual([
      ["412.6 mln dlrs", 412600000, "USD"],
      ["388.1 mln", 388100000, "USD"],
    ]);
    expect(read("sales of 18,200 units against 16,900 in 1985.")).toEqual([
      ["18,200 units", 18200, "units"],
      ["16,900", 16900, "units"],
    ]);
    expect(read("The figures a year earlier were 210 mln and 96.5 mln dlrs.")).toEqual([
      ["210 mln", 210000000, "USD"],
      ["96.5 mln dlrs", 96500000, "USD"],
    ]);
  });

  it("does not carry a unit across another number or a sentence", () => {
    expect(read("It invested 15 mln dlrs to lift output to 26,000 a month from 6,000.")).toEqual([
      ["15 mln dlrs", 15000000, "USD"],
    ]);
    expect(read("Profit was 5 mln dlrs. It said that rose from 1,200.")).toEqual([
      ["5 mln dlrs", 5000000, "USD"],
    ]);
  });

  it("reads a stock's move and level in fractions", () => {
    expect(read("Granite shares rose one to 42-1/8 on heavy volume.")).toEqual([
      ["one", 1, "USD"],
      ["42-1/8", 42.125, "USD"],
    ]);
    expect(read("Alder rose 1-7/8 to 36.")).toEqual([
      ["1-7/8", 1.875, "USD"],
      ["36", 36, "USD"],
    ]);
    expect(read("The index rose 12 to 340 points.")).toEqual([]);
  });

  it("reads hyphenated wire amounts and ranges that end in a number word", () => {
    expect(read("above the 18.2-mln-dlr surplus")).toEqual([["18.2-mln-dlr", 18200000, "USD"]]);
    expect(findFigures("between 90 cts and one dlr a share")[0]).toMatchObject({
      text: "90 cts and one dlr",
      amount: 0.9,
      range: { min: 0.9, max: 1 },
    });
  });

  it("places francs by the country the story names, the first when it names several", () => {
    expect(read("Banque Belge said profit rose to 5.3 billion francs in Belgium.")[0]?.[2]).toBe(
      "BEF",
    );
    expect(read("Profit rose to 5.3 billion francs.")[0]?.[2]).toBe("CHF");
    expect(read("French and Belgian units earned 5.3 billion francs.")[0]?.[2]).toBe("FRF");
    expect(read("Swiss and Belgian units earned 5.3 billion francs.")[0]?.[2]).toBe("BEF");
    expect(read("A Belgian bank lent 100 mln Swiss francs.")[0]?.[2]).toBe("CHF");
    expect(read("A Danish brewer earned 1.2 billion crowns.")[0]?.[2]).toBe("DKK");
  });

  it("reads a counted noun after a wrapped line", () => {
    expect(read("to 100 mln\nshares from 60 mln")[0]).toEqual([
      "100 mln\nshares",
      100000000,
      "shares",
    ]);
  });
});
