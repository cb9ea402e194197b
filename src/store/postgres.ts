/**
 * The PostgreSQL backend (pg Pool): production, shared by many workers. Every connection
 * works in one schema (`?schema=NAME` in the URL, default `public`), set as a startup
 * option so no query can run before it. Credentials never appear in errors.
 */
import pg from "pg";
import { NewsfiguresError } from "../errors.js";
import { redactUrl } from "../log.js";
import type { SqlConn, SqlDriver, SqlValue } from "./driver.js";
import { POSTGRES_MIGRATIONS } from "./migrations/postgres.js";
import { SqlStore } from "./sql-store.js";

export interface PostgresOptions {
  /** Schema to work in; overrides `?schema=` of the URL. */
  schema?: string;
  poolSize?: number;
  /** A server that accepts and never answers fails the connect after this long. */
  connectTimeoutMs?: number;
  /** A query with no answer fails after this long (client side: the server may be gone). */
  queryTimeoutMs?: number;
}

const PG_TIMEOUTS = { connectTimeoutMs: 5_000, queryTimeoutMs: 60_000 };

/**
 * @example
 * const store = openPostgresStore("postgres://app@db:5432/news?schema=newsfigures");
 * await store.migrate();
 */
export function openPostgresStore(url: string, options: PostgresOptions = {}): SqlStore {
  return new SqlStore(new PostgresDriver(url, options));
}

const MAX_LOCKS = 1000;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

class PostgresDriver implements SqlDriver {
  readonly dialect = "postgres";
  readonly migrations = POSTGRES_MIGRATIONS;
  readonly location: string;
  readonly schema: string;
  private readonly pool: pg.Pool;
  private readonly poolConn: SqlConn;
  private readonly timeoutsS: string;

  constructor(url: string, options: PostgresOptions) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new NewsfiguresError(
        "NF_STORE_BAD_URL",
        `not a PostgreSQL URL: ${redactUrl(url)}; write postgres://USER:PASSWORD@HOST:5432/DB`,
      );
    }
    // pg's pool never settles a connect to a port it cannot use when a connect timeout is
    // set: refuse such a URL here, with its code, instead of hanging.
    const port = parsed.searchParams.get("port") ?? parsed.port;
    if (port !== "" && !(/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536)) {
      throw new NewsfiguresError(
        "NF_STORE_BAD_URL",
        `port "${port}" of ${redactUrl(url)} is not a TCP port; write postgres://USER:PASSWORD@HOST:5432/DB`,
      );
    }
    this.schema = options.schema ?? parsed.searchParams.get("schema") ?? "public";
    parsed.searchParams.delete("schema");
    if (!SCHEMA_NAME.test(this.schema)) {
      throw new NewsfiguresError(
        "NF_STORE_BAD_SCHEMA",
        `schema name "${this.schema}" is not a plain identifier; use letters, digits and _`,
      );
    }
    const connectionString = parsed.toString();
    this.location = `${redactUrl(connectionString)}${this.schema === "public" ? "" : ` (schema ${this.schema})`}`;
    const connectMs = options.connectTimeoutMs ?? PG_TIMEOUTS.connectTimeoutMs;
    const queryMs = options.queryTimeoutMs ?? PG_TIMEOUTS.queryTimeoutMs;
    this.pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      options: `-c search_path=${this.schema}`,
      connectionTimeoutMillis: connectMs,
      query_timeout: queryMs,
    });
    this.timeoutsS = `${connectMs / 1000} s to connect, ${queryMs / 1000} s per query`;
    // An idle client that loses its server must not crash the process; the next query reports it.
    this.pool.on("error", () => {});
    this.poolConn = this.connOf(this.pool);
  }

  private wrap(err: unknown): NewsfiguresError {
    const e = err as { code?: string; message?: string };
    const retryable =
      e.code === "ECONNREFUSED" ||
      e.code === "57P01" ||
      e.code === "40001" ||
      e.code === "40P01" ||
      e.code === "53300";
    const text = redactUrl(String(e.message ?? err))
      .split(this.poolPassword())
      .join("***");
    // pg's own timeouts ("Connection terminated due to connection timeout", "Query read
    // timeout") carry no code: the server never answered.
    if (e.code === undefined && /timeout/i.test(text))
      return new NewsfiguresError(
        "NF_STORE_TIMEOUT",
        `PostgreSQL at ${this.location} did not answer (${text}; limits: ${this.timeoutsS}); check that the server is up and not overloaded`,
        { cause: err, retryable: true, details: { pgCode: null } },
      );
    return new NewsfiguresError(
      "NF_STORE_QUERY_FAILED",
      `PostgreSQL at ${this.location}: ${text}`,
      { cause: err, retryable, details: { pgCode: e.code ?? null } },
    );
  }

  private poolPassword(): string {
    const pw = (this.pool.options as { password?: unknown }).password;
    return typeof pw === "string" && pw !== "" ? pw : "\u0000no-password\u0000";
  }

  private connOf(client: pg.Pool | pg.PoolClient): SqlConn {
    return {
      dialect: "postgres",
      run: async (sql, params = []) => {
        try {
          return (await client.query(numbered(sql), params)).rowCount ?? 0;
        } catch (err) {
          throw this.wrap(err);
        }
      },
      all: async <T>(sql: string, params: SqlValue[] = []) => {
        try {
          return (await client.query(numbered(sql), params)).rows as T[];
        } catch (err) {
          throw this.wrap(err);
        }
      },
      exec: async (sql) => {
        try {
          await client.query(sql);
        } catch (err) {
          throw this.wrap(err);
        }
      },
    };
  }

  run(sql: string, params?: SqlValue[]): Promise<number> {
    return this.poolConn.run(sql, params);
  }
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]> {
    return this.poolConn.all<T>(sql, params);
  }
  exec(sql: string): Promise<void> {
    return this.poolConn.exec(sql);
  }

  async transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw this.wrap(err);
    }
    try {
      await client.query("BEGIN");
      const out = await fn(this.connOf(client));
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err instanceof NewsfiguresError ? err : this.wrap(err);
    } finally {
      client.release();
    }
  }

  async prepareMigration(conn: SqlConn): Promise<void> {
    // Many workers may start at once: one migrates, the others wait and then find it done.
    await conn.all("SELECT pg_advisory_xact_lock(hashtext('newsfigures:migrate:' || ?))", [
      this.schema,
    ]);
    await conn.exec(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
  }

  async lockArticles(conn: SqlConn, sortedIds: readonly string[]): Promise<void> {
    // One round trip for the group; a VALUES scan yields its rows, and so takes the
    // locks, in the order written.
    for (let i = 0; i < sortedIds.length; i += MAX_LOCKS) {
      const chunk = sortedIds.slice(i, i + MAX_LOCKS);
      await conn.all(
        `SELECT pg_advisory_xact_lock(hashtext(v.id)) FROM (VALUES ${chunk.map(() => "(?)").join(", ")}) AS v(id)`,
        chunk,
      );
    }
  }

  jsonText(column: string): string {
    return `${column}::text`;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** `?` -> `$1, $2, …` (our SQL has no `?` inside string literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Drop a schema and everything in it (tests, benchmarks). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema))
    throw new NewsfiguresError(
      "NF_STORE_BAD_SCHEMA",
      `schema name "${schema}" is not a plain identifier`,
    );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
