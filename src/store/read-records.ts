/**
 * The read path for records: `query`'s filters (query-sql.ts builds the WHERE clause),
 * export in id-ordered pages so memory stays constant, and one article's records.
 */
import { MetricRecord } from "../model/index.js";
import type { SqlConn, SqlDriver } from "./driver.js";
import { type EntityMatch, recordWhere } from "./query-sql.js";
import { type RecordJoinRow, storedRecord } from "./read-rows.js";
import { chunks, MAX_IN, marks } from "./sql.js";
import type { RecordQuery, StoredRecord } from "./types.js";

const DEFAULT_QUERY_LIMIT = 100;

export async function queryRecords(db: SqlDriver, q: RecordQuery): Promise<StoredRecord[]> {
  const where = recordWhere(q, await entityMatch(db, q.entity), db.dialect);
  const limit = Math.max(1, Math.min(q.limit ?? DEFAULT_QUERY_LIMIT, 1_000_000));
  const rows = await db.all<RecordJoinRow>(
    `${selectRecords(db)} ${where.sql} ORDER BY r.published_at DESC, r.article_id, r.span_start, r.id LIMIT ${limit}`,
    where.params,
  );
  return rows.map((row) => storedRecord(row, true));
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

/**
 * "Technologies" finds "Dell Technologies" too, but only when no name starts with it:
 * a contains match cannot use the index, so it is the fallback, decided on names alone
 * (an index probe) so that a known entity without the asked metric stays fast.
 */
async function entityMatch(db: SqlDriver, entity: string | undefined): Promise<EntityMatch> {
  if (entity === undefined || entity.trim() === "") return "prefix";
  const where = recordWhere({ entity }, "prefix", db.dialect);
  const hit = await db.all(`SELECT 1 AS hit FROM records r ${where.sql} LIMIT 1`, where.params);
  return hit.length > 0 ? "prefix" : "contains";
}

/** Records joined with their article's facts, as `RecordJoinRow`; the caller adds WHERE. */
function selectRecords(db: SqlDriver): string {
  return `SELECT r.id, r.article_id, ${db.jsonText("r.record_json")} AS record_json, a.source, a.url, a.canonical_url, a.title, a.published_at FROM records r JOIN articles a ON a.article_id = r.article_id`;
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
