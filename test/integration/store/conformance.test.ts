/**
 * One behaviour, two backends: every test here runs on SQLite (temp folder) and on
 * PostgreSQL (its own schema per run, dropped afterwards).
 */
import { afterAll, describe, expect, it } from "vitest";
import { isNewsfiguresError } from "../../../src/errors.js";
import { openStore, type Store } from "../../../src/store/index.js";
import {
  article,
  KESTREL_TEXT,
  kestrelRecords,
  ORCHARD_TEXT,
  orchardRecords,
  record,
} from "./articles.js";
import { backends } from "./backends.js";
import { expectedOrder, generatedItems, PER_ARTICLE } from "./generated.js";

const all = backends("conf");
afterAll(async () => {
  for (const b of all) await b.cleanup();
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(all)("store conformance on $name", (backend) => {
  let n = 0;
  const fresh = async (): Promise<Store> => backend.open(`s${++n}`);

  it("migrates idempotently and reports where it is without a password", async () => {
    const store = await fresh();
    await store.migrate();
    await store.migrate();
    expect(store.location).not.toMatch(/:[^:@/]+@/);
    expect((await store.stats()).records).toBe(0);
    await store.close();
  });

  it("stores an article with its records, entities and compressed page, and reads them back", async () => {
    const store = await fresh();
    const raw = Buffer.from(`<html><body><p>${ORCHARD_TEXT.repeat(20)}</p></body></html>`);
    const { row, result } = article(ORCHARD_TEXT, orchardRecords(), {
      raw,
      contentType: "text/html",
      url: "https://example.test/a?x=1",
      canonicalUrl: "https://example.test/a",
      etag: '"v1"',
      authors: ["A. Writer"],
      publishedAt: "2025-11-03T09:00:00Z",
    });
    const out = await store.saveExtraction(row, result, "1.0.0");
    expect(out).toEqual({
      articleId: row.articleId,
      changed: true,
      added: 4,
      removed: 0,
      updated: 0,
    });
    expect(await store.getRecords(row.articleId)).toEqual(orchardRecords());
    const back = await store.getArticle(row.articleId);
    expect(back?.raw?.equals(raw)).toBe(true);
    expect(back).toMatchObject({
      body: ORCHARD_TEXT,
      etag: '"v1"',
      authors: ["A. Writer"],
      extractorVersion: "1.0.0",
      contentType: "text/html",
    });
    const known = await store.knownUrls([
      "https://example.test/a",
      "https://example.test/a?x=1",
      "https://example.test/b",
    ]);
    expect(known.has("https://example.test/a")).toBe(true);
    expect(known.has("https://example.test/a?x=1")).toBe(true);
    expect(known.has("https://example.test/b")).toBe(false);
    const stats = await store.stats();
    expect(stats).toMatchObject({ articles: 1, records: 4, entities: 1, runs: 1 });
    expect(stats.byMetric[0]).toEqual({ metric: "backlog", count: 2 });
    await store.close();
  });

  it("changes nothing when the same article is stored twice", async () => {
    const store = await fresh();
    const { row, result } = article(ORCHARD_TEXT, orchardRecords());
    await store.saveExtraction(row, result, "1.0.0");
    const again = await store.saveExtraction(
      { ...row, fetchedAt: "2026-02-02T00:00:00.000Z" },
      result,
      "1.0.0",
    );
    expect(again).toEqual({
      articleId: row.articleId,
      changed: false,
      added: 0,
      removed: 0,
      updated: 0,
    });
    expect(await store.listRuns(row.articleId)).toHaveLength(1);
    expect((await store.getArticle(row.articleId))?.fetchedAt).toBe("2026-01-02T03:04:05.000Z");
    expect((await store.stats()).records).toBe(4);
    await store.close();
  });

  it("replaces an article's records for a new extractor version and keeps the history", async () => {
    const store = await fresh();
    const { row, result } = article(ORCHARD_TEXT, orchardRecords());
    await store.saveExtraction(row, result, "1.0.0");
    const [backlog, pct, revenue] = orchardRecords();
    if (!backlog || !pct || !revenue) throw new Error("fixture");
    const changed = { ...revenue, metric: "guidance" as const };
    const added = record(ORCHARD_TEXT, {
      text: "2025",
      kind: "count",
      amount: 2025,
      unit: "year",
      metric: "other",
    });
    const next = article(ORCHARD_TEXT, [backlog, pct, changed, added]);
    const out = await store.saveExtraction(next.row, next.result, "1.1.0");
    expect(out).toMatchObject({ changed: true, added: 1, removed: 1, updated: 1 });
    const ids = (await store.getRecords(row.articleId)).map((r) => r.id).sort();
    expect(ids).toEqual([backlog.id, pct.id, changed.id, added.id].sort());
    expect((await store.queryRecords({ metric: "guidance" })).map((r) => r.record.id)).toEqual([
      changed.id,
    ]);
    const runs = await store.listRuns(row.articleId);
    expect(
      runs.map((r) => [
        r.action,
        r.extractorVersion,
        r.previousVersion,
        r.added,
        r.removed,
        r.updated,
      ]),
    ).toEqual([
      ["insert", "1.0.0", null, 4, 0, 0],
      ["replace", "1.1.0", "1.0.0", 1, 1, 1],
    ]);
    await store.close();
  });

  it("keeps the stored page on a re-extraction and writes a changed or dropped one", async () => {
    const store = await fresh();
    const page = (n: number) => Buffer.from(`<html><body><p>${ORCHARD_TEXT}</p>${n}</body></html>`);
    const save = async (raw: Buffer | null, version: string, etag: string) => {
      const { row, result } = article(ORCHARD_TEXT, orchardRecords(), {
        raw,
        contentType: raw ? "text/html" : "text/plain",
        etag,
      });
      expect((await store.saveExtraction(row, result, version)).changed).toBe(true);
      return store.getArticle(row.articleId);
    };
    expect((await save(page(1), "1.0.0", '"a"'))?.raw?.equals(page(1))).toBe(true);
    // Same page, new extractor: the page is kept, every other column is written.
    const same = await save(page(1), "1.1.0", '"b"');
    expect(same?.raw?.equals(page(1))).toBe(true);
    expect(same).toMatchObject({ etag: '"b"', extractorVersion: "1.1.0" });
    expect((await save(page(2), "1.2.0", '"c"'))?.raw?.equals(page(2))).toBe(true);
    expect((await save(null, "1.3.0", '"d"'))?.raw).toBeNull();
    expect((await save(page(2), "1.4.0", '"e"'))?.raw?.equals(page(2))).toBe(true);
    await store.close();
  });

  it("rolls a failed save back whole", async () => {
    const store = await fresh();
    const { row, result } = article(ORCHARD_TEXT, orchardRecords());
    await store.saveExtraction(row, result, "1.0.0");
    const [first] = orchardRecords();
    if (!first) throw new Error("fixture");
    // Two records with one id: the second insert fails after the first delete has run.
    const broken = article(ORCHARD_TEXT, [first, { ...first, metric: "revenue" }]);
    await expect(store.saveExtraction(broken.row, broken.result, "2.0.0")).rejects.toThrow();
    expect(await store.getRecords(row.articleId)).toEqual(orchardRecords());
    expect((await store.getArticle(row.articleId))?.extractorVersion).toBe("1.0.0");
    expect(await store.listRuns()).toHaveLength(1);
    await store.close();
  });

  it("refuses an extraction of another article", async () => {
    const store = await fresh();
    const a = article(ORCHARD_TEXT, orchardRecords());
    const b = article(KESTREL_TEXT, kestrelRecords());
    const err = await store.saveExtraction(a.row, b.result, "1.0.0").catch((e: unknown) => e);
    expect(isNewsfiguresError(err) && err.code).toBe("NF_STORE_ID_MISMATCH");
    await store.close();
  });

  it("answers queries by entity (prefix, then contains), metric, kind, currency, amount, period, dates, article", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords(), {
      publishedAt: "2025-11-03T09:00:00Z",
      source: "feeds/orchard",
    });
    const k = article(KESTREL_TEXT, kestrelRecords(), {
      publishedAt: "2025-07-20T12:00:00Z",
      source: "feeds/kestrel",
    });
    await store.saveExtraction(o.row, o.result, "1.0.0");
    await store.saveExtraction(k.row, k.result, "1.0.0");
    const texts = async (q: Parameters<Store["queryRecords"]>[0]) =>
      (await store.queryRecords(q)).map((r) => r.record.text);
    expect(await texts({ entity: "orchard", metric: "backlog" })).toEqual(["$2.4 billion", "31%"]);
    expect(await texts({ entity: "ORCHARD ROBOTICS", metric: "backlog", kind: "money" })).toEqual([
      "$2.4 billion",
    ]);
    expect(await texts({ entity: "bank", metric: "backlog" })).toEqual(["$310 million"]);
    expect(await texts({ entity: "nobody" })).toEqual([]);
    expect(await texts({ metric: "backlog", kind: "money" })).toEqual([
      "$2.4 billion",
      "$310 million",
    ]);
    expect(await texts({ currency: "eur" })).toEqual(["€1.1 billion"]);
    expect(await texts({ kind: "money", min: 5e8, max: 2e9 })).toEqual([
      "$900 million",
      "€1.1 billion",
    ]);
    expect(await texts({ period: { year: 2025, quarter: 3 } })).toEqual(["$2.4 billion"]);
    expect(await texts({ period: { fiscal: true } })).toEqual(["$900 million"]);
    expect(await texts({ period: { text: "First Half" } })).toEqual(["€1.1 billion"]);
    expect(await texts({ since: "2025-08-01", kind: "money" })).toEqual([
      "$2.4 billion",
      "$900 million",
    ]);
    expect(await texts({ until: "2025-07-20", kind: "money" })).toEqual([
      "€1.1 billion",
      "$310 million",
    ]);
    expect(await texts({ articleId: k.row.articleId, limit: 1 })).toEqual(["€1.1 billion"]);
    const [hit] = await store.queryRecords({ entity: "kestrel", metric: "net_income" });
    expect(hit).toMatchObject({
      articleId: k.row.articleId,
      source: "feeds/kestrel",
      publishedAt: "2025-07-20T12:00:00Z",
      title: "Kestrel Bank cuts costs",
    });
    await store.close();
  });

  it("exports every record in pages and lists articles by source and date", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords(), {
      source: "feeds/orchard",
      fetchedAt: "2026-03-01T00:00:00.000Z",
    });
    const k = article(KESTREL_TEXT, kestrelRecords(), { source: "files/kestrel.txt" });
    await store.saveExtraction(o.row, o.result, "1.0.0");
    await store.saveExtraction(k.row, k.result, "1.0.0");
    const exported = await collect(store.exportRecords(2));
    expect(exported.map((r) => r.record.id)).toEqual(
      [...orchardRecords(), ...kestrelRecords()].map((r) => r.id).sort(),
    );
    expect(
      (await collect(store.listArticles({ source: "feeds/" }, 1))).map((a) => a.source),
    ).toEqual(["feeds/orchard"]);
    expect(
      (await collect(store.listArticles({ since: "2026-02-01" }))).map((a) => a.source),
    ).toEqual(["feeds/orchard"]);
    expect(await collect(store.listArticles({}, 1))).toHaveLength(2);
    await store.close();
  });

  it("exports only what a filter keeps, and what was stored since a time", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords());
    await store.saveExtraction(o.row, o.result, "1.0.0");
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const k = article(KESTREL_TEXT, kestrelRecords());
    await store.saveExtraction(k.row, k.result, "1.0.0");
    const texts = async (filter: Parameters<Store["exportRecords"]>[1]) =>
      (await collect(store.exportRecords(1, filter))).map((r) => r.record.text).sort();
    expect(await texts({ metric: "backlog" })).toEqual(["$2.4 billion", "$310 million", "31%"]);
    expect(await texts({ entity: "bank", metric: "backlog" })).toEqual(["$310 million"]);
    expect(await texts({ storedSince: between })).toEqual(
      kestrelRecords()
        .map((r) => r.text)
        .sort(),
    );
    expect(await texts({ storedSince: "2999-01-01" })).toEqual([]);
    // Re-extracting an article makes its records new again.
    await store.saveExtraction(o.row, o.result, "1.1.0");
    expect((await texts({ storedSince: between })).length).toBe(
      orchardRecords().length + kestrelRecords().length,
    );
    await store.close();
  });

  it("keeps fetch state per URL", async () => {
    const store = await fresh();
    expect(await store.getFetchState("https://example.test/x")).toBeNull();
    await store.putFetchState({
      url: "https://example.test/x",
      etag: '"a"',
      lastModified: null,
      articleId: null,
      fetchedAt: "2026-01-01T00:00:00Z",
    });
    await store.putFetchState({
      url: "https://example.test/x",
      etag: '"b"',
      lastModified: "Wed, 21 Oct 2025 07:28:00 GMT",
      articleId: "sha256:00",
      fetchedAt: "2026-01-02T00:00:00Z",
    });
    expect(await store.getFetchState("https://example.test/x")).toEqual({
      url: "https://example.test/x",
      etag: '"b"',
      lastModified: "Wed, 21 Oct 2025 07:28:00 GMT",
      articleId: "sha256:00",
      fetchedAt: "2026-01-02T00:00:00Z",
    });
    await store.close();
  });

  it("saves a group in one transaction: each article as alone, fetch states with them", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords());
    const k = article(KESTREL_TEXT, kestrelRecords());
    await store.saveExtraction(o.row, o.result, "1.0.0");
    const [backlog] = orchardRecords();
    if (!backlog) throw new Error("fixture");
    const smaller = article(ORCHARD_TEXT, [backlog]);
    const state = (url: string, articleId: string) => ({
      url,
      etag: `"${url.length}"`,
      lastModified: null,
      articleId,
      fetchedAt: "2026-01-03T00:00:00.000Z",
    });
    const out = await store.saveExtractions(
      [
        // unchanged, then a new article, then the first one again with fewer records
        {
          article: o.row,
          result: o.result,
          fetchState: state("https://example.test/o", o.row.articleId),
        },
        {
          article: k.row,
          result: k.result,
          fetchState: state("https://example.test/kk", k.row.articleId),
        },
        { article: smaller.row, result: smaller.result },
      ],
      "1.0.0",
    );
    expect(out).toEqual([
      { articleId: o.row.articleId, changed: false, added: 0, removed: 0, updated: 0 },
      { articleId: k.row.articleId, changed: true, added: 2, removed: 0, updated: 0 },
      { articleId: o.row.articleId, changed: true, added: 0, removed: 3, updated: 0 },
    ]);
    expect((await store.getRecords(o.row.articleId)).map((r) => r.id)).toEqual([backlog.id]);
    expect(await store.getRecords(k.row.articleId)).toEqual(kestrelRecords());
    expect((await store.listRuns()).map((r) => r.action)).toEqual(["insert", "insert", "replace"]);
    const states = await store.getFetchStates([
      "https://example.test/o",
      "https://example.test/kk",
      "https://example.test/never",
    ]);
    expect([...states.keys()].sort()).toEqual([
      "https://example.test/kk",
      "https://example.test/o",
    ]);
    expect(states.get("https://example.test/kk")).toEqual(
      state("https://example.test/kk", k.row.articleId),
    );
    await store.close();
  });

  it("rolls a failed group back whole, fetch states too", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords());
    const [first] = kestrelRecords();
    if (!first) throw new Error("fixture");
    const broken = article(KESTREL_TEXT, [first, { ...first, metric: "revenue" }]);
    const fetchState = {
      url: "https://example.test/o",
      etag: '"1"',
      lastModified: null,
      articleId: o.row.articleId,
      fetchedAt: "2026-01-03T00:00:00.000Z",
    };
    await expect(
      store.saveExtractions(
        [
          { article: o.row, result: o.result, fetchState },
          { article: broken.row, result: broken.result },
        ],
        "1.0.0",
      ),
    ).rejects.toThrow();
    expect(await store.stats()).toMatchObject({ articles: 0, records: 0, runs: 0 });
    expect(await store.getFetchState("https://example.test/o")).toBeNull();
    await store.close();
  });

  it("tells which of many URLs are stored, in one call", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords(), {
      url: "https://example.test/a?x=1",
      canonicalUrl: "https://example.test/a",
    });
    await store.saveExtraction(o.row, o.result, "1.0.0");
    const asked = Array.from({ length: 700 }, (_, i) => `https://example.test/n${i}`);
    asked.splice(350, 0, "https://example.test/a", "https://example.test/a?x=1");
    expect([...(await store.knownUrls(asked))].sort()).toEqual([
      "https://example.test/a",
      "https://example.test/a?x=1",
    ]);
    expect((await store.knownUrls([])).size).toBe(0);
    await store.close();
  });

  it("tells which of many URLs were published since a time, or fetched since when undated", async () => {
    const store = await fresh();
    const dated = article(ORCHARD_TEXT, orchardRecords(), {
      url: "https://example.test/dated?x=1",
      canonicalUrl: "https://example.test/dated",
      publishedAt: "2025-11-03T09:00:00Z",
      fetchedAt: "2026-01-02T03:04:05.000Z",
    });
    const undated = article(KESTREL_TEXT, kestrelRecords(), {
      url: "https://example.test/undated",
      fetchedAt: "2026-01-02T03:04:05.000Z",
    });
    await store.saveExtraction(dated.row, dated.result, "1.0.0");
    await store.saveExtraction(undated.row, undated.result, "1.0.0");
    const asked = Array.from({ length: 700 }, (_, i) => `https://example.test/n${i}`);
    asked.splice(
      600,
      0,
      "https://example.test/dated",
      "https://example.test/dated?x=1",
      "https://example.test/undated",
    );
    const recent = async (since: string) => [...(await store.recentUrls(asked, since))].sort();
    expect(await recent("2025-11-01")).toEqual([
      "https://example.test/dated",
      "https://example.test/dated?x=1",
      "https://example.test/undated",
    ]);
    // Published before the bound though fetched after it: not recent.
    expect(await recent("2025-12-01")).toEqual(["https://example.test/undated"]);
    expect(await recent("2026-02-01")).toEqual([]);
    expect((await store.recentUrls([], "2025-01-01")).size).toBe(0);
    await store.close();
  });

  it("keeps one article per URL: a new revision replaces the records, the old ones become history", async () => {
    const store = await fresh();
    const url = "https://news.example.test/larch/results?utm_source=rss";
    const bodies = ["1.5", "2.5", "3.5"].map(
      (n) => `Larch Mills results\nLarch Mills said revenue was $${n} billion in 2025.\n`,
    );
    const saved = [];
    for (const [i, body] of bodies.entries()) {
      const { row, result } = article(
        body,
        [
          record(body, {
            text: `$${["1.5", "2.5", "3.5"][i]} billion`,
            kind: "money",
            amount: [1.5e9, 2.5e9, 3.5e9][i] as number,
            currency: "USD",
            metric: "revenue",
            entity: "Larch Mills",
            period: { text: "2025", year: 2025 },
          }),
        ],
        { url, canonicalUrl: url, fetchedAt: `2026-01-0${i + 1}T00:00:00.000Z` },
      );
      saved.push(await store.saveExtraction(row, result, "1.0.0"));
    }
    expect(saved.map((o) => [o.changed, o.added, o.removed, o.updated])).toEqual([
      [true, 1, 0, 0],
      [true, 0, 0, 1],
      [true, 0, 0, 1],
    ]);
    expect(await store.stats()).toMatchObject({ articles: 1, records: 1 });
    const records = await store.queryRecords({ entity: "Larch Mills" });
    expect(records.map((r) => r.record.value.amount)).toEqual([3.5e9]);
    // History by URL (any spelling of it) or by the current article's id.
    const history = await store.listRevisions("https://news.example.test/larch/results");
    expect(await store.listRevisions(saved[2]?.articleId as string)).toEqual(history);
    expect(history.map((h) => [h.articleId, h.replacedBy])).toEqual([
      [saved[0]?.articleId, saved[1]?.articleId],
      [saved[1]?.articleId, saved[2]?.articleId],
    ]);
    expect(history.map((h) => h.records.map((r) => r.value.amount))).toEqual([[1.5e9], [2.5e9]]);
    expect(history[0]).toMatchObject({
      fetchedAt: "2026-01-01T00:00:00.000Z",
      added: 0,
      removed: 0,
      updated: 1,
    });
    expect(history[1]?.changes.changed).toEqual([
      expect.objectContaining({
        text: "$3.5 billion",
        fields: expect.arrayContaining([{ path: "value.amount", before: 2.5e9, after: 3.5e9 }]),
      }),
    ]);
    await store.close();
  });

  it("never lets an older text of a URL replace a newer one", async () => {
    const store = await fresh();
    const url = "https://news.example.test/larch/late";
    const older = article(ORCHARD_TEXT, orchardRecords(), {
      url,
      fetchedAt: "2026-01-01T00:00:00.000Z",
    });
    const newer = article(KESTREL_TEXT, kestrelRecords(), {
      url,
      fetchedAt: "2026-01-05T00:00:00.000Z",
    });
    await store.saveExtraction(newer.row, newer.result, "1.0.0");
    await store.saveExtraction(older.row, older.result, "1.0.0");
    expect(await store.getArticle(newer.row.articleId)).not.toBeNull();
    expect(await store.listRevisions(url)).toEqual([]);
    await store.close();
  });

  it("keeps body-hash identity for text without a URL", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords());
    const k = article(KESTREL_TEXT, kestrelRecords());
    await store.saveExtraction(o.row, o.result, "1.0.0");
    await store.saveExtraction(k.row, k.result, "1.0.0");
    expect(await store.stats()).toMatchObject({ articles: 2, records: 6 });
    expect(await store.listRevisions(o.row.articleId)).toEqual([]);
    await store.close();
  });

  it("pages every sort order over the whole result: each row once, undated last, ties broken", async () => {
    const store = await fresh();
    await store.bulkInsert(generatedItems(60), "1.0.0");
    const everything = await store.queryRecords({ limit: 10_000 });
    expect(everything).toHaveLength(60 * PER_ARTICLE);
    expect(everything.some((r) => r.publishedAt === null)).toBe(true);
    for (const sort of ["newest", "oldest", "largest", "smallest"] as const)
      for (const filter of [{}, { metric: "backlog" }, { entity: "Quillfield" }]) {
        const got: typeof everything = [];
        let after = null;
        let pages = 0;
        do {
          const page = await store.pageRecords(filter, sort, after, 23);
          expect(page.items.length, `${sort} page ${pages}`).toBeLessThanOrEqual(23);
          got.push(...page.items);
          after = page.next;
          pages++;
        } while (after !== null && pages < 1000);
        const kept = everything.filter(
          (r) =>
            (!("metric" in filter) || r.record.metric === filter.metric) &&
            (!("entity" in filter) || r.record.entity?.name.startsWith("Quillfield")),
        );
        expect(
          got.map((r) => r.record.id),
          `${sort} ${JSON.stringify(filter)}`,
        ).toEqual(expectedOrder(kept, sort).map((r) => r.record.id));
        expect(pages).toBe(Math.max(1, Math.ceil(kept.length / 23)));
      }
    // The first page newest-first is what queryRecords gives.
    const first = await store.pageRecords({}, "newest", null, 50);
    expect(first.items).toEqual(everything.slice(0, 50));
    await store.close();
  });

  it("reads when articles were stored, many at once, leaving unknown ids out", async () => {
    const store = await fresh();
    const items = generatedItems(3);
    await store.bulkInsert(items, "1.0.0");
    const ids = items.map((i) => i.article.articleId);
    const dates = await store.storedDates([...ids, ids[0] as string, `sha256:${"f".repeat(64)}`]);
    expect(dates).toEqual(new Map(items.map((i) => [i.article.articleId, i.article.fetchedAt])));
    expect(await store.storedDates([])).toEqual(new Map());
    await store.close();
  });

  it("bulk-inserts without duplicating what is already there", async () => {
    const store = await fresh();
    const o = article(ORCHARD_TEXT, orchardRecords());
    const k = article(KESTREL_TEXT, kestrelRecords());
    await store.saveExtraction(o.row, o.result, "1.0.0");
    await store.bulkInsert(
      [o, k].map(({ row, result }) => ({ article: row, result })),
      "1.0.0",
    );
    expect(await store.stats()).toMatchObject({ articles: 2, records: 6, entities: 2 });
    await store.close();
  });
});

describe("opening stores", () => {
  it("never puts the PostgreSQL password in an error", async () => {
    const err = await openStore("postgres://writer:s3cret-pw@127.0.0.1:1/none").catch(
      (e: unknown) => e,
    );
    expect(isNewsfiguresError(err)).toBe(true);
    expect(String((err as Error).message)).not.toContain("s3cret-pw");
    expect(JSON.stringify((err as { toJSON(): unknown }).toJSON())).not.toContain("s3cret-pw");
  });

  it("rejects an unknown scheme with the fix", async () => {
    const err = await openStore("mysql://u:pw@h/db").catch((e: unknown) => e);
    expect(isNewsfiguresError(err) && err.code).toBe("NF_STORE_UNSUPPORTED");
    expect(String((err as Error).message)).not.toContain(":pw@");
  });
});
