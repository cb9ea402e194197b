/**
 * The store interface: one contract, two implementations (SQLite, PostgreSQL), one
 * conformance suite. Signatures here are shared with the queue; extend, do not change.
 */
import type { ArticleResult, MetricRecord } from "../model/index.js";

/** What is kept of an article besides its records. */
export interface ArticleRow {
  articleId: string;
  source: string;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  publishedAt: string | null;
  publisher: string | null;
  authors: string[];
  fetchedAt: string;
  etag: string | null;
  lastModified: string | null;
  /** The raw page (HTML bytes) when there was one, so re-extraction never refetches. */
  raw: Buffer | null;
  contentType: string;
  body: string;
}

export interface SaveOutcome {
  articleId: string;
  /** false when the same article with the same extractor version was already stored. */
  changed: boolean;
  /** The article id this one replaced as the newer revision of the same URL. */
  revisionOf?: string;
  added: number;
  removed: number;
  updated: number;
}

/** HTTP validators remembered per URL for conditional GET. */
export interface FetchState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  articleId: string | null;
  fetchedAt: string;
}

/** One article to save, with the validators to remember for its URL in the same transaction. */
export interface SaveItem {
  article: ArticleRow;
  result: ArticleResult;
  fetchState?: FetchState;
}

/** A stored record with the article facts a reader needs to judge it. */
export interface StoredRecord {
  articleId: string;
  source: string;
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  record: MetricRecord;
}

/** Filters of `newsfigures query`; every field narrows, absent fields do not. */
export interface RecordQuery {
  /** Canonical entity name, case-insensitive: prefix first, then contains when no prefix matches. */
  entity?: string;
  metric?: string;
  kind?: string;
  /** Publication date bounds (inclusive), ISO dates or date-times. */
  since?: string;
  until?: string;
  period?: PeriodFilter;
  /** ISO 4217 code, any case. */
  currency?: string;
  min?: number;
  max?: number;
  articleId?: string;
  /**
   * Records written (first stored or re-extracted) on or after this ISO date or date-time:
   * what an incremental export wants since its last run.
   */
  storedSince?: string;
  limit?: number;
}

/**
 * The orders a result can be paged in: by publication date (records without one last in
 * either direction) or by amount as stated (whatever its currency or unit). Ties go by
 * article, position in the text and record id.
 */
export type RecordSort = "newest" | "oldest" | "largest" | "smallest";

/** Where a page ended in its order: the next page starts after this row. */
export interface RecordKey {
  sort: RecordSort;
  /** The sort column's value on that row: the publication date (null: undated) or the amount. */
  value: string | number | null;
  articleId: string;
  spanStart: number;
  id: string;
}

export interface RecordPage {
  items: StoredRecord[];
  /** Where the next page starts, or null when this was the last. */
  next: RecordKey | null;
}

/** `--period`: a year, a quarter of a year, or words the period text contains. */
export interface PeriodFilter {
  year?: number;
  quarter?: number;
  fiscal?: boolean;
  text?: string;
}

/** One stored article as `reprocess` needs it. */
export interface StoredArticle extends ArticleRow {
  extractorVersion: string;
}

export interface ArticleFilter {
  /** Stored (fetched) on or after this ISO date. */
  since?: string;
  /** Source equal to, or starting with, this text (a path prefix, a feed name). */
  source?: string;
}

/** One line of the run history: what a save did to one article. */
export interface ExtractionRun {
  articleId: string;
  extractorVersion: string;
  previousVersion: string | null;
  ranAt: string;
  action: "insert" | "replace";
  records: number;
  added: number;
  removed: number;
  updated: number;
}

export interface StoreStats {
  articles: number;
  records: number;
  entities: number;
  runs: number;
  byMetric: Array<{ metric: string; count: number }>;
  topEntities: Array<{ name: string; count: number }>;
}

export interface EntityCount {
  name: string;
  count: number;
  byMetric: Array<{ metric: string; count: number }>;
}

/** One item of a bulk insert (benchmarks, imports): no diffing, existing ids are kept. */
export interface BulkItem {
  article: ArticleRow;
  result: ArticleResult;
}

