import { describe, expect, it } from "vitest";
import { readHeadline } from "../../../../src/extract/headline.js";
import { extractArticle } from "../../../../src/extract/index.js";

describe("readHeadline", () => {
  it.each([
    ["STEEGO CORP <STG> 4TH QTR NET", "Steego Corp", "STG", "4TH QTR"],
    ["KLEINWORT BENSON LONSDALE PLC 1986 YEAR", "Kleinwort Benson Lonsdale Plc", null, "1986"],
    ["AEGON 1986 NET PROFIT RISES 6.4 PCT", "Aegon", null, "1986"],
    ["NORTHWIND FOODS INC 4TH QTR", "Northwind Foods Inc", null, "4TH QTR"],
    ["HARBOR LIGHT BANK <HLB.O> YEAR MAY 31 NET", "Harbor Light Bank", "HLB.O", "YEAR MAY 31"],
    [
      "ALDER ELECTRIC CORP <ALD> 1ST QTR JAN 31 OPER NET",
      "Alder Electric Corp",
      "ALD",
      "1ST QTR JAN 31",
    ],
    ["BANK OF TIDEWATER <BOT> NINE MTHS NET", "Bank of Tidewater", "BOT", "NINE MTHS"],
    ["COEUR D'ALENE MINES CORP <COUR> 4TH QTR LOSS", "Coeur D'Alene Mines Corp", "COUR", "4TH QTR"],
    ["WALL STREET STOCKS/GRANITE FOODS <GRF>", "Granite Foods", "GRF", null],
  ])("%s", (headline, name, ticker, period) => {
    const h = readHeadline(headline);
    expect(h?.entity?.name).toBe(name);
    expect(h?.entity?.ticker ?? null).toBe(ticker);
    expect(h?.period?.text ?? null).toBe(period);
    expect(headline.slice(h?.entity?.start, h?.entity?.end)).toBe(h?.entity?.text);
  });

  it("reads no company from a headline that is a sentence", () => {
    expect(readHeadline("HARBOUR MOTORS MAKES 19 MLN DLR LOSS")?.entity).toBeNull();
    expect(readHeadline("CHIP PRICES FALL IN MARCH")?.entity).toBeNull();
  });

  it("leaves headlines in title case to the entity recogniser", () => {
    expect(readHeadline("Steego Corp Reports Fourth-Quarter Net")).toBeNull();
  });

  it("takes the body's spelling of the name and spells out wire abbreviations", () => {
    const h = readHeadline(
      "INT'L TOTALIZATOR <ITSI> SEES BETTER 1ST QTR",
      "International Totalizator Systems Inc said",
    );
    expect(h?.entity?.name).toBe("International Totalizator");
    expect(readHeadline("USACAFES LP <USF> 3RD QTR NET", "USACafes LP said")?.entity?.name).toBe(
      "USACafes LP",
    );
  });
});

describe("the headline's company in extraction", () => {
  it("owns the story's figures and is listed once, with its ticker as no entity of its own", () => {
    const body = "STEEGO CORP <STG> 4TH QTR NET\nShr 23 cts vs 19 cts\n";
    const { result } = extractArticle({
      source: "t.txt",
      title: "STEEGO CORP <STG> 4TH QTR NET",
      body,
    });
    expect(result.entities.map((e) => e.name)).toContain("Steego Corp");
    expect(result.entities.map((e) => e.name)).not.toContain("STG");
    expect(result.metrics[0]?.entity?.name).toBe("Steego Corp");
  });
});
