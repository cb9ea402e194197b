/**
 * The read path for records: `query`'s filters (query-sql.ts builds the WHERE clause, and
 * page-records.ts the ordered pages), export in id-ordered pages so memory stays constant,
 * one article's records, and when articles were stored.
 */
import { MetricRecord } from "../model/index.js";
import type { SqlConn, SqlDriver } from "./driver.js";
import { pageRecords } from "./page-records.js";
import { entityMatch, recordWhere } from "./query-sql.js";
import { type RecordJoinRow, recordJoinColumns, storedRecord } from "./read-rows.js";
import { selectIn } from "./sql.js";
import type { RecordQuery, StoredRecord } from "./types.js";

const DEFAULT_QUERY_LIMIT = 100;

/** The first page of the result, newest first: what `query` prints and the API's first page. */
export async function queryRecords(db: SqlDriver, q: RecordQuery): Promise<StoredRecord[]> {
  return (await pageRecords(db, q, "newest", null, q.limit ?? DEFAULT_QUERY_LIMIT)).items;
}

export async function* exportRecords(
  db: SqlDriver,
  pageSize: number,
  filter: RecordQuery,
): AsyncIterable<StoredRecord> {
  const where = recordWhere(filter, await entityMatch(db, filter.entity), db.dialect);
  const cond = where.sql === "" ? "WHERE r.id > ?" : `${where.sql} AND r.id > ?`;
  let after = "";
  for (;;) {
    const rows = await db.all<RecordJoinRow>(
      `${selectRecords(db)} ${cond} ORDER BY r.id LIMIT ${pageSize}`,
      [...where.params, after],
    );
    // Validated when stored; a bulk read skips the schema to keep export at disk speed.
    for (const row of rows) yield storedRecord(row, false);
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]?.id);
  }
}

/** Records joined with their article's facts, as `RecordJoinRow`; the caller adds WHERE. */
function selectRecords(db: SqlDriver): string {
  return `SELECT ${recordJoinColumns(db)} FROM records r JOIN articles a ON a.article_id = r.article_id`;
}

/**
 * The stored records of these articles, in text order, through `c` (the pool, or a
 * transaction when a save compares old records with new).
 */
export async function readRecordsOf(
  c: SqlConn,
  db: SqlDriver,
  articleIds: string[],
): Promise<Map<string, MetricRecord[]>> {
  const out = new Map<string, MetricRecord[]>();
  const rows = await selectIn<{ article_id: string; record_json: string }>(
    c,
    articleIds,
    (list) =>
      `SELECT article_id, ${db.jsonText("record_json")} AS record_json FROM records WHERE article_id IN (${list}) ORDER BY article_id, span_start, id`,
  );
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push(MetricRecord.parse(JSON.parse(r.record_json)));
    out.set(r.article_id, list);
  }
  return out;
}

/** When each of these articles was stored (fetched), in one query per MAX_IN ids. */
export async function storedDates(
  c: SqlConn,
  articleIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await selectIn<{ article_id: string; fetched_at: string }>(
    c,
    [...new Set(articleIds)],
    (list) => `SELECT article_id, fetched_at FROM articles WHERE article_id IN (${list})`,
  );
  return new Map(rows.map((r) => [r.article_id, String(r.fetched_at)]));
}