/** A replaced revision of an article (same URL, older text), with what the next one changed. */
export interface ArticleRevision {
  /** What makes it one article: its canonical URL, or its body hash when it has none. */
  articleKey: string;
  /** The replaced revision's id (the hash of its body). */
  articleId: string;
  replacedBy: string;
  title: string | null;
  fetchedAt: string;
  replacedAt: string;
  body: string;
  /** Its records as they were stored. */
  records: MetricRecord[];
  /** Against the revision that replaced it, matched by kind, metric, entity and period. */
  added: number;
  removed: number;
  updated: number;
  changes: RevisionChanges;
}

export interface RevisionChanges {
  added: string[];
  removed: string[];
  changed: Array<{
    text: string;
    fields: Array<{ path: string; before: unknown; after: unknown }>;
  }>;
}

/**
 * The store: what every command, worker and page reads and writes through. SQLite and
 * PostgreSQL both satisfy it (sql-store.ts over their drivers), held to one behaviour by
 * one conformance suite. Callers that need a part take a `Pick<Store, …>`.
 */
export interface Store {
  /** `sqlite:/abs/path` or the PostgreSQL URL with its password masked. */
  readonly location: string;
  readonly dialect: "sqlite" | "postgres";
  /** Apply pending numbered migrations. Idempotent. */
  migrate(): Promise<void>;
  /**
   * Store an article and its extraction in one transaction. Storing the same article
   * twice changes nothing; a new extractor version replaces that article's records.
   */
  saveExtraction(
    article: ArticleRow,
    result: ArticleResult,
    extractorVersion: string,
  ): Promise<SaveOutcome>;
  /**
   * Store many articles (and their fetch states) in one transaction: all or none. Each
   * article behaves as `saveExtraction` would; outcomes are in the order of `items`. Queue
   * workers group their saves through this so PostgreSQL commits once per group.
   */
  saveExtractions(items: readonly SaveItem[], extractorVersion: string): Promise<SaveOutcome[]>;
  getFetchState(url: string): Promise<FetchState | null>;
  /** Fetch states of many URLs in one query; URLs never fetched are absent from the map. */
  getFetchStates(urls: readonly string[]): Promise<Map<string, FetchState>>;
  putFetchState(state: FetchState): Promise<void>;
  /** Which of these URLs have a stored article (by canonical URL or URL), in one query. */
  knownUrls(urls: readonly string[]): Promise<Set<string>>;
  /**
   * Of these URLs, those whose stored article is younger than `since` (published then or
   * later, or this revision fetched then when its date is unknown): due for a conditional re-check.
   */
  recentUrls(urls: readonly string[], since: string): Promise<Set<string>>;
  /** The first `query.limit` (default 100) records of the result, newest first. */
  queryRecords(query: RecordQuery): Promise<StoredRecord[]>;
  /**
   * `limit` records of the result in `sort` order, starting after `after` (null: from the
   * first), and the key the next page starts after: every row is reachable, each page an
   * index seek. `query.limit` is ignored.
   */
  pageRecords(
    query: RecordQuery,
    sort: RecordSort,
    after: RecordKey | null,
    limit: number,
  ): Promise<RecordPage>;
  /** Every record (or those the filter keeps) in id order, read in pages so memory stays constant. */
  exportRecords(pageSize?: number, filter?: RecordQuery): AsyncIterable<StoredRecord>;
  /** Stored articles (with body and raw) in articleId order, read in pages. */
  listArticles(filter?: ArticleFilter, pageSize?: number): AsyncIterable<StoredArticle>;
  getRecords(articleId: string): Promise<MetricRecord[]>;
  getArticle(articleId: string): Promise<StoredArticle | null>;
  /** When each of these articles was stored (fetched), in few queries; unknown ids are absent. */
  storedDates(articleIds: readonly string[]): Promise<Map<string, string>>;
  /** The run history in order; with `latest`, only the newest that many, newest first. */
  listRuns(articleId?: string, latest?: number): Promise<ExtractionRun[]>;
  /**
   * The replaced revisions of one article, oldest first, by its URL (any spelling) or the
   * id of any of its revisions; [] when it was never revised.
   */
  listRevisions(urlOrArticleId: string): Promise<ArticleRevision[]>;
  /** Whole-store counts: an index scan per count, so it grows with the store (see serve's cache). */
  stats(): Promise<StoreStats>;
  /**
   * Entities whose name starts with `prefix` (case-insensitive), most figures first, each
   * with its count of figures per metric: an index range, never a table scan.
   */
  entityCounts(prefix: string, limit?: number): Promise<EntityCount[]>;
  bulkInsert(items: BulkItem[], extractorVersion: string): Promise<void>;
  close(): Promise<void>;
}
