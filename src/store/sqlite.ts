/**
 * The SQLite backend (better-sqlite3, WAL): the default, a file on the user's laptop.
 * better-sqlite3 is synchronous; the driver wraps it in promises and queues transactions
 * so that two async callers in one process never interleave inside BEGIN … COMMIT.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { NewsfiguresError } from "../errors.js";
import type { SqlConn, SqlDriver, SqlValue } from "./driver.js";
import { SQLITE_MIGRATIONS } from "./migrations/sqlite.js";
import { SqlStore } from "./sql-store.js";

export const DEFAULT_SQLITE_PATH = "./data/newsfigures.db";

/**
 * Open (creating the file and its folder) a SQLite store. Call `migrate()` before use.
 *
 * @example
 * const store = openSqliteStore("./data/newsfigures.db");
 * await store.migrate();
 */
export function openSqliteStore(path: string = DEFAULT_SQLITE_PATH): SqlStore {
  return new SqlStore(new SqliteDriver(path));
}

class SqliteDriver implements SqlDriver {
  readonly dialect = "sqlite";
  readonly migrations = SQLITE_MIGRATIONS;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    const file = path === ":memory:" ? path : resolve(path);
    this.location = `sqlite:${file}`;
    try {
      if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma("journal_mode = WAL");
      // NORMAL is durable across crashes of the process (not of the OS) in WAL mode.
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      this.db.pragma("busy_timeout = 5000");
    } catch (err) {
      throw new NewsfiguresError(
        "NF_STORE_OPEN_FAILED",
        `cannot open the SQLite store ${file}: ${(err as Error).message}; check the path and its permissions`,
        { cause: err },
      );
    }
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      // Bounded: statements built for bulk chunks vary in length.
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  private readonly conn: SqlConn = {
    dialect: "sqlite",
    run: async (sql, params = []) => this.prepare(sql).run(...params.map(toSqlite)).changes,
    all: async <T>(sql: string, params: SqlValue[] = []) =>
      this.prepare(sql).all(...params.map(toSqlite)) as T[],
    exec: async (sql) => {
      this.db.exec(sql);
    },
  };

  run(sql: string, params?: SqlValue[]): Promise<number> {
    // Queued behind open transactions so a lone write never lands inside someone's BEGIN.
    const next = this.queue.then(() => this.conn.run(sql, params));
    this.queue = next.catch(() => undefined);
    return next;
  }
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]> {
    return this.conn.all<T>(sql, params);
  }
  exec(sql: string): Promise<void> {
    return this.conn.exec(sql);
  }

  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      // IMMEDIATE takes the write lock up front, so two processes cannot both read-then-write.
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn(this.conn);
        this.db.exec("COMMIT");
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async prepareMigration(): Promise<void> {}
  /** BEGIN IMMEDIATE already holds the database's one write lock. */
  async lockArticles(): Promise<void> {}

  jsonText(column: string): string {
    return column;
  }

  async close(): Promise<void> {
    await this.queue;
    // SQLite's advice for short-lived connections: refresh planner statistics on close,
    // bounded so it stays cheap on big files.
    try {
      this.db.pragma("analysis_limit = 400");
      this.db.pragma("optimize");
    } catch {
      // A read-only or busy file keeps its old statistics; nothing is lost.
    }
    this.db.close();
  }
}

/** better-sqlite3 binds no booleans. */
function toSqlite(v: SqlValue): string | number | Buffer | null {
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}
