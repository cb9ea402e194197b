/**
 * A queued run reports what an inline run reports: the tracker in Redis sums the workers'
 * outcomes into the same fields as the run reducer, removed and changed records and
 * warnings included.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { MetricRecord } from "../../../src/model/index.js";
import { type ArticleOutcome, notModified } from "../../../src/pipeline/run-article.js";
import { addOutcome, emptySummary } from "../../../src/pipeline/summary.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";

const record = (metric: string, entity: string | null) =>
  ({ metric, entity: entity ? { name: entity } : null }) as unknown as MetricRecord;

describe("run tracker: the same summary as the run reducer", () => {
  const prefix = `nf-${inject("runId")}-tracker`;
  const redis = new Redis(inject("redisUrl"));

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("keeps added, removed, changed, warnings and the per-metric counts", async () => {
    const outcomes: ArticleOutcome[] = [
      {
        url: "https://example.test/a",
        status: "stored",
        articleId: "a",
        added: 1,
        removed: 2,
        updated: 1,
        warnings: 1,
        result: {
          metrics: [record("revenue", "Orlan Mills"), record("net_income", null)],
        } as never,
      },
      notModified("https://example.test/b"),
    ];
    const tracker = new RunTracker(redis, prefix);
    for (const o of outcomes) await tracker.finished("run-1", o);
    const expected = emptySummary();
    for (const o of outcomes) addOutcome(expected, o);
    const { summary } = await tracker.read("run-1");
    expect(summary).toEqual({
      articles: expected.articles,
      changed: expected.changed,
      unchanged: expected.unchanged,
      notModified: expected.notModified,
      notArticles: expected.notArticles,
      records: expected.records,
      added: expected.added,
      removed: expected.removed,
      updated: expected.updated,
      warnings: expected.warnings,
      byMetric: expected.byMetric,
      byEntity: expected.byEntity,
    });
    expect(summary.removed).toBe(2);
    expect(summary.updated).toBe(1);
    expect(summary.warnings).toBe(1);
  });
});
