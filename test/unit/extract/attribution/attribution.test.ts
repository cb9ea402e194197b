import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../../src/extract/attribution/period.js";
import { extractArticle } from "../../../../src/extract/index.js";
import { splitSentences } from "../../../../src/extract/sentences.js";

const recordOf = (body: string, text: string) => {
  const { result } = extractArticle({ source: "t.txt", body, title: body.split("\n")[0] });
  const m = result.metrics.find((r) => r.text === text);
  if (!m) throw new Error(`no record for ${text}: ${result.metrics.map((r) => r.text).join(", ")}`);
  return m;
};

describe("sentences", () => {
  it.each([
    ["Acme Corp. said sales rose. Profit fell.", 2],
    ["For the three months ended Oct. 31, net income was $5 million. Shares rose.", 2],
    ["Mr. Smith joined Widget Inc. in 2020 and earns $1.5 million.", 1],
    ["Quarterly highlights\nRevenue: $4 million, up 3%", 2],
  ])("%s -> %i sentences", (text, n) => {
    expect(splitSentences(text)).toHaveLength(n);
  });
});

describe("metric, change, entity", () => {
  const body =
    "Tarvel Robotics Posts Record Quarter\nTarvel Robotics Inc. said revenue rose 12% to $4.5 billion in its fiscal second quarter. Net income fell 3% to $210 million, or 45 cents a share. Tarvel shares dropped 2.1% to $38.40.";
  it.each([
    ["12%", "revenue", "increase"],
    ["$4.5 billion", "revenue", null],
    ["3%", "net_income", "decrease"],
    ["$210 million", "net_income", null],
    ["45 cents", "eps", null],
    ["2.1%", "stock_return", "decrease"],
    ["$38.40", "share_price", null],
  ])("%s is %s (%s)", (text, metric, change) => {
    const r = recordOf(body, text);
    expect(r.metric).toBe(metric);
    expect(r.change?.direction ?? null).toBe(change);
    expect(r.entity?.name).toMatch(/^Tarvel Robotics Inc\.?$/);
  });
  it("reads the period of the clause", () => {
    expect(recordOf(body, "$4.5 billion").period?.quarter).toBe(2);
    expect(recordOf(body, "$4.5 billion").period?.fiscal).toBe(true);
  });
  it("marks forecasts", () => {
    const b =
      "Pellam Foods expects revenue of $2 billion next year. It reported sales of $1.8 billion.";
    expect(recordOf(b, "$2 billion").forecast).toBe(true);
    expect(recordOf(b, "$1.8 billion").forecast).toBe(false);
  });
  it("signs a loss", () => {
    const b = "Orrin Mining reported a net loss of $40 million for the year.";
    expect(recordOf(b, "$40 million").value.amount).toBe(-40_000_000);
  });
});

describe("periods", () => {
  it.each([
    ["three months ended Oct. 31", { fiscal: false, quarter: null, ytd: false }],
    ["fiscal first quarter", { fiscal: true, quarter: 1, ytd: false }],
    ["year to date", { fiscal: false, quarter: null, ytd: true }],
    ["FY2026", { fiscal: true, year: 2026 }],
    ["as of June 30, 2026", { end: "2026-06-30" }],
  ])("%s", (text, want) => {
    expect(parsePeriod(text)).toMatchObject(want);
  });
});

describe("wire tables", () => {
  it("reads row labels, block labels and losses", () => {
    const body =
      "Shr profit 15 cts vs loss four cts\n    Revs 7.1 mln dlrs vs 2.3 mln dlrs\n    Nine mths\n    Shr 42 cts vs loss 11 cts";
    const { result } = extractArticle({
      source: "w",
      body,
      title: "ORVALE TOOL CO <ORVT> 4TH QTR NET",
    });
    const by = (t: string) => result.metrics.find((m) => m.text === t);
    expect(by("15 cts")?.metric).toBe("eps");
    expect(by("15 cts")?.period?.quarter).toBe(4);
    expect(by("15 cts")?.entity?.name).toBe("Orvale Tool Co");
    expect(by("four cts")?.value.amount).toBeCloseTo(-0.04);
    expect(by("42 cts")?.period?.text.toLowerCase()).toBe("nine mths");
    expect(by("11 cts")?.value.amount).toBeCloseTo(-0.11);
    expect(by("11 cts")?.change).toBeNull();
  });
  it.each([
    ["Year to Nov 30", "year to nov 30"],
    ["Six months ended Sept 30", "six months ended sept 30"],
    ["Nine mths", "nine mths"],
  ])("gives a row after the block label %s that block's period", (label, period) => {
    const body = `Shr 31.2p vs 28.4p
    ${label}
    Net 9.1 mln stg vs 8.2 mln
    Final div 6.5p making 9.5p vs 8.75p`;
    const { result } = extractArticle({ source: "w", body, title: "MARLOWE GROUP PLC RESULTS" });
    const div = result.metrics.find((m) => m.text === "6.5p");
    expect(div?.metric).toBe("dividend");
    expect(div?.period?.text.toLowerCase()).toBe(period);
  });
});
