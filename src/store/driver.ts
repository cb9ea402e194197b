/**
 * The little SQL surface both backends provide, so the store's logic is written once.
 * Statements use `?` placeholders; the PostgreSQL driver numbers them. Parameters are
 * strings, numbers, booleans, Buffers or null; drivers convert what their engine lacks.
 */
import type { Migration } from "./migrations/types.js";

export type SqlValue = string | number | boolean | Buffer | null;

export interface SqlConn {
  readonly dialect: "sqlite" | "postgres";
  /** Run a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Run several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlConn {
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  readonly migrations: Migration[];
  /** Run `fn` in one transaction; rolled back when it throws. Transactions never nest. */
  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  /** Take the migration lock and make the schema exist (PostgreSQL); inside a transaction. */
  prepareMigration(conn: SqlConn): Promise<void>;
  /**
   * Serialise writers of these articles across processes (PostgreSQL); inside a
   * transaction. Ids come sorted so that two writers of overlapping groups cannot deadlock.
   */
  lockArticles(conn: SqlConn, sortedIds: readonly string[]): Promise<void>;
  /** SQL that reads a JSON column as text. */
  jsonText(column: string): string;
  close(): Promise<void>;
}
