/**
 * Re-extraction with a changed rule: the per-article diff says what moved, the records are
 * replaced, the history records it, a dry run writes nothing. Both backends.
 */
import { afterAll, describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extract/index.js";
import { EXTRACTOR_VERSION } from "../../../src/extract/version.js";
import { type ArticleInput, ArticleResult } from "../../../src/model/index.js";
import { type ArticleReprocess, reprocessStore } from "../../../src/pipeline/reprocess.js";
import {
  article,
  KESTREL_TEXT,
  kestrelRecords,
  ORCHARD_TEXT,
  orchardRecords,
  record,
} from "./articles.js";
import { backends } from "./backends.js";

const all = backends("rep");
afterAll(async () => {
  for (const b of all) await b.cleanup();
});

/** "Version 2 of the rules": revenue forecasts become guidance, counts of people are dropped, years are read as counts. */
function changedRule(input: ArticleInput): ArticleResult {
  const base = input.body === ORCHARD_TEXT ? orchardRecords() : kestrelRecords();
  const metrics = base
    .filter((r) => r.value.unit !== "people")
    .map((r) => (r.metric === "revenue" && r.forecast ? { ...r, metric: "guidance" as const } : r));
  if (input.body === ORCHARD_TEXT)
    metrics.push(
      record(ORCHARD_TEXT, {
        text: "2025",
        kind: "count",
        amount: 2025,
        unit: "year",
        metric: "other",
      }),
    );
  return ArticleResult.parse({
    ...article(input.body, metrics, { source: input.source }).result,
    source: input.source,
  });
}

describe.each(all)("reprocess on $name", (backend) => {
  it("reports added, removed and changed records per article and replaces them", async () => {
    const store = await backend.open("diff");
    try {
      for (const [text, recs, source] of [
        [ORCHARD_TEXT, orchardRecords(), "news/orchard.txt"],
        [KESTREL_TEXT, kestrelRecords(), "news/kestrel.txt"],
      ] as const) {
        const { row, result } = article(text, recs, { source });
        await store.saveExtraction(row, result, "1.0.0");
      }
      const dry: ArticleReprocess[] = [];
      const drySummary = await reprocessStore(store, {
        dryRun: true,
        extract: changedRule,
        extractorVersion: "2.0.0",
        onArticle: (r) => void dry.push(r),
      });
      expect(drySummary).toMatchObject({
        articles: 2,
        changed: 1,
        unchanged: 1,
        added: 1,
        removed: 1,
        updated: 1,
        dryRun: true,
      });
      expect(dry.every((r) => !r.applied)).toBe(true);
      expect((await store.queryRecords({ metric: "guidance" })).length).toBe(0);

      const reports: ArticleReprocess[] = [];
      await reprocessStore(store, {
        extract: changedRule,
        extractorVersion: "2.0.0",
        onArticle: (r) => void reports.push(r),
      });
      const orchard = reports.find((r) => r.source === "news/orchard.txt");
      expect(orchard?.applied).toBe(true);
      expect(orchard?.diff.added.map((r) => r.text)).toEqual(["2025"]);
      expect(orchard?.diff.removed.map((r) => r.text)).toEqual(["4,200"]);
      expect(orchard?.diff.changed.map((c) => [c.text, c.fields])).toEqual([
        ["$900 million", [{ path: "metric", before: "revenue", after: "guidance" }]],
      ]);
      expect(
        (await store.queryRecords({ entity: "orchard", metric: "guidance" })).map(
          (r) => r.record.text,
        ),
      ).toEqual(["$900 million"]);
      expect((await store.queryRecords({ metric: "employees" })).length).toBe(0);
      // The unchanged article still moves to the new version, and the history says so.
      const runs = await store.listRuns();
      expect(
        runs.map((r) => [r.action, r.extractorVersion, r.added, r.removed, r.updated]),
      ).toEqual(
        expect.arrayContaining([
          ["replace", "2.0.0", 1, 1, 1],
          ["replace", "2.0.0", 0, 0, 0],
        ]),
      );
      expect(runs).toHaveLength(4);
      // Running the same rules again changes nothing.
      const again = await reprocessStore(store, {
        extract: changedRule,
        extractorVersion: "2.0.0",
      });
      expect(again).toMatchObject({ changed: 0, unchanged: 2 });
      expect(await store.listRuns()).toHaveLength(4);
    } finally {
      await store.close();
    }
  });

  it("brings hand-made records to what the current extractor says, from the stored text alone", async () => {
    const store = await backend.open("real");
    try {
      const { row, result } = article(ORCHARD_TEXT, orchardRecords(), {
        source: "news/orchard.txt",
      });
      await store.saveExtraction(row, result, "0.0.1");
      const summary = await reprocessStore(store, { source: "news/" });
      expect(summary.articles).toBe(1);
      const expected = extractArticle({
        source: "news/orchard.txt",
        body: ORCHARD_TEXT,
        title: row.title,
      }).result.metrics;
      expect(await store.getRecords(row.articleId)).toEqual(
        [...expected].sort((a, b) => a.span.start - b.span.start || (a.id < b.id ? -1 : 1)),
      );
      expect((await store.getArticle(row.articleId))?.extractorVersion).toBe(EXTRACTOR_VERSION);
      expect((await reprocessStore(store, { source: "elsewhere/" })).articles).toBe(0);
    } finally {
      await store.close();
    }
  });
});
