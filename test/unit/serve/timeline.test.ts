import { describe, expect, it } from "vitest";
import type { MetricRecord, Period } from "../../../src/model/index.js";
import { markBody } from "../../../src/serve/pages.js";
import { periodDate, placeRecords, timelines } from "../../../src/serve/timeline.js";
import type { StoredRecord } from "../../../src/store/types.js";

const period = (p: Partial<Period>): Period => ({
  text: "the quarter",
  fiscal: false,
  year: null,
  quarter: null,
  start: null,
  end: null,
  ytd: false,
  ...p,
});

function record(over: Partial<MetricRecord> & { text: string; start: number }): MetricRecord {
  const { start, ...rest } = over;
  return {
    id: `r${start}`,
    kind: "money",
    span: { start, end: start + over.text.length },
    sentence: "",
    value: {
      amount: 1e9,
      currency: "USD",
      unit: null,
      approximate: false,
      bound: "exact",
      range: null,
    },
    rate: null,
    metric: "revenue",
    metricPhrase: "revenue",
    entity: { name: "Harrowgate Instruments", type: "organization" },
    period: null,
    change: null,
    forecast: false,
    ...rest,
  };
}

const stored = (r: MetricRecord, publishedAt: string | null, articleId = "a1"): StoredRecord => ({
  articleId,
  source: "test",
  url: null,
  title: null,
  publishedAt,
  record: r,
});

describe("where a figure sits in time", () => {
  it.each([
    [period({ end: "2025-06-30", year: 2025, quarter: 2 }), "2025-06-30"],
    [period({ year: 2025, quarter: 3 }), "2025-09-30"],
    [period({ year: 2025, quarter: 1, fiscal: true }), "2025-03-31"],
    [period({ year: 2024 }), "2024-12-31"],
    [period({ start: "2025-01-01" }), "2025-01-01"],
    [period({ text: "next quarter" }), null],
    [null, null],
  ])("%o -> %s", (p, expected) => {
    expect(periodDate(p)).toBe(expected);
  });

  it("uses the period, else the publication date, else the stored date, and says which", () => {
    const points = placeRecords(
      [
        stored(
          record({ text: "$1", start: 0, period: period({ year: 2025, quarter: 2 }) }),
          "2025-08-01T10:00:00Z",
        ),
        stored(record({ text: "$2", start: 5 }), "2025-08-01T10:00:00Z"),
        stored(record({ text: "$3", start: 9 }), null, "undated"),
        stored(record({ text: "$4", start: 13 }), null, "unknown"),
      ],
      new Map([["undated", "2026-01-02T00:00:00.000Z"]]),
    );
    expect(points.map((p) => [p.basis, new Date(p.x * 1000).toISOString().slice(0, 10)])).toEqual([
      ["period", "2025-06-30"],
      ["published", "2025-08-01"],
      ["stored", "2026-01-02"],
    ]);
  });

  it("groups by metric and unit, each in time order, the largest first", () => {
    const eur = record({
      text: "€1",
      start: 0,
      value: {
        amount: 1,
        currency: "EUR",
        unit: null,
        approximate: false,
        bound: "exact",
        range: null,
      },
    });
    const points = placeRecords(
      [
        stored(record({ text: "$1", start: 0 }), "2025-03-01T00:00:00Z"),
        stored(record({ text: "$2", start: 0 }), "2025-01-01T00:00:00Z"),
        stored(eur, "2025-02-01T00:00:00Z"),
      ],
      new Map(),
    );
    const t = timelines(points);
    expect(t.map((x) => [x.metric, x.unit, x.points.length])).toEqual([
      ["revenue", "USD", 2],
      ["revenue", "EUR", 1],
    ]);
    expect(t[0]?.points.map((p) => p.stored.record.text)).toEqual(["$2", "$1"]);
  });
});

describe("marking an article's figures", () => {
  const body = "Revenue rose to $5 <b>billion</b>; margin 12%.";

  it("marks each figure at its span and escapes the text around and inside it", () => {
    const records = [
      record({ text: "12%", start: 42, metric: "margin", kind: "percent" }),
      record({ text: "$5", start: 16 }),
    ];
    const { html, skipped } = markBody(body, records);
    expect(skipped).toBe(0);
    expect(html.value).toContain(
      'Revenue rose to <mark class="fig m-revenue" id="fig-r16" data-rec="rec-1"',
    );
    expect(html.value).toContain(
      '>$5</mark> &lt;b&gt;billion&lt;/b&gt;; margin <mark class="fig m-margin"',
    );
    expect(html.value.match(/<mark /g)).toHaveLength(2);
  });

  it("counts, and does not mark, a span that overlaps another or does not hold its text", () => {
    const records = [
      record({ text: "$5", start: 16 }),
      record({ text: "$5 <", start: 16 }),
      record({ text: "9%", start: 42 }),
    ];
    const { html, skipped } = markBody(body, records);
    expect(skipped).toBe(2);
    expect(html.value.match(/<mark /g)).toHaveLength(1);
  });
});
