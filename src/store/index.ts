/** The store's public surface: open a store, ingest files, re-extract, diff. */
export * from "./types.js";
export { openStore, createStore, type OpenOptions } from "./open.js";
export { openSqliteStore, DEFAULT_SQLITE_PATH } from "./sqlite.js";
export { openPostgresStore, dropPostgresSchema, type PostgresOptions } from "./postgres.js";
export { diffRecords, type RecordDiff, type FieldChange } from "./diff.js";
export { parsePeriodFilter } from "./query-sql.js";
export { seedSynthetic, syntheticItem, syntheticEntityName, type SyntheticOptions } from "./synthetic.js";
export { ingestFiles, saveArticle, articleRowOf, emptySummary, type IngestSummary, type IngestOptions, type IngestFailure } from "./ingest.js";
export { reprocessStore, inputOf, type ReprocessOptions, type ReprocessSummary, type ArticleReprocess } from "./reprocess.js";
