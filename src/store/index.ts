/** The store's public surface: open a store, diff records. Ingest and reprocess are pipelines (src/pipeline/). */

export { diffRecords, type FieldChange, type RecordDiff } from "./diff.js";
export { createStore, type OpenOptions, openStore } from "./open.js";
export { dropPostgresSchema, openPostgresStore, type PostgresOptions } from "./postgres.js";
export { parsePeriodFilter } from "./query-sql.js";
export { DEFAULT_SQLITE_PATH, openSqliteStore } from "./sqlite.js";
export * from "./types.js";
