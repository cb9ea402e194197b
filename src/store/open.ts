/**
 * `openStore("sqlite:PATH" | "postgres://…" | a bare path)`: the one way commands and
 * workers get a store. The store is migrated before it is returned ("on start").
 */
import { NewsfiguresError } from "../errors.js";
import { redactUrl } from "../log.js";
import { openPostgresStore, type PostgresOptions } from "./postgres.js";
import { DEFAULT_SQLITE_PATH, openSqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

export interface OpenOptions extends PostgresOptions {
  /** Skip migrations (the `migrate` command applies them itself). */
  migrate?: boolean;
}

/**
 * @example
 * const store = await openStore(config.store); // "sqlite:./data/newsfigures.db"
 * try { await store.saveExtraction(row, result, EXTRACTOR_VERSION); } finally { await store.close(); }
 */
export async function openStore(urlOrPath: string, options: OpenOptions = {}): Promise<Store> {
  const store = createStore(urlOrPath, options);
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
  }
  return store;
}

export function createStore(urlOrPath: string, options: PostgresOptions = {}): Store {
  const spec = urlOrPath.trim();
  if (/^postgres(ql)?:\/\//i.test(spec)) return openPostgresStore(spec, options);
  if (/^sqlite:/i.test(spec))
    return openSqliteStore(spec.slice("sqlite:".length) || DEFAULT_SQLITE_PATH);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new NewsfiguresError(
      "NF_STORE_UNSUPPORTED",
      `unsupported store ${redactUrl(spec)}; use sqlite:PATH or postgres://USER@HOST:5432/DB (--store or NEWSFIGURES_STORE)`,
    );
  }
  return openSqliteStore(spec === "" ? DEFAULT_SQLITE_PATH : spec);
}
