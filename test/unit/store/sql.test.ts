/**
 * The statement text both backends share, checked on a connection that records what it is
 * asked to run: how rows and ids are cut into statements decides round trips on PostgreSQL
 * and stays under both engines' parameter limits.
 */
import { describe, expect, it } from "vitest";
import type { SqlConn, SqlValue } from "../../../src/store/driver.js";
import { chunks, deleteByArticle, insertRows, MAX_IN, marks } from "../../../src/store/sql.js";

function recording(dialect: "sqlite" | "postgres") {
  const calls: Array<{ sql: string; params: SqlValue[] }> = [];
  const conn: SqlConn = {
    dialect,
    run: async (sql, params = []) => {
      calls.push({ sql, params });
      return 0;
    },
    all: async () => [],
    exec: async () => {},
  };
  return { conn, calls };
}

const rowsOf = (n: number, width: number): SqlValue[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, j) => `${i}.${j}`));

describe("sql helpers", () => {
  it("writes n placeholders and cuts lists into chunks of at most the size", () => {
    expect(marks(3)).toBe("?, ?, ?");
    expect(marks(0)).toBe("");
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });

  it("inserts one row per statement on SQLite, with the conflict clause", async () => {
    const { conn, calls } = recording("sqlite");
    await insertRows(conn, "t", ["a", "b"], rowsOf(3, 2), "ON CONFLICT DO NOTHING");
    expect(calls.map((c) => c.sql)).toEqual(
      Array(3).fill("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING"),
    );
    expect(calls.map((c) => c.params)).toEqual(rowsOf(3, 2));
  });

  it("inserts many rows per statement on PostgreSQL, never more than 30,000 parameters", async () => {
    const { conn, calls } = recording("postgres");
    const width = 25;
    const rows = rowsOf(2500, width);
    await insertRows(
      conn,
      "t",
      Array.from({ length: width }, (_, j) => `c${j}`),
      rows,
    );
    expect(calls.length).toBe(3);
    for (const c of calls) {
      expect(c.params.length).toBeLessThanOrEqual(30_000);
      expect(c.sql.match(/\?/g)?.length).toBe(c.params.length);
      expect(c.sql.endsWith(")")).toBe(true);
    }
    expect(calls.flatMap((c) => c.params)).toEqual(rows.flat());
  });

  it("runs nothing for no rows and no ids", async () => {
    const { conn, calls } = recording("postgres");
    await insertRows(conn, "t", ["a"], []);
    await deleteByArticle(conn, ["records"], []);
    expect(calls).toEqual([]);
  });

  it("deletes articles' rows table by table in the order given, a chunk of ids at a time", async () => {
    const { conn, calls } = recording("postgres");
    const ids = Array.from({ length: MAX_IN + 1 }, (_, i) => `a${i}`);
    await deleteByArticle(conn, ["records", "entities"], ids);
    expect(calls.map((c) => [c.sql.split(" WHERE")[0], c.params.length])).toEqual([
      ["DELETE FROM records", MAX_IN],
      ["DELETE FROM entities", MAX_IN],
      ["DELETE FROM records", 1],
      ["DELETE FROM entities", 1],
    ]);
    expect(calls[2]?.params).toEqual([`a${MAX_IN}`]);
  });
});
