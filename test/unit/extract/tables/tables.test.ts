import { describe, expect, it } from "vitest";
import { readTables } from "../../../../src/extract/tables/index.js";

const owner = { name: "Harland Valve Co", type: "organization" as const };
const read = (text: string, firstPeriod: string | null = "3RD QTR") =>
  readTables(text, { entity: owner, firstPeriod }).figures.map(({ figure: f, attribution: a }) => ({
    text: f.text,
    amount: f.amount,
    kind: f.kind,
    currency: f.currency,
    unit: f.unit,
    rate: f.rate,
    metric: a.metric,
    period: a.period?.text ?? null,
    entity: a.entity?.name ?? null,
  }));

describe("text-table labels: one row per label", () => {
  it.each([
    ["Shr 23 cts vs 19 cts", "eps", 0.23, "per_share"],
    ["Oper shr 21 cts vs 18 cts", "eps", 0.21, "per_share"],
    ["Shr primary 1.02 dlrs vs 88 cts", "eps", 1.02, "per_share"],
    ["Shr diluted 98 cts vs 85 cts", "eps", 0.98, "per_share"],
    ["Net 319,564 vs 84,203", "net_income", 319564, null],
    ["Net profit 2,461,906 vs 1,100,400", "net_income", 2461906, null],
    ["Oper net 659,000 vs 523,000", "net_income", 659000, null],
    ["Pretax 4,100,000 vs 3,900,000", "net_income", 4100000, null],
    ["Operating profit 12.1 mln vs 10.4 mln", "operating_income", 12100000, null],
    ["Revs 7,866,000 vs 5,503,000", "revenue", 7866000, null],
    ["Rev 258,712 vs 190,004", "revenue", 258712, null],
    ["Sales 31.2 mln vs 22.7 mln", "revenue", 31200000, null],
    ["Revenues 14.0 mln vs 7,034,000", "revenue", 14000000, null],
    ["Chainwide sales 142.0 mln vs 126.7 mln", "revenue", 142000000, null],
    ["Qtly div 12 cts vs 12 cts prior", "dividend", 0.12, "per_share"],
    ["Assets 426.4 mln dlrs vs 334.1 mln dlrs", "other", 426400000, null],
    ["GAAP net income: $96.8 million vs. $81.2 million", "net_income", 96800000, null],
    ["Net after tax 5.1 mln vs 4.2 mln", "net_income", 5100000, null],
    ["Parent company net 5.1 mln vs 4.2 mln", "net_income", 5100000, null],
    ["Shr Class A 51 cts vs 42 cts", "eps", 0.51, "per_share"],
    ["Qtly cash distribution 25 cts vs 25 cts prior", "dividend", 0.25, "per_share"],
  ])("%s", (line, metric, amount, rate) => {
    const [first, second] = read(`${line}\n`);
    expect(first).toMatchObject({
      metric,
      amount,
      rate,
      entity: "Harland Valve Co",
      period: "3RD QTR",
    });
    expect(second?.metric).toBe(metric);
  });

  it("counts average shares", () => {
    expect(read("Avg shrs 3,313,000 vs three mln\n")).toMatchObject([
      { text: "3,313,000", kind: "count", amount: 3313000, unit: "shares", metric: "other" },
      { text: "three mln", kind: "count", amount: 3000000, unit: "shares" },
    ]);
  });

  it("takes labels users add, before its own", () => {
    const labels = [{ pattern: /^backlog$/i, metric: "backlog" as const, shape: "money" as const }];
    const r = readTables("Backlog 41.5 mln vs 37.0 mln\n", {
      entity: null,
      firstPeriod: null,
      labels,
    });
    expect(r.figures.map((f) => f.attribution.metric)).toEqual(["backlog", "backlog"]);
  });
});

