import { describe, expect, it } from "vitest";
import { MetricRecord } from "../../../src/model/index.js";

const good = {
  id: "x",
  kind: "money",
  text: "$51.3 billion",
  span: { start: 0, end: 13 },
  sentence: "$51.3 billion backlog",
  value: {
    amount: 51.3e9,
    currency: "USD",
    unit: null,
    approximate: false,
    bound: "exact",
    range: null,
  },
  rate: null,
  metric: "backlog",
  metricPhrase: "backlog",
  entity: { name: "Dell Technologies", type: "organization" },
  period: null,
  change: null,
  forecast: false,
} as const;

describe("MetricRecord schema", () => {
  it("accepts a record shaped as the spec says", () => {
    expect(MetricRecord.safeParse(good).success).toBe(true);
  });
  it.each([
    ["a span whose length differs from the text", { span: { start: 0, end: 12 } }],
    ["money without a currency", { value: { ...good.value, currency: null } }],
    ["an unknown metric", { metric: "profitability" }],
    ["a lower-case currency", { value: { ...good.value, currency: "usd" } }],
    [
      "a range whose amount is not its min",
      { value: { ...good.value, range: { min: 1, max: 2 } } },
    ],
  ])("rejects %s", (_name, patch) => {
    expect(MetricRecord.safeParse({ ...good, ...patch }).success).toBe(false);
  });
});
