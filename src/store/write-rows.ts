/**
 * What a save writes besides records (whose row is in rows.ts): each table's columns and
 * the tuple, in that order, for one article, entity, run, replaced revision or fetch state.
 */
import type { ArticleResult } from "../model/index.js";
import type { RecordDiff } from "./diff.js";
import type { SqlValue } from "./driver.js";
import { articleKeyOf, compressRaw, foldName, sha256 } from "./rows.js";
import type { ArticleRevision, ArticleRow, FetchState } from "./types.js";

export const ARTICLE_COLUMNS = [
  "article_id",
  "source",
  "url",
  "canonical_url",
  "title",
  "published_at",
  "publisher",
  "authors",
  "fetched_at",
  "etag",
  "last_modified",
  "content_hash",
  "raw",
  "raw_encoding",
  "content_type",
  "body",
  "extractor_version",
  "result_hash",
  "updated_at",
  "article_key",
] as const;
/** The columns written when the stored page is kept (same page, so it is not compressed again). */
export const ARTICLE_COLUMNS_KEEPING_RAW = ARTICLE_COLUMNS.filter(
  (c) => c !== "raw" && c !== "raw_encoding",
);
export const ENTITY_COLUMNS = ["article_id", "name", "name_lc", "type", "mentions"] as const;
export const RUN_COLUMNS = [
  "article_id",
  "extractor_version",
  "previous_version",
  "ran_at",
  "action",
  "records",
  "added",
  "removed",
  "updated",
] as const;
export const FETCH_STATE_COLUMNS = [
  "url",
  "etag",
  "last_modified",
  "article_id",
  "fetched_at",
] as const;
export const REVISION_COLUMNS = [
  "article_key",
  "article_id",
  "replaced_by",
  "title",
  "fetched_at",
  "replaced_at",
  "body",
  "records_json",
  "changes_json",
  "added",
  "removed",
  "updated",
] as const;

/**
 * An article row in the order of ARTICLE_COLUMNS, or of ARTICLE_COLUMNS_KEEPING_RAW when
 * `keepRaw` (the stored page is the same one: brotli is the costliest part of a save).
 */
export function articleValues(
  a: ArticleRow,
  result: ArticleResult,
  version: string,
  hash: string,
  now: string,
  contentHash = sha256(a.raw ?? a.body),
  keepRaw = false,
): SqlValue[] {
  return [
    a.articleId,
    a.source,
    a.url,
    a.canonicalUrl,
    a.title,
    result.publishedAt ?? a.publishedAt,
    a.publisher,
    JSON.stringify(a.authors),
    a.fetchedAt,
    a.etag,
    a.lastModified,
    contentHash,
    ...(keepRaw ? [] : [a.raw ? compressRaw(a.raw) : null, a.raw ? "br" : null]),
    a.contentType,
    a.body,
    version,
    hash,
    now,
    articleKeyOf(a),
  ];
}

/** Entity rows in the order of ENTITY_COLUMNS. */
export function entityRows(articleId: string, result: ArticleResult): SqlValue[][] {
  // The extractor gives each (name, type) once; keep the first should that ever change.
  const seen = new Set<string>();
  return result.entities.flatMap((e) => {
    const key = `${e.name}\u0000${e.type}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [[articleId, e.name, foldName(e.name), e.type, e.mentions]];
  });
}

/**
 * A run-history row in the order of RUN_COLUMNS; `previousVersion` is the stored article's
 * extractor version, undefined when nothing was stored (the column is NOT NULL).
 */
export function runValues(
  articleId: string,
  version: string,
  previousVersion: string | undefined,
  now: string,
  records: number,
  d: RecordDiff,
): SqlValue[] {
  return [
    articleId,
    version,
    previousVersion ?? null,
    now,
    previousVersion !== undefined ? "replace" : "insert",
    records,
    d.added.length,
    d.removed.length,
    d.changed.length,
  ];
}

/** What `revisionValues` takes of a stored article: the columns history keeps. */
export interface OlderRevision {
  article_id: string;
  article_key: string;
  title: string | null;
  fetched_at: string;
  body: string;
}

/** A replaced revision's history row in the order of REVISION_COLUMNS. */
export function revisionValues(
  o: OlderRevision,
  replacedBy: string,
  now: string,
  records: unknown[],
  d: RecordDiff,
): SqlValue[] {
  return [
    o.article_key,
    o.article_id,
    replacedBy,
    o.title,
    o.fetched_at,
    now,
    o.body,
    JSON.stringify(records),
    JSON.stringify(revisionChanges(d)),
    d.added.length,
    d.removed.length,
    d.changed.length,
  ];
}

/** A revision's changes as kept in history: the records' texts and the fields that moved. */
function revisionChanges(d: RecordDiff): ArticleRevision["changes"] {
  return {
    added: d.added.map((r) => r.text),
    removed: d.removed.map((r) => r.text),
    changed: d.changed.map((x) => ({
      text: x.text,
      fields: x.fields,
    })),
  };
}

/** A fetch-state row in the order of FETCH_STATE_COLUMNS. */
export function fetchStateValues(s: FetchState): SqlValue[] {
  return [s.url, s.etag, s.lastModified, s.articleId, s.fetchedAt];
}