describe("text-table line shapes", () => {
  it("reads loss and profit words as signs, the first cell as the current period", () => {
    expect(read("Shr loss eight cts vs profit one ct\n")).toMatchObject([
      { text: "eight cts", amount: -0.08, currency: "USD" },
      { text: "one ct", amount: 0.01 },
    ]);
    expect(read("Net loss 655,457 vs loss 566,429\n").map((x) => x.amount)).toEqual([
      -655457, -566429,
    ]);
  });

  it("reads a row without vs, in two columns", () => {
    expect(read("Net 11.5 mln seven mln\n").map((x) => x.amount)).toEqual([11500000, 7000000]);
  });

  it("reads nil as zero and skips a value not given", () => {
    expect(read("Rev 258,712 vs nil\n").map((x) => [x.text, x.amount])).toEqual([
      ["258,712", 258712],
      ["nil", 0],
    ]);
    expect(read("Shr 31 cts vs n/a\nNet 1,943,000 vs not given\n").map((x) => x.text)).toEqual([
      "31 cts",
      "1,943,000",
    ]);
  });

  it.each([
    ["Net 5.2m stg vs 4.1m\n", "5.2m stg", 5_200_000, "GBP"],
    ["Revs EUR 31.5 mln vs EUR 29.9 mln\n", "EUR 31.5 mln", 31_500_000, "EUR"],
    ["Net C$ 4.4 mln vs C$ 3.9 mln\n", "C$ 4.4 mln", 4_400_000, "CAD"],
    ["Net 2.5 billion yen vs 2.1 billion\n", "2.5 billion yen", 2_500_000_000, "JPY"],
  ])("reads a cell's prefix and scale as the figure reader does: %s", (row, text, amount, cur) => {
    expect(read(row)[0]).toMatchObject({ text, amount, currency: cur });
  });

  it("reads brackets as a negative amount", () => {
    expect(read("Net income (1,234) vs 5,678\n").map((x) => x.amount)).toEqual([-1234, 5678]);
  });

  it("gives a bare comparison number its row's scale and currency", () => {
    expect(read("Net profit 327.1 mln guilders vs\n307.5.\n", "1986")).toMatchObject([
      { text: "327.1 mln guilders", amount: 327100000, currency: "NLG", period: "1986" },
      { text: "307.5", amount: 307500000, currency: "NLG", period: null },
    ]);
    expect(read("Revs 11.3 mln vs 8,142,000\n").map((x) => x.amount)).toEqual([11300000, 8142000]);
  });

  it("keeps a table's currency for the rows after the one that names it", () => {
    const r = read("Pretax profit 45.6 mln stg vs 38.2 mln\nTurnover 456.1 mln vs 401.9 mln\n");
    expect(r.map((x) => x.currency)).toEqual(["GBP", "GBP", "GBP", "GBP"]);
  });

  it("applies a scale stated once for the table, not to per-share rows", () => {
    const r = read("(in millions)\nRevenue 1,234.5 vs 1,100.2\nShr 1.10 vs 0.95\n");
    expect(r.map((x) => x.amount)).toEqual([1234500000, 1100200000, 1.1, 0.95]);
  });

  it("reads block labels as the period of the rows below them", () => {
    const r = read(
      "Shr 23 cts vs 19 cts\nNine mths\nShr 61 cts vs 18 cts\n12 mths\nNet 1,102,877 vs 402,115\n",
    );
    expect(r.map((x) => x.period)).toEqual([
      "3RD QTR",
      "3RD QTR",
      "Nine mths",
      "Nine mths",
      "12 mths",
      "12 mths",
    ]);
    const q = read("Qtr ended Jan 31\n    Shr 33 cts vs 29 cts\n", null);
    expect(q[0]?.period).toBe("Qtr ended Jan 31");
    for (const label of [
      "Period ended August 29.",
      "Qtr ends Feb 28",
      "First nine months ended Feb 28",
    ])
      expect(read(`${label}\n    Shr 33 cts vs 29 cts\n`, "1ST QTR")[0]?.period).toBe(
        label.replace(/\.$/, ""),
      );
  });

  it("leaves prose, notes and dates to the prose reader", () => {
    expect(read("NOTE: 1986 net includes 72,000 dlr tax credit.\n")).toEqual([]);
    expect(read("Net income rose to 5.2 mln dlrs from 4.1 mln dlrs\n")).toEqual([]);
    expect(read("Pay April 15\nRecord April 1\n")).toEqual([]);
    expect(read("Revenue: $1.23 billion, up 8%\n")).toEqual([]);
    // A short sentence on a line of its own names a metric but is not a row.
    expect(read("The Danish brewer said net profit was 2.9 billion crowns.\n")).toEqual([]);
    expect(read("Orlen Oyj net profit rose to 12.5 mln euro ( $ 17.1 mln ) .\n")).toEqual([]);
    // A label with a verb is a sentence, even when a conversion in brackets closes it.
    expect(read("Kesla Oyj net profit rose to 12.4 mln euro ( $ 16.1 mln ) .\n")).toEqual([]);
    expect(read("The Dutch insurer said net profit was 410 mln guilders.\n")).toEqual([]);
  });

  it("reads a typo'd unit into the cell's text", () => {
    expect(read("Shr 93 ctsd vs 80 cts\n")[0]).toMatchObject({ text: "93 ctsd", amount: 0.93 });
  });
});

describe("column headers of a release table", () => {
  it("give each column its period, and the scale stated in the header", () => {
    const r = read(
      "(in millions, except per share data) Q2 2026 Q2 2025\nRevenue $ 588.4 $ 555.1\nOperating income 41.7 46.3\nNet income (loss) (3.2) 28.9\nDiluted EPS $ (0.07) $ 0.61\nWeighted average shares 47.2 47.5\n",
      null,
    );
    expect(r.map((x) => [x.text, x.amount, x.metric, x.period])).toEqual([
      ["$ 588.4", 588400000, "revenue", "Q2 2026"],
      ["$ 555.1", 555100000, "revenue", "Q2 2025"],
      ["41.7", 41700000, "operating_income", "Q2 2026"],
      ["46.3", 46300000, "operating_income", "Q2 2025"],
      ["3.2", -3200000, "net_income", "Q2 2026"],
      ["28.9", 28900000, "net_income", "Q2 2025"],
      ["$ (0.07)", -0.07, "eps", "Q2 2026"],
      ["$ 0.61", 0.61, "eps", "Q2 2025"],
      ["47.2", 47200000, "other", "Q2 2026"],
      ["47.5", 47500000, "other", "Q2 2025"],
    ]);
  });
});

describe("row labels passed to the extractor", () => {
  it("are tried before the built-in ones", async () => {
    const { extractArticle } = await import("../../../../src/extract/index.js");
    const body = "HARLAND VALVE CO <HVLV> 3RD QTR NET\nBacklog 41.5 mln vs 37.0 mln\n";
    const title = "HARLAND VALVE CO <HVLV> 3RD QTR NET";
    const plain = extractArticle({ source: "a.txt", title, body }).result.metrics;
    expect(plain.map((m) => m.metric)).not.toContain("orders");
    const labels = [{ pattern: /^backlog$/i, metric: "orders" as const, shape: "money" as const }];
    const { result } = extractArticle({ source: "a.txt", title, body }, { tableLabels: labels });
    expect(result.metrics.map((m) => [m.text, m.metric, m.entity?.name])).toEqual([
      ["41.5 mln", "orders", "Harland Valve Co"],
      ["37.0 mln", "orders", "Harland Valve Co"],
    ]);
  });
});
