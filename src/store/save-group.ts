/**
 * One group of distinct articles saved inside the caller's transaction (which holds their
 * locks) with a fixed number of statements, whatever the group's size: read what is there,
 * then one statement per table. On PostgreSQL each statement is a round trip, so this is
 * what makes workers fast.
 */
import type { ArticleResult } from "../model/index.js";
import { diffRecords, type RecordDiff, revisionDiff } from "./diff.js";
import type { SqlConn, SqlDriver, SqlValue } from "./driver.js";
import { readRecordsOf } from "./read-records.js";
import { RECORD_COLUMNS, recordValues, sha256 } from "./rows.js";
import { deleteByArticle, insertRows, selectIn } from "./sql.js";
import type { SaveItem, SaveOutcome } from "./types.js";
import { upsertFetchStates } from "./urls.js";
import {
  ARTICLE_COLUMNS,
  ARTICLE_COLUMNS_KEEPING_RAW,
  articleValues,
  ENTITY_COLUMNS,
  entityRows,
  type OlderRevision,
  REVISION_COLUMNS,
  RUN_COLUMNS,
  revisionValues,
  runValues,
} from "./write-rows.js";

/** An item checked for saving, with what the save compares it by. */
export interface CheckedItem {
  item: SaveItem;
  result: ArticleResult;
  hash: string;
  /** The article this is a revision of (see `articleKeyOf`). */
  key: string;
}

/** What `saveGroup` reads of an article already stored. */
interface StoredState {
  article_id: string;
  extractor_version: string;
  result_hash: string;
  content_hash: string;
  has_raw: number | string;
}

/** Save a group in which no article id, key or fetch-state URL repeats; outcomes in order. */
export async function saveGroup(
  c: SqlConn,
  db: SqlDriver,
  group: CheckedItem[],
  version: string,
): Promise<SaveOutcome[]> {
  const prev = await storedStates(
    c,
    group.map((x) => x.result.articleId),
  );
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
      return revisionValues(o, x.result.articleId, now, records, d);
    }),
  );
  await deleteByArticle(
    c,
    ["records", "entities", "articles"],
    older.map((o) => o.article_id),
  );

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
  await deleteByArticle(c, ["records", "entities"], replaced);
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
      const previous = prev.get(id)?.extractor_version;
      return runValues(id, version, previous, now, x.result.metrics.length, d);
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

/** What is stored of these articles, by id; absent ids were never stored. */
async function storedStates(c: SqlConn, ids: string[]): Promise<Map<string, StoredState>> {
  const rows = await selectIn<StoredState>(
    c,
    ids,
    (list) =>
      `SELECT article_id, extractor_version, result_hash, content_hash, CASE WHEN raw IS NULL THEN 0 ELSE 1 END AS has_raw FROM articles WHERE article_id IN (${list})`,
  );
  return new Map(rows.map((r) => [r.article_id, r]));
}

/**
 * The stored articles the group's new texts replace, oldest first per key. One fetched
 * later than the text being saved is not replaced by it (reprocess saves old texts too):
 * the two stay side by side, as before revisions were kept.
 */
async function olderRevisions(c: SqlConn, changed: CheckedItem[]): Promise<OlderRevision[]> {
  const ids = new Set(changed.map((x) => x.result.articleId));
  // A group holds each key once (see uniqueRuns in save.ts).
  const fetchedAt = new Map(changed.map((x) => [x.key, x.item.article.fetchedAt]));
  const rows = await selectIn<OlderRevision>(
    c,
    [...new Set(changed.map((x) => x.key))],
    (list) =>
      `SELECT article_id, article_key, title, fetched_at, body FROM articles WHERE article_key IN (${list}) ORDER BY article_key, fetched_at, article_id`,
  );
  return rows.filter(
    (r) => !ids.has(r.article_id) && r.fetched_at <= (fetchedAt.get(r.article_key) ?? ""),
  );
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
