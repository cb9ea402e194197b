/**
 * The store's logic, written once over `SqlDriver`: SQLite and PostgreSQL differ only in
 * their drivers and migrations, so one conformance suite holds both to one behaviour.
 */
import { NewsfiguresError } from "../errors.js";
import { canonicalUrl } from "../model/canonical-url.js";
import { ArticleResult, MetricRecord } from "../model/index.js";
import { diffRecords, type RecordDiff, revisionDiff } from "./diff.js";
import type { SqlConn, SqlDriver, SqlValue } from "./driver.js";
import { type EntityMatch, nextPrefix, recordWhere } from "./query-sql.js";
import {
  articleKeyOf,
  compressRaw,
  decompressRaw,
  foldName,
  RECORD_COLUMNS,
  recordValues,
  resultHash,
  sha256,
} from "./rows.js";
import type {
  ArticleFilter,
  ArticleRevision,
  ArticleRow,
  BulkItem,
  EntityCount,
  ExtractionRun,
  FetchState,
  RecordQuery,
  RecordStore,
  SaveItem,
  SaveOutcome,
  StoredArticle,
  StoredRecord,
  StoreStats,
} from "./types.js";

const ARTICLE_COLUMNS = [
  "article_id",
  "source",
  "url",
  "canonical_url",
  "title",
  "published_at",
  "publisher",
  "authors",
  "fetched_at",
  "etag",
  "last_modified",
  "content_hash",
  "raw",
  "raw_encoding",
  "content_type",
  "body",
  "extractor_version",
  "result_hash",
  "updated_at",
  "article_key",
] as const;
/** The columns written when the stored page is kept (same page, so it is not compressed again). */
const ARTICLE_COLUMNS_KEEPING_RAW = ARTICLE_COLUMNS.filter(
  (c) => c !== "raw" && c !== "raw_encoding",
);
const ENTITY_COLUMNS = ["article_id", "name", "name_lc", "type", "mentions"] as const;
const RUN_COLUMNS = [
  "article_id",
  "extractor_version",
  "previous_version",
  "ran_at",
  "action",
  "records",
  "added",
  "removed",
  "updated",
] as const;
const FETCH_STATE_COLUMNS = ["url", "etag", "last_modified", "article_id", "fetched_at"] as const;
const REVISION_COLUMNS = [
  "article_key",
  "article_id",
  "replaced_by",
  "title",
  "fetched_at",
  "replaced_at",
  "body",
  "records_json",
  "changes_json",
  "added",
  "removed",
  "updated",
] as const;
/** Ids per `IN (…)` list: long enough for a save group, short enough for any planner. */
const MAX_IN = 500;
/** SQLite allows 32,766 parameters per statement and PostgreSQL 65,535: stay well under. */
const MAX_PARAMS = 30_000;
const DEFAULT_QUERY_LIMIT = 100;
/** Bulk rows skip hashing (the costliest step); a later save of such an article always replaces it. */
const BULK_HASH = "bulk";

export class SqlStore implements RecordStore {
  constructor(private readonly db: SqlDriver) {}

  get location(): string {
    return this.db.location;
  }
  get dialect(): "sqlite" | "postgres" {
    return this.db.dialect;
  }

