/**
 * One page of a filtered result in a stable order over the whole result, and where the next
 * page starts (keyset paging): each page seeks past the last row of the one before through
 * an index, so a page deep in the result costs what the first costs and every row is
 * reachable. The order is the sort key, then article, position in the text and id (unique),
 * so no row is shown twice or skipped between pages. Records without a publication date
 * come after the dated ones in both directions, on both backends, in article and text order.
 */
import type { SqlDriver, SqlValue } from "./driver.js";
import { entityMatch, recordWhere } from "./query-sql.js";
import { type RecordJoinRow, recordJoinColumns, storedRecord } from "./read-rows.js";
import type { RecordKey, RecordPage, RecordQuery, RecordSort } from "./types.js";

type SortColumn = "published_at" | "amount";

const ORDERS: Record<RecordSort, { column: SortColumn; desc: boolean }> = {
  newest: { column: "published_at", desc: true },
  oldest: { column: "published_at", desc: false },
  largest: { column: "amount", desc: true },
  smallest: { column: "amount", desc: false },
};

/** The SQLite indexes that hold each order, alone and after a metric. */
const SORT_INDEX: Record<SortColumn, { alone: string; metric: string }> = {
  published_at: { alone: "records_published", metric: "records_metric_published" },
  amount: { alone: "records_amount", metric: "records_metric_amount" },
};

/** The most rows one page reads; larger requests are cut to it. */
const MAX_PAGE_ROWS = 1_000_000;

interface PageRow extends RecordJoinRow {
  span_start: number;
}

export async function pageRecords(
  db: SqlDriver,
  q: RecordQuery,
  sort: RecordSort,
  after: RecordKey | null,
  limit: number,
): Promise<RecordPage> {
  const size = Math.max(1, Math.min(Math.floor(limit), MAX_PAGE_ROWS));
  const { column, desc } = ORDERS[sort];
  const match = await entityMatch(db, q.entity);
  const where = recordWhere(q, match, db.dialect);
  // A filter with an index of its own (an entity prefix, one article) leaves few rows: those
  // are read by it and sorted. Otherwise the rows are read in the order's index, and a page
  // stops after `size` of them. SQLite's planner, which may have statistics from `optimize`
  // or none, left to itself picks a metric index and sorts every match (1.5 s at 200,000
  // records) or sorts the whole table, so it is told which index; PostgreSQL's planner
  // finds these plans by itself.
  const selective =
    (match === "prefix" && q.entity !== undefined && q.entity.trim() !== "") ||
    q.articleId !== undefined;
  const sqlite = db.dialect === "sqlite";
  const col = selective && sqlite ? `+r.${column}` : `r.${column}`;
  const index = sqlite && !selective ? SORT_INDEX[column][q.metric ? "metric" : "alone"] : null;
  const from = selectPage(db, index);
  const tail = "r.article_id, r.span_start, r.id";
  const cmp = desc ? "<" : ">";
  // Pages may hold up to MAX_PAGE_ROWS rows: too many to spread into one push call.
  let rows: PageRow[] = [];
  const inUndated = after !== null && column === "published_at" && after.value === null;
  if (!inUndated) {
    const conds = column === "published_at" ? [`${col} IS NOT NULL`] : [];
    const params: SqlValue[] = [];
    if (after !== null) {
      // The bound on the sort column alone is the index seek; the OR breaks ties. Unary +
      // keeps SQLite from serving the OR with one index search per branch and a sort.
      const tie = sqlite ? `+r.${column}` : col;
      conds.push(
        `${col} ${cmp}= ? AND (${tie} ${cmp} ? OR (${tie} = ? AND (${tail}) > (?, ?, ?)))`,
      );
      const v = after.value as SqlValue;
      params.push(v, v, v, after.articleId, after.spanStart, after.id);
    }
    const order = `${col}${desc ? " DESC" : ""}, ${tail}`;
    rows = await readRows(db, from, where, conds, params, order, size + 1);
  }
  if (column === "published_at" && rows.length <= size) {
    const conds = [`${col} IS NULL`];
    const params: SqlValue[] = [];
    if (inUndated && after !== null) {
      conds.push(`(${tail}) > (?, ?, ?)`);
      params.push(after.articleId, after.spanStart, after.id);
    }
    const undatedFrom = selectPage(db, null);
    rows = rows.concat(
      await readRows(db, undatedFrom, where, conds, params, tail, size + 1 - rows.length),
    );
  }
  const shown = rows.slice(0, size);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((row) => storedRecord(row, true)),
    next:
      rows.length > size && last !== undefined
        ? {
            sort,
            value:
              column === "published_at"
                ? last.published_at
                : (JSON.parse(last.record_json) as { value: { amount: number } }).value.amount,
            articleId: last.article_id,
            spanStart: Number(last.span_start),
            id: last.id,
          }
        : null,
  };
}

async function readRows(
  db: SqlDriver,
  from: string,
  where: { sql: string; params: SqlValue[] },
  conds: string[],
  params: SqlValue[],
  order: string,
  n: number,
): Promise<PageRow[]> {
  const all = [where.sql.replace(/^WHERE /, ""), ...conds].filter((s) => s !== "");
  return db.all<PageRow>(
    `${from} ${all.length > 0 ? `WHERE ${all.join(" AND ")}` : ""} ORDER BY ${order} LIMIT ${n}`,
    [...where.params, ...params],
  );
}

/**
 * Records joined with their article's facts, records first: SQLite's CROSS JOIN keeps that
 * order (reading articles first and looking records up by article means sorting them all).
 */
function selectPage(db: SqlDriver, index: string | null): string {
  const records = `records r${index ? ` INDEXED BY ${index}` : ""}`;
  const join = db.dialect === "sqlite" ? "CROSS JOIN" : "JOIN";
  return `SELECT ${recordJoinColumns(db)}, r.span_start FROM ${records} ${join} articles a ON a.article_id = r.article_id`;
}
