/**
 * Ingesting the dev set twice leaves the same rows, on both backends, and both backends
 * hold the same rows. Reads ../shared/eval/dev; skips when it is absent.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../../src/pipeline/ingest-files.js";
import type { Store } from "../../../src/store/index.js";
import { HAS_SHARED, SHARED_SKIP_REASON, sharedPath } from "../../helpers/shared.js";
import { backends } from "./backends.js";

const all = backends("dev");
afterAll(async () => {
  for (const b of all) await b.cleanup();
});

if (!HAS_SHARED) console.warn(`skipping dev-set ingest: ${SHARED_SKIP_REASON}`);

/** Everything that must not move when the same files are ingested again. */
async function snapshot(store: Store): Promise<unknown> {
  const records: unknown[] = [];
  for await (const r of store.exportRecords(500)) records.push(r);
  const articles: unknown[] = [];
  for await (const a of store.listArticles({}, 5))
    articles.push({ ...a, raw: a.raw?.toString("base64") ?? null });
  const runs = (await store.listRuns()).map(({ ranAt: _t, ...r }) => r);
  return { records, articles, runs, stats: await store.stats() };
}

const snapshots: unknown[] = [];

describe.skipIf(!HAS_SHARED).each(all)("ingest of the dev set on $name", (backend) => {
  it("stores every article once and changes nothing the second time", async () => {
    const store = await backend.open("dev");
    try {
      const first = await ingestFiles([sharedPath("eval/dev")], store);
      expect(first.failed).toEqual([]);
      expect(first.articles).toBeGreaterThan(0);
      expect(first.changed).toBe(first.articles);
      expect(first.skipped.every((p) => p.endsWith(".gold.json"))).toBe(true);
      const before = await snapshot(store);
      const second = await ingestFiles([sharedPath("eval/dev")], store);
      expect(second).toMatchObject({
        articles: first.articles,
        changed: 0,
        unchanged: first.articles,
        added: 0,
        removed: 0,
        updated: 0,
      });
      const after = await snapshot(store);
      expect(after).toEqual(before);
      expect((await store.stats()).records).toBe(first.records);
      snapshots.push(after);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!HAS_SHARED)("both backends", () => {
  it("hold the same rows after the same ingest", () => {
    expect(snapshots).toHaveLength(2);
    const strip = (s: unknown) =>
      JSON.parse(JSON.stringify(s, (k, v) => (k === "fetchedAt" ? undefined : v)));
    expect(strip(snapshots[1])).toEqual(strip(snapshots[0]));
  });
});
