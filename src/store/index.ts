/** The store's public surface: open a store, ingest files, re-extract, diff. */

export { diffRecords, type FieldChange, type RecordDiff } from "./diff.js";
export {
  articleRowOf,
  emptySummary,
  type IngestFailure,
  type IngestOptions,
  type IngestSummary,
  ingestFiles,
  saveArticle,
} from "./ingest.js";
export { createStore, type OpenOptions, openStore } from "./open.js";
export { dropPostgresSchema, openPostgresStore, type PostgresOptions } from "./postgres.js";
export { parsePeriodFilter } from "./query-sql.js";
export {
  type ArticleReprocess,
  inputOf,
  type ReprocessOptions,
  type ReprocessSummary,
  reprocessStore,
} from "./reprocess.js";
export { DEFAULT_SQLITE_PATH, openSqliteStore } from "./sqlite.js";
export * from "./types.js";
