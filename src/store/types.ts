/**
 * The store interface: one contract, two implementations (SQLite, PostgreSQL), one
 * conformance suite. Signatures here are shared with the queue; extend, do not change.
 */
import type { ArticleResult } from "../model/index.js";

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

export interface Store {
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
  getFetchState(url: string): Promise<FetchState | null>;
  putFetchState(state: FetchState): Promise<void>;
  /** Whether an article with this canonical URL (or URL) is stored. */
  hasUrl(url: string): Promise<boolean>;
  close(): Promise<void>;
}
