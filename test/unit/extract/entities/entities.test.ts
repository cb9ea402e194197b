import { describe, expect, it } from "vitest";
import { findEntities } from "../../../../src/extract/entities/index.js";

describe("findEntities", () => {
  const body =
    "Harlow Analytics Expands\nHarlow Analytics Corp. (NYSE: HRLW) said on Monday that Chief Executive Maria Quint will step down. Harlow's board thanked Quint. The San Diego-based company listed on the New York Stock Exchange in 2019. Harlow shares rose.";
  const r = findEntities(body, "Harlow Analytics Expands");
  const names = r.entities.map((e) => `${e.type}:${e.name}`);
  it("merges short forms and possessives into the longest name", () => {
    expect(names.filter((n) => n.includes("Harlow"))).toEqual([
      "organization:Harlow Analytics Corp",
    ]);
  });
  it("finds a titled person and merges the surname", () => {
    expect(names).toContain("person:Maria Quint");
    expect(names).not.toContain("organization:Quint");
  });
  it("reads -based places and known organisations", () => {
    expect(names).toContain("place:San Diego");
    expect(names).toContain("organization:New York Stock Exchange");
  });
  it("does not list the ticker and picks the main entity", () => {
    expect(names.some((n) => n.endsWith("HRLW"))).toBe(false);
    expect(r.main?.name).toBe("Harlow Analytics Corp");
  });
  it("keeps instruments out of the entity list", () => {
    const x = findEntities("Stocks fell. The S&P 500 lost 1.2% and Brent crude rose.", null);
    expect(x.entities.map((e) => e.name)).not.toContain("S&P 500");
    expect(x.mentions.some((m) => m.type === "instrument" && m.name === "S&P 500")).toBe(true);
  });
});

describe("findEntities: wire headlines, datelines, places by preposition", () => {
  it("takes the company from a ticker headline the body never names", () => {
    const r = findEntities(
      "Shr 12 cts vs 9 cts\n    Net 1.2 mln vs 900,000",
      "ORVALE TOOL CO <ORVT> 2ND QTR NET",
    );
    expect(r.main?.name).toBe("Orvale Tool Co");
  });
  it("reads an ALL-CAPS dateline city and a place after 'in'", () => {
    const r = findEntities(
      "LISBON (Reuters) - The cooperative opened a depot in Quimbrela, its first outside the capital.",
      null,
    );
    const places = r.entities.filter((e) => e.type === "place").map((e) => e.name);
    expect(places).toContain("Lisbon");
    expect(places).toContain("Quimbrela");
  });
});
