/** The store's public surface: open a store, ingest files, re-extract, diff. */
export * from "./types.js";
export { openStore, createStore, type OpenOptions } from "./open.js";
export { openSqliteStore, DEFAULT_SQLITE_PATH } from "./sqlite.js";
export { openPostgresStore, dropPostgresSchema, type PostgresOptions } from "./postgres.js";
export { diffRecords, type RecordDiff, type FieldChange } from "./diff.js";
export { parsePeriodFilter } from "./query-sql.js";
