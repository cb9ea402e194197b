/**
 * Statement text both backends share: `?` lists, id lists cut to a size every planner
 * takes, and multi-row inserts sized for each engine. Statements use `?` placeholders;
 * the PostgreSQL driver numbers them.
 */
import type { SqlConn, SqlValue } from "./driver.js";

/** Ids per `IN (…)` list: long enough for a save group, short enough for any planner. */
export const MAX_IN = 500;
/** SQLite allows 32,766 parameters per statement and PostgreSQL 65,535: stay well under. */
const MAX_PARAMS = 30_000;

/** `n` placeholders for an `IN (…)` list. */
export function marks(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The rows of `sql(list)` for all of `ids`, one statement per MAX_IN ids: `list` is one
 * chunk's placeholders for its `IN (…)`. Rows come chunk after chunk, each in the
 * statement's order.
 *
 * @example
 * await selectIn<{ url: string }>(c, urls, (list) => `SELECT url FROM fetch_state WHERE url IN (${list})`);
 */
export async function selectIn<T>(
  c: SqlConn,
  ids: readonly string[],
  sql: (list: string) => string,
): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks(ids, MAX_IN)) {
    for (const row of await c.all<T>(sql(marks(chunk.length)), chunk)) out.push(row);
  }
  return out;
}

/**
 * Insert rows (each in the order of `columns`), with an optional `ON CONFLICT …` clause.
 *
 * @example
 * await insertRows(c, "entities", ["article_id", "name"], [["a1", "Dell"]], "ON CONFLICT DO NOTHING");
 */
export async function insertRows(
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

/** Delete the rows of these articles from each table, in the order given. */
export async function deleteByArticle(
  c: SqlConn,
  tables: readonly string[],
  articleIds: readonly string[],
): Promise<void> {
  for (const chunk of chunks(articleIds, MAX_IN)) {
    const list = marks(chunk.length);
    for (const table of tables)
      await c.run(`DELETE FROM ${table} WHERE article_id IN (${list})`, chunk);
  }
}
