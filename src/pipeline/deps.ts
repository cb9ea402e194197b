/**
 * What the pipeline stages need from the outside world, as interfaces, so `runArticle`
 * runs the same in the CLI (inline) and in a queue worker, and tests can pass real
 * servers and stores without either knowing about BullMQ.
 */
import type { Logger } from "../log.js";
import type { ArticleRef } from "../model/index.js";
import type { SaveItem, SaveOutcome, Store } from "../store/types.js";
import type { PageAnalyser } from "./analyse-page.js";
import type { FetchSpec } from "./schema.js";

/** One HTTP response as the pipeline needs it. */
export interface PageResponse {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** true for a 304 answer to a conditional GET: nothing to do. */
  notModified: boolean;
  body: Buffer | null;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

/**
 * Fetches pages and feeds. Errors are NewsfiguresError with `NF_FETCH_*` codes,
 * `retryable`, and `details.retryAfterMs` for 429/503 answers.
 */
export interface PageFetcher {
  fetchPage(
    url: string,
    options: FetchSpec,
    conditional?: ConditionalHeaders,
    /** Awaited before each redirect hop goes out (pacing); what it throws is thrown as is. */
    beforeRedirect?: (next: string) => Promise<void>,
  ): Promise<PageResponse>;
  /** Whether robots.txt of the URL's host is known (false: `crawlDelayMs` will request it). */
  robotsKnown?(url: string, options: FetchSpec): boolean;
  /** robots.txt Crawl-delay for the URL's host in ms, or null (none, or robots ignored). */
  crawlDelayMs(url: string, options: FetchSpec): Promise<number | null>;
}

/**
 * Per-host pacing: `pace` waits until this worker may send the next request to the URL's
 * host; `settle`, called when the answer came back, pushes the host's next turn to at
 * least `minIntervalMs` after now, so a request that left late (cold connection, busy event
 * loop) still reaches the server an interval before the next one. A Retry-After answer
 * settles with the time the server asked for, so every request to that host waits for it.
 */
export interface Pacer {
  /**
   * `maxWaitMs`: how long this caller may wait in-process before the pacer gives up its
   * turn (the queue's pacer then throws PaceDelay and the job is delayed); a redirect hop,
   * whose first request has gone out already, passes a longer wait than a fresh request.
   */
  pace(url: string, minIntervalMs: number, maxWaitMs?: number): Promise<void>;
  settle(url: string, minIntervalMs: number): Promise<void>;
}

export interface ArticleDeps {
  store: Store;
  fetcher: PageFetcher;
  /** A child logger for this article (or job); runArticle writes one outcome line. */
  logger: Logger;
  /** Per-host pacing; inline runs use an in-process pacer, workers the Redis one. */
  pacer: Pacer;
  /**
   * Saves one article; queue workers pass a `SaveBatcher` so that saves in flight together
   * share a transaction. Default: `store.saveExtractions([item])`.
   */
  save?: (item: SaveItem) => Promise<SaveOutcome>;
  now?: () => Date;
  /** Parses and extracts a fetched page; default in-process, queue workers a thread pool. */
  analyse?: PageAnalyser;
  /** `files:` sources read only below this folder (default: the working directory). */
  filesRoot?: string;
}

export type { ArticleRef };
