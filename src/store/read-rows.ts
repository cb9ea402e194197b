/**
 * Table rows back into the store's types. The drivers return rows as plain objects, not
 * alike: PostgreSQL gives JSONB as objects (unless read as text) and 64-bit integers as
 * strings, SQLite gives JSON as text and integers as numbers; each mapping reads either.
 */
import { MetricRecord } from "../model/index.js";
import type { SqlDriver } from "./driver.js";
import { decompressRaw } from "./rows.js";
import type {
  ArticleRevision,
  ExtractionRun,
  FetchState,
  StoredArticle,
  StoredRecord,
} from "./types.js";

/** A record joined with its article's facts, as `recordJoinColumns` selects it. */
export interface RecordJoinRow {
  id: string;
  article_id: string;
  record_json: string;
  source: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  published_at: string | null;
}

export type ArticleDbRow = Record<string, string | Buffer | null>;
export type DbRow = Record<string, string | number | null>;

/** The columns of a `RecordJoinRow`, from records `r` joined with their articles `a`. */
export function recordJoinColumns(db: SqlDriver): string {
  return `r.id, r.article_id, ${db.jsonText("r.record_json")} AS record_json, a.source, a.url, a.canonical_url, a.title, a.published_at`;
}

/** `validate` false for bulk reads: records were validated when stored. */
export function storedRecord(row: RecordJoinRow, validate: boolean): StoredRecord {
  const json: unknown = JSON.parse(row.record_json);
  return {
    articleId: row.article_id,
    source: row.source,
    url: row.canonical_url ?? row.url,
    title: row.title,
    publishedAt: row.published_at,
    record: validate ? MetricRecord.parse(json) : (json as MetricRecord),
  };
}

export function storedArticle(row: ArticleDbRow): StoredArticle {
  const s = (k: string) => (row[k] === null || row[k] === undefined ? null : String(row[k]));
  const authors: unknown = typeof row.authors === "string" ? JSON.parse(row.authors) : row.authors;
  const raw = row.raw;
  return {
    articleId: String(row.article_id),
    source: String(row.source),
    url: s("url"),
    canonicalUrl: s("canonical_url"),
    title: s("title"),
    publishedAt: s("published_at"),
    publisher: s("publisher"),
    authors: Array.isArray(authors) ? authors.map(String) : [],
    fetchedAt: String(row.fetched_at),
    etag: s("etag"),
    lastModified: s("last_modified"),
    raw: Buffer.isBuffer(raw) ? decompressRaw(raw, s("raw_encoding")) : null,
    contentType: String(row.content_type),
    body: String(row.body),
    extractorVersion: String(row.extractor_version),
  };
}

export function fetchStateOf(row: Record<string, string | null>): FetchState {
  return {
    url: String(row.url),
    etag: row.etag ?? null,
    lastModified: row.last_modified ?? null,
    articleId: row.article_id ?? null,
    fetchedAt: String(row.fetched_at),
  };
}

export function extractionRunOf(r: DbRow): ExtractionRun {
  return {
    articleId: String(r.article_id),
    extractorVersion: String(r.extractor_version),
    previousVersion: r.previous_version === null ? null : String(r.previous_version),
    ranAt: String(r.ran_at),
    action: r.action === "replace" ? "replace" : "insert",
    records: Number(r.records),
    added: Number(r.added),
    removed: Number(r.removed),
    updated: Number(r.updated),
  };
}

/** History rows are read rarely and by people: their records are validated again. */
export function articleRevisionOf(r: DbRow): ArticleRevision {
  return {
    articleKey: String(r.article_key),
    articleId: String(r.article_id),
    replacedBy: String(r.replaced_by),
    title: r.title === null ? null : String(r.title),
    fetchedAt: String(r.fetched_at),
    replacedAt: String(r.replaced_at),
    body: String(r.body),
    records: (JSON.parse(String(r.records_json)) as unknown[]).map((x) => MetricRecord.parse(x)),
    added: Number(r.added),
    removed: Number(r.removed),
    updated: Number(r.updated),
    changes: JSON.parse(String(r.changes_json)),
  };
}
