/**
 * The metric reader tries a lexicon entry only where one of its words starts: the phrase
 * must still be found in upper case, wrapped over a line, after a character whose lower
 * case is longer ("İ"), and the nearest of two phrases must win.
 */
import { describe, expect, it } from "vitest";
import type { FigureContext } from "../../../../src/extract/attribution/context.js";
import { readMetric, subjectPhrase } from "../../../../src/extract/attribution/metric.js";

function around(left: string, right = ""): FigureContext {
  return {
    figure: { kind: "money", unit: null, hints: [] },
    left,
    right,
  } as unknown as FigureContext;
}

describe("readMetric over the metric lexicon", () => {
  it.each([
    ["NET\nINCOME ROSE TO ", "", "net_income", "NET INCOME"],
    ["Quarterly revenue was ", "", "revenue", "revenue"],
    ["İ revenue was ", "", "revenue", "revenue"],
    ["", " in new ORDERS", "orders", "new ORDERS"],
  ])("left %j right %j: %s", (left, right, metric, phrase) => {
    const got = readMetric(around(left, right));
    expect(got).toEqual({ metric, phrase });
  });

  it("reads the phrase nearest the figure", () => {
    expect(readMetric(around("Revenue rose while net income was "))?.metric).toBe("net_income");
  });

  it.each([
    ["Contributions to our pension plans were ", "Contributions to our pension plans"],
    ["The backlog, net amounted to about ", "backlog"],
    ["Contributions to our pension plans were cut, then ", null],
    ["Contributions to our pension plans of the year", null],
  ])("the words a figure is said of: %j -> %s", (left, phrase) => {
    expect(subjectPhrase(around(left))).toBe(phrase);
  });
});
