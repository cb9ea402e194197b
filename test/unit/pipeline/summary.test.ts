/** The one run reducer: every path sums its article outcomes through it. */
import { describe, expect, it } from "vitest";
import { NewsfiguresError } from "../../../src/errors.js";
import type { MetricRecord } from "../../../src/model/index.js";
import type { ArticleOutcome } from "../../../src/pipeline/run-article.js";
import { addFailure, addOutcome, emptySummary } from "../../../src/pipeline/summary.js";

/** Only the fields the reducer reads of a record. */
const record = (metric: string, entity: string | null) =>
  ({ metric, entity: entity ? { name: entity } : null }) as unknown as MetricRecord;

function outcome(
  status: ArticleOutcome["status"],
  extra: Partial<ArticleOutcome> = {},
): ArticleOutcome {
  return {
    url: "u",
    status,
    articleId: null,
    added: 0,
    removed: 0,
    updated: 0,
    warnings: 0,
    ...extra,
  };
}

describe("addOutcome", () => {
  it("sums records, record changes and warnings, and counts each status once", () => {
    const s = emptySummary();
    addOutcome(
      s,
      outcome("stored", {
        added: 2,
        removed: 1,
        updated: 1,
        warnings: 3,
        result: { metrics: [record("revenue", "Orlan Mills"), record("revenue", null)] } as never,
      }),
    );
    addOutcome(
      s,
      outcome("unchanged", { result: { metrics: [record("employees", "Orlan Mills")] } as never }),
    );
    addOutcome(s, outcome("not-modified"));
    addOutcome(s, outcome("skipped"));
    expect(s).toMatchObject({
      articles: 2,
      changed: 1,
      unchanged: 1,
      notModified: 1,
      notArticles: 1,
      records: 3,
      added: 2,
      removed: 1,
      updated: 1,
      warnings: 3,
      byMetric: { revenue: 2, employees: 1 },
      byEntity: { "Orlan Mills": 2 },
    });
  });

  it("keeps a failure with its code", () => {
    const s = addFailure(
      emptySummary(),
      "a.txt",
      new NewsfiguresError("NF_INPUT_NOT_FOUND", "a.txt: no such file"),
    );
    expect(s.failed).toEqual([
      {
        source: "a.txt",
        code: "NF_INPUT_NOT_FOUND",
        message: "NF_INPUT_NOT_FOUND: a.txt: no such file",
      },
    ]);
  });
});