  async migrate(): Promise<void> {
    await this.db.transaction(async (c) => {
      await this.db.prepareMigration(c);
      await c.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      );
      const done = new Set(
        (await c.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) =>
          Number(r.version),
        ),
      );
      for (const m of this.db.migrations) {
        if (done.has(m.version)) continue;
        await c.exec(m.sql);
        await c.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  async saveExtraction(
    article: ArticleRow,
    result: ArticleResult,
    extractorVersion: string,
  ): Promise<SaveOutcome> {
    const [out] = await this.saveExtractions([{ article, result }], extractorVersion);
    return out as SaveOutcome;
  }

  async saveExtractions(
    items: readonly SaveItem[],
    extractorVersion: string,
  ): Promise<SaveOutcome[]> {
    // Records are validated before they are stored: a bad one is a bug upstream, not data.
    const checked = items.map((item) => checkItem(item));
    if (checked.length === 0) return [];
    return this.db.transaction(async (c) => {
      // Every lock first, in one sorted pass: two writers of overlapping groups then queue
      // behind each other instead of deadlocking. Keys too: two revisions of one URL saved
      // at once must not both survive.
      await this.db.lockArticles(
        c,
        [...new Set(checked.flatMap((x) => [x.result.articleId, `key:${x.key}`]))].sort(),
      );
      const outcomes: SaveOutcome[] = [];
      // An article (or URL) twice in one call: later saves see the earlier ones, as if made
      // one after another, so the group is cut wherever a key repeats.
      for (const group of uniqueRuns(checked)) {
        outcomes.push(...(await saveGroup(c, this.db, group, extractorVersion)));
      }
      return outcomes;
    });
  }

  async getFetchState(url: string): Promise<FetchState | null> {
    return (await this.getFetchStates([url])).get(url) ?? null;
  }

  async getFetchStates(urls: readonly string[]): Promise<Map<string, FetchState>> {
    const out = new Map<string, FetchState>();
    for (const chunk of chunks([...new Set(urls)], MAX_IN)) {
      const rows = await this.db.all<Record<string, string | null>>(
        `SELECT url, etag, last_modified, article_id, fetched_at FROM fetch_state WHERE url IN (${marks(chunk.length)})`,
        chunk,
      );
      for (const row of rows) out.set(String(row.url), fetchState(row));
    }
    return out;
  }

  async putFetchState(s: FetchState): Promise<void> {
    await upsertFetchStates(this.db, [s]);
  }

  async knownUrls(urls: readonly string[]): Promise<Set<string>> {
    const asked = new Set(urls);
    const known = new Set<string>();
    for (const chunk of chunks([...asked], MAX_IN)) {
      const list = marks(chunk.length);
      const rows = await this.db.all<{ canonical_url: string | null; url: string | null }>(
        `SELECT canonical_url, url FROM articles WHERE canonical_url IN (${list}) OR url IN (${list})`,
        [...chunk, ...chunk],
      );
      for (const r of rows) {
        if (r.canonical_url !== null && asked.has(r.canonical_url)) known.add(r.canonical_url);
        if (r.url !== null && asked.has(r.url)) known.add(r.url);
      }
    }
    return known;
  }

  async recentUrls(urls: readonly string[], since: string): Promise<Set<string>> {
    const asked = new Set(urls);
    const recent = new Set<string>();
    for (const chunk of chunks([...asked], MAX_IN)) {
      const list = marks(chunk.length);
      const rows = await this.db.all<{ canonical_url: string | null; url: string | null }>(
        `SELECT canonical_url, url FROM articles WHERE (canonical_url IN (${list}) OR url IN (${list})) AND COALESCE(published_at, fetched_at) >= ?`,
        [...chunk, ...chunk, since],
      );
      for (const r of rows) {
        if (r.canonical_url !== null && asked.has(r.canonical_url)) recent.add(r.canonical_url);
        if (r.url !== null && asked.has(r.url)) recent.add(r.url);
      }
    }
    return recent;
  }

  async listRevisions(urlOrArticleId: string): Promise<ArticleRevision[]> {
    const keys = new Set<string>();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(urlOrArticleId)) {
      keys.add(urlOrArticleId);
      keys.add(canonicalUrl(urlOrArticleId));
    } else {
      const rows = await this.db.all<{ article_key: string }>(
        "SELECT article_key FROM articles WHERE article_id = ? UNION SELECT article_key FROM article_revisions WHERE article_id = ?",
        [urlOrArticleId, urlOrArticleId],
      );
      for (const r of rows) if (r.article_key !== null) keys.add(r.article_key);
    }
    if (keys.size === 0) return [];
    const rows = await this.db.all<Record<string, string | number | null>>(
      `SELECT * FROM article_revisions WHERE article_key IN (${marks(keys.size)}) ORDER BY id`,
      [...keys],
    );
    return rows.map((r) => ({
      articleKey: String(r.article_key),
      articleId: String(r.article_id),
      replacedBy: String(r.replaced_by),
      title: r.title === null ? null : String(r.title),
      fetchedAt: String(r.fetched_at),
      replacedAt: String(r.replaced_at),
      body: String(r.body),
      records: (JSON.parse(String(r.records_json)) as unknown[]).map((x) => MetricRecord.parse(x)),
      added: Number(r.added),
      removed: Number(r.removed),
      updated: Number(r.updated),
      changes: JSON.parse(String(r.changes_json)),
    }));
  }

  async queryRecords(q: RecordQuery): Promise<StoredRecord[]> {
    const where = recordWhere(q, await this.entityMatch(q.entity), this.db.dialect);
    const limit = Math.max(1, Math.min(q.limit ?? DEFAULT_QUERY_LIMIT, 1_000_000));
    const rows = await this.db.all<RecordJoinRow>(
      `${selectRecords(this.db)} ${where.sql} ORDER BY r.published_at DESC, r.article_id, r.span_start, r.id LIMIT ${limit}`,
      where.params,
    );
    return rows.map((row) => storedRecord(row, true));
  }

  /**
   * "Technologies" finds "Dell Technologies" too, but only when no name starts with it:
   * a contains match cannot use the index, so it is the fallback, decided on names alone
   * (an index probe) so that a known entity without the asked metric stays fast.
   */
  private async entityMatch(entity: string | undefined): Promise<EntityMatch> {
    if (entity === undefined || entity.trim() === "") return "prefix";
    const where = recordWhere({ entity }, "prefix", this.db.dialect);
    const hit = await this.db.all(
      `SELECT 1 AS hit FROM records r ${where.sql} LIMIT 1`,
      where.params,
    );
    return hit.length > 0 ? "prefix" : "contains";
  }

  async *exportRecords(pageSize = 1000, filter: RecordQuery = {}): AsyncIterable<StoredRecord> {
    const where = recordWhere(filter, await this.entityMatch(filter.entity), this.db.dialect);
    const cond = where.sql === "" ? "WHERE r.id > ?" : `${where.sql} AND r.id > ?`;
    let after = "";
    for (;;) {
      const rows = await this.db.all<RecordJoinRow>(
        `${selectRecords(this.db)} ${cond} ORDER BY r.id LIMIT ${pageSize}`,
        [...where.params, after],
      );
      // Validated when stored; a bulk read skips the schema to keep export at disk speed.
      for (const row of rows) yield storedRecord(row, false);
      if (rows.length < pageSize) return;
      after = String(rows[rows.length - 1]?.id);
    }
  }

  async *listArticles(filter: ArticleFilter = {}, pageSize = 100): AsyncIterable<StoredArticle> {
    let after = "";
    const parts: string[] = ["article_id > ?"];
    const params: SqlValue[] = [];
    if (filter.since !== undefined) {
      parts.push("fetched_at >= ?");
      params.push(filter.since);
    }
    if (filter.source !== undefined) {
      parts.push("(source = ? OR substr(source, 1, ?) = ?)");
      params.push(filter.source, filter.source.length, filter.source);
    }
    for (;;) {
      const rows = await this.db.all<ArticleDbRow>(
        `SELECT * FROM articles WHERE ${parts.join(" AND ")} ORDER BY article_id LIMIT ${pageSize}`,
        [after, ...params],
      );
      for (const row of rows) yield storedArticle(row);
      if (rows.length < pageSize) return;
      after = String(rows[rows.length - 1]?.article_id);
    }
  }

  async getArticle(articleId: string): Promise<StoredArticle | null> {
    const row = (
      await this.db.all<ArticleDbRow>("SELECT * FROM articles WHERE article_id = ?", [articleId])
    )[0];
    return row ? storedArticle(row) : null;
  }

  async getRecords(articleId: string): Promise<MetricRecord[]> {
    return (await readRecordsOf(this.db, this.db, [articleId])).get(articleId) ?? [];
  }

  async listRuns(articleId?: string, latest?: number): Promise<ExtractionRun[]> {
    const order =
      latest === undefined
        ? "ORDER BY id"
        : `ORDER BY id DESC LIMIT ${Math.max(1, Math.floor(latest))}`;
    const rows = await this.db.all<Record<string, string | number | null>>(
      `SELECT * FROM extraction_runs ${articleId === undefined ? "" : "WHERE article_id = ?"} ${order}`,
      articleId === undefined ? [] : [articleId],
    );
    return rows.map((r) => ({
      articleId: String(r.article_id),
      extractorVersion: String(r.extractor_version),
      previousVersion: r.previous_version === null ? null : String(r.previous_version),
      ranAt: String(r.ran_at),
      action: r.action === "replace" ? "replace" : "insert",
      records: Number(r.records),
      added: Number(r.added),
      removed: Number(r.removed),
      updated: Number(r.updated),
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = async (table: string) =>
      Number((await this.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n ?? 0);
    const byMetric = await this.db.all<{ metric: string; n: number }>(
      "SELECT metric, COUNT(*) AS n FROM records GROUP BY metric ORDER BY n DESC, metric",
    );
    const top = await this.db.all<{ name: string; n: number }>(
      "SELECT entity_name AS name, COUNT(*) AS n FROM records WHERE entity_name IS NOT NULL GROUP BY entity_name ORDER BY n DESC, entity_name LIMIT 10",
    );
    return {
      articles: await count("articles"),
      records: await count("records"),
      entities: await count("entities"),
      runs: await count("extraction_runs"),
      byMetric: byMetric.map((r) => ({ metric: r.metric, count: Number(r.n) })),
      topEntities: top.map((r) => ({ name: r.name, count: Number(r.n) })),
    };
  }

  async entityCounts(prefix: string, limit = 20): Promise<EntityCount[]> {
    const folded = foldName(prefix.trim());
    if (folded === "") return [];
    const rows = await this.db.all<{ name: string; metric: string; n: number }>(
      "SELECT entity_name AS name, metric, COUNT(*) AS n FROM records WHERE entity_lc >= ? AND entity_lc < ? GROUP BY entity_name, metric",
      [folded, nextPrefix(folded)],
    );
    const byName = new Map<string, EntityCount>();
    for (const r of rows) {
      const e = byName.get(r.name) ?? { name: r.name, count: 0, byMetric: [] };
      e.count += Number(r.n);
      e.byMetric.push({ metric: r.metric, count: Number(r.n) });
      byName.set(r.name, e);
    }
    const list = [...byName.values()].sort(
      (a, b) => b.count - a.count || a.name.localeCompare(b.name),
    );
    for (const e of list)
      e.byMetric.sort((a, b) => b.count - a.count || a.metric.localeCompare(b.metric));
    return list.slice(0, Math.max(1, limit));
  }

  async bulkInsert(items: BulkItem[], extractorVersion: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction(async (c) => {
      await insertRows(
        c,
        "articles",
        ARTICLE_COLUMNS,
        items.map((i) => articleValues(i.article, i.result, extractorVersion, BULK_HASH, now)),
        "ON CONFLICT DO NOTHING",
      );
      await insertRows(
        c,
        "records",
        RECORD_COLUMNS,
        items.flatMap((i) =>
          i.result.metrics.map((r) =>
            recordValues(i.article.articleId, i.result.publishedAt ?? i.article.publishedAt, r),
          ),
        ),
        "ON CONFLICT DO NOTHING",
      );
      await insertRows(
        c,
        "entities",
        ENTITY_COLUMNS,
        items.flatMap((i) => entityRows(i.article.articleId, i.result)),
        "ON CONFLICT DO NOTHING",
      );
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

interface RecordJoinRow {
  id: string;
  article_id: string;
  record_json: string;
  source: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  published_at: string | null;
}

type ArticleDbRow = Record<string, string | Buffer | null>;

function selectRecords(db: SqlDriver): string {
  return `SELECT r.id, r.article_id, ${db.jsonText("r.record_json")} AS record_json, a.source, a.url, a.canonical_url, a.title, a.published_at FROM records r JOIN articles a ON a.article_id = r.article_id`;
}

function storedRecord(row: RecordJoinRow, validate: boolean): StoredRecord {
  const json: unknown = JSON.parse(row.record_json);
  return {
    articleId: row.article_id,
    source: row.source,
    url: row.canonical_url ?? row.url,
    title: row.title,
    publishedAt: row.published_at,
    record: validate ? MetricRecord.parse(json) : (json as MetricRecord),
  };
}

/**
 * An article row in the order of ARTICLE_COLUMNS, or of ARTICLE_COLUMNS_KEEPING_RAW when
 * `keepRaw` (the stored page is the same one: brotli is the costliest part of a save).
 */
function articleValues(
  a: ArticleRow,
  result: ArticleResult,
  version: string,
  hash: string,
  now: string,
  contentHash = sha256(a.raw ?? a.body),
  keepRaw = false,
): SqlValue[] {
  return [
    a.articleId,
    a.source,
    a.url,
    a.canonicalUrl,
    a.title,
    result.publishedAt ?? a.publishedAt,
    a.publisher,
    JSON.stringify(a.authors),
    a.fetchedAt,
    a.etag,
    a.lastModified,
    contentHash,
    ...(keepRaw ? [] : [a.raw ? compressRaw(a.raw) : null, a.raw ? "br" : null]),
    a.contentType,
    a.body,
    version,
    hash,
    now,
    articleKeyOf(a),
  ];
}

function entityRows(articleId: string, result: ArticleResult): SqlValue[][] {
  // The extractor gives each (name, type) once; keep the first should that ever change.
  const seen = new Set<string>();
  return result.entities.flatMap((e) => {
    const key = `${e.name}\u0000${e.type}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [[articleId, e.name, foldName(e.name), e.type, e.mentions]];
  });
}

interface CheckedItem {
  item: SaveItem;
  result: ArticleResult;
  hash: string;
  /** The article this is a revision of (see `articleKeyOf`). */
  key: string;
}

function checkItem(item: SaveItem): CheckedItem {
  const result = ArticleResult.parse(item.result);
  if (result.articleId !== item.article.articleId) {
    throw new NewsfiguresError(
      "NF_STORE_ID_MISMATCH",
      `article ${item.article.articleId} was given the extraction of ${result.articleId}; pass the result of extracting this article's body`,
    );
  }
  if (item.fetchState?.articleId != null && item.fetchState.articleId !== result.articleId) {
    throw new NewsfiguresError(
      "NF_STORE_ID_MISMATCH",
      `the fetch state of ${item.fetchState.url} names article ${item.fetchState.articleId}, not the article saved with it (${result.articleId})`,
    );
  }
  return { item, result, hash: resultHash(result), key: articleKeyOf(item.article) };
}

/** Consecutive runs of items in which no article id and no fetch-state URL repeats. */
function uniqueRuns(items: CheckedItem[]): CheckedItem[][] {
  const runs: CheckedItem[][] = [];
  let run: CheckedItem[] = [];
  let keys = new Set<string>();
  for (const x of items) {
    const own = [
      `a:${x.result.articleId}`,
      `k:${x.key}`,
      ...(x.item.fetchState ? [`u:${x.item.fetchState.url}`] : []),
    ];
    if (own.some((k) => keys.has(k))) {
      runs.push(run);
      run = [];
      keys = new Set();
    }
    run.push(x);
    for (const k of own) keys.add(k);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Save a group of distinct articles inside the caller's transaction (which holds their
 * locks) with a fixed number of statements, whatever the group's size: read what is there,
 * then one statement per table. On PostgreSQL each statement is a round trip, so this is
 * what makes workers fast.
 */
async function saveGroup(
  c: SqlConn,
  db: SqlDriver,
  group: CheckedItem[],
  version: string,
): Promise<SaveOutcome[]> {
  const ids = group.map((x) => x.result.articleId);
  const prev = new Map<string, StoredState>();
  for (const chunk of chunks(ids, MAX_IN)) {
    const rows = await c.all<StoredState>(
      `SELECT article_id, extractor_version, result_hash, content_hash, CASE WHEN raw IS NULL THEN 0 ELSE 1 END AS has_raw FROM articles WHERE article_id IN (${marks(chunk.length)})`,
      chunk,
    );
    for (const r of rows) prev.set(r.article_id, r);
  }
  const isSame = (x: CheckedItem) => {
    const p = prev.get(x.result.articleId);
    return p !== undefined && p.extractor_version === version && p.result_hash === x.hash;
  };
  const changed = group.filter((x) => !isSame(x));
  const replaced = changed.map((x) => x.result.articleId).filter((id) => prev.has(id));
  const now = new Date().toISOString();
  // Other articles of the same key are older revisions: kept as history, then removed.
  const older = await olderRevisions(c, changed);
  const before = await readRecordsOf(c, db, [...replaced, ...older.map((o) => o.article_id)]);
  const diffs = new Map<string, RecordDiff>();
  const revisionOf = new Map<string, string>();
  for (const x of changed) {
    const id = x.result.articleId;
    const mine = older.filter((o) => o.article_key === x.key);
    const latest = mine[mine.length - 1];
    if (!prev.has(id) && latest !== undefined) {
      diffs.set(id, revisionDiff(before.get(latest.article_id) ?? [], x.result.metrics));
      revisionOf.set(id, latest.article_id);
    } else {
      diffs.set(id, diffRecords(before.get(id) ?? [], x.result.metrics));
    }
  }
  await insertRows(
    c,
    "article_revisions",
    REVISION_COLUMNS,
    older.map((o) => {
      const x = changed.find((y) => y.key === o.article_key) as CheckedItem;
      const records = before.get(o.article_id) ?? [];
      const d = revisionDiff(records, x.result.metrics);
      return [
        o.article_key,
        o.article_id,
        x.result.articleId,
        o.title,
        o.fetched_at,
        now,
        o.body,
        JSON.stringify(records),
        JSON.stringify(revisionChanges(d)),
        d.added.length,
        d.removed.length,
        d.changed.length,
      ];
    }),
  );
  for (const chunk of chunks(
    older.map((o) => o.article_id),
    MAX_IN,
  )) {
    const list = marks(chunk.length);
    await c.run(`DELETE FROM records WHERE article_id IN (${list})`, chunk);
    await c.run(`DELETE FROM entities WHERE article_id IN (${list})`, chunk);
    await c.run(`DELETE FROM articles WHERE article_id IN (${list})`, chunk);
  }

  // A page stored already (reprocess saves every article with the page it read) is kept
  // as stored rather than compressed again; only a new or changed page is compressed.
  const fresh: SqlValue[][] = [];
  const keeping: SqlValue[][] = [];
  for (const x of changed) {
    const a = x.item.article;
    const contentHash = sha256(a.raw ?? a.body);
    const p = prev.get(x.result.articleId);
    const keepRaw = a.raw !== null && p?.content_hash === contentHash && Number(p.has_raw) === 1;
    (keepRaw ? keeping : fresh).push(
      articleValues(a, x.result, version, x.hash, now, contentHash, keepRaw),
    );
  }
  await upsertArticles(c, ARTICLE_COLUMNS, fresh);
  await upsertArticles(c, ARTICLE_COLUMNS_KEEPING_RAW, keeping);
  // Replace, not patch: the transaction makes it atomic and published_at may have moved.
  for (const chunk of chunks(replaced, MAX_IN)) {
    await c.run(`DELETE FROM records WHERE article_id IN (${marks(chunk.length)})`, chunk);
    await c.run(`DELETE FROM entities WHERE article_id IN (${marks(chunk.length)})`, chunk);
  }
  await insertRows(
    c,
    "records",
    RECORD_COLUMNS,
    changed.flatMap((x) =>
      x.result.metrics.map((r) =>
        recordValues(x.result.articleId, x.result.publishedAt ?? x.item.article.publishedAt, r),
      ),
    ),
  );
  await insertRows(
    c,
    "entities",
    ENTITY_COLUMNS,
    changed.flatMap((x) => entityRows(x.result.articleId, x.result)),
  );
  await insertRows(
    c,
    "extraction_runs",
    RUN_COLUMNS,
    changed.map((x) => {
      const id = x.result.articleId;
      const d = diffs.get(id) as RecordDiff;
      const p = prev.get(id);
      return [
        id,
        version,
        p?.extractor_version ?? null,
        now,
        p ? "replace" : "insert",
        x.result.metrics.length,
        d.added.length,
        d.removed.length,
        d.changed.length,
      ];
    }),
  );
  await upsertFetchStates(
    c,
    group.flatMap((x) => (x.item.fetchState ? [x.item.fetchState] : [])),
  );
  return group.map((x) => {
    const articleId = x.result.articleId;
    const d = diffs.get(articleId);
    if (d === undefined) return { articleId, changed: false, added: 0, removed: 0, updated: 0 };
    const of = revisionOf.get(articleId);
    return {
      articleId,
      changed: true,
      ...(of !== undefined ? { revisionOf: of } : {}),
      added: d.added.length,
      removed: d.removed.length,
      updated: d.changed.length,
    };
  });
}

/** An article stored under the key of one being saved, with another id: an older revision. */
interface OlderRevision {
  article_id: string;
  article_key: string;
  title: string | null;
  fetched_at: string;
  body: string;
}

/**
 * The stored articles the group's new texts replace, oldest first per key. One fetched
 * later than the text being saved is not replaced by it (reprocess saves old texts too):
 * the two stay side by side, as before revisions were kept.
 */
async function olderRevisions(c: SqlConn, changed: CheckedItem[]): Promise<OlderRevision[]> {
  const ids = new Set(changed.map((x) => x.result.articleId));
  // A group holds each key once (see uniqueRuns).
  const fetchedAt = new Map(changed.map((x) => [x.key, x.item.article.fetchedAt]));
  const out: OlderRevision[] = [];
  for (const chunk of chunks([...new Set(changed.map((x) => x.key))], MAX_IN)) {
    const rows = await c.all<OlderRevision>(
      `SELECT article_id, article_key, title, fetched_at, body FROM articles WHERE article_key IN (${marks(chunk.length)}) ORDER BY article_key, fetched_at, article_id`,
      chunk,
    );
    for (const r of rows)
      if (!ids.has(r.article_id) && r.fetched_at <= (fetchedAt.get(r.article_key) ?? ""))
        out.push(r);
  }
  return out;
}

/** A revision's changes as kept in history: the records' texts and the fields that moved. */
function revisionChanges(d: RecordDiff): ArticleRevision["changes"] {
  return {
    added: d.added.map((r) => r.text),
    removed: d.removed.map((r) => r.text),
    changed: d.changed.map((x) => ({
      text: x.text,
      fields: x.fields,
    })),
  };
}

/** What `saveGroup` reads of an article already stored. */
interface StoredState {
  article_id: string;
  extractor_version: string;
  result_hash: string;
  content_hash: string;
  has_raw: number | string;
}

/** Insert articles, or overwrite these columns of the ones stored. */
async function upsertArticles(
  c: SqlConn,
  columns: readonly string[],
  rows: SqlValue[][],
): Promise<void> {
  const set = columns.filter((x) => x !== "article_id").map((x) => `${x} = excluded.${x}`);
  await insertRows(
    c,
    "articles",
    columns,
    rows,
    `ON CONFLICT (article_id) DO UPDATE SET ${set.join(", ")}`,
  );
}

async function readRecordsOf(
  c: SqlConn,
  db: SqlDriver,
  articleIds: string[],
): Promise<Map<string, MetricRecord[]>> {
  const out = new Map<string, MetricRecord[]>();
  for (const chunk of chunks(articleIds, MAX_IN)) {
    const rows = await c.all<{ article_id: string; record_json: string }>(
      `SELECT article_id, ${db.jsonText("record_json")} AS record_json FROM records WHERE article_id IN (${marks(chunk.length)}) ORDER BY article_id, span_start, id`,
      chunk,
    );
    for (const r of rows) {
      const list = out.get(r.article_id) ?? [];
      list.push(MetricRecord.parse(JSON.parse(r.record_json)));
      out.set(r.article_id, list);
    }
  }
  return out;
}

async function upsertFetchStates(c: SqlConn, states: FetchState[]): Promise<void> {
  await insertRows(
    c,
    "fetch_state",
    FETCH_STATE_COLUMNS,
    states.map((s) => [s.url, s.etag, s.lastModified, s.articleId, s.fetchedAt]),
    "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, article_id = excluded.article_id, fetched_at = excluded.fetched_at",
  );
}

function fetchState(row: Record<string, string | null>): FetchState {
  return {
    url: String(row.url),
    etag: row.etag ?? null,
    lastModified: row.last_modified ?? null,
    articleId: row.article_id ?? null,
    fetchedAt: String(row.fetched_at),
  };
}

function marks(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function insertRows(
  c: SqlConn,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
  onConflict = "",
): Promise<void> {
  // PostgreSQL: few round trips. SQLite has none to save; one cached single-row statement
  // is faster there than building and preparing wide ones.
  const perStatement =
    c.dialect === "sqlite" ? 1 : Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await c.run(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}${onConflict ? ` ${onConflict}` : ""}`,
      chunk.flat(),
    );
  }
}

function storedArticle(row: ArticleDbRow): StoredArticle {
  const s = (k: string) => (row[k] === null || row[k] === undefined ? null : String(row[k]));
  const authors: unknown = typeof row.authors === "string" ? JSON.parse(row.authors) : row.authors;
  const raw = row.raw;
  return {
    articleId: String(row.article_id),
    source: String(row.source),
    url: s("url"),
    canonicalUrl: s("canonical_url"),
    title: s("title"),
    publishedAt: s("published_at"),
    publisher: s("publisher"),
    authors: Array.isArray(authors) ? authors.map(String) : [],
    fetchedAt: String(row.fetched_at),
    etag: s("etag"),
    lastModified: s("last_modified"),
    raw: Buffer.isBuffer(raw) ? decompressRaw(raw, s("raw_encoding")) : null,
    contentType: String(row.content_type),
    body: String(row.body),
    extractorVersion: String(row.extractor_version),
  };
}
