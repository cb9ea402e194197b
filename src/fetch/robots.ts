/**
 * robots.txt per origin, parsed by robots-parser and cached (default 24 h). Rules as
 * Google documents them: 4xx (no robots.txt) allows everything; 5xx or a network failure
 * holds back the whole site for now (NF_FETCH_ROBOTS_UNAVAILABLE, retryable), since the
 * owner's wishes are unknown; an address the SSRF guard refuses is refused for the page too
 * (NF_FETCH_BLOCKED_ADDRESS, permanent). `crawlDelayMs` exposes Crawl-delay, capped at
 * MAX_CRAWL_DELAY_MS, for the per-host pacing.
 */
import robotsModule from "robots-parser";
import { NewsfiguresError } from "../errors.js";
import { FetchErrorCode, fetchError } from "./errors.js";
import type { FetchedPage, FetchOptions } from "./fetch-page.js";

/** A robots.txt may ask for hours between requests; more than this is taken as this. */
export const MAX_CRAWL_DELAY_MS = 60_000;

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS whose typings claim an ES default export; at runtime the
// default import is the function itself.
const robotsParser = ((robotsModule as unknown as { default?: unknown }).default ??
  robotsModule) as (url: string, txt: string) => Robot;

interface Entry {
  robot: Robot | null;
  /** Set when robots.txt could not be read: everything is disallowed until expiry. */
  unavailable: NewsfiguresError | null;
  expires: number;
}

export interface RobotsOptions {
  userAgent: string;
  /** How to GET robots.txt; fetchPage with the same agent, normally. */
  fetch: (url: string, options: FetchOptions) => Promise<FetchedPage>;
  fetchOptions?: FetchOptions;
  ttlMs?: number;
  /** Shorter life for "unavailable" entries so a flaky server is asked again soon. */
  errorTtlMs?: number;
  /** Origins kept at most (a worker runs for months over many sites); oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  constructor(private readonly options: RobotsOptions) {}

  /**
   * Throws NF_FETCH_ROBOTS_DISALLOWED (permanent), NF_FETCH_BLOCKED_ADDRESS (permanent: the
   * site's address is refused) or NF_FETCH_ROBOTS_UNAVAILABLE (retryable: robots.txt could
   * not be read, the cause's code and message in the message).
   */
  async assertAllowed(url: string): Promise<void> {
    const e = await this.entryFor(url);
    const cause = e.unavailable;
    if (cause) {
      if (cause.code === FetchErrorCode.blockedAddress) throw cause;
      const origin = new URL(url).origin;
      throw fetchError(
        FetchErrorCode.robotsUnavailable,
        `robots.txt of ${origin} could not be read (${cause.code}: ${cause.message}); pages of ${origin} wait until it can be`,
        {
          cause,
          retryable: true,
          details: {
            url,
            ...(typeof cause.details.retryAfterMs === "number"
              ? { retryAfterMs: cause.details.retryAfterMs }
              : {}),
          },
        },
      );
    }
    if (e.robot && e.robot.isAllowed(url, this.options.userAgent) === false) {
      throw fetchError(
        FetchErrorCode.robotsDisallowed,
        `robots.txt of ${new URL(url).origin} disallows ${url} for "${this.options.userAgent}"; the site asks not to be crawled there`,
        {
          retryable: false,
          details: { url, line: e.robot.getMatchingLineNumber(url, this.options.userAgent) },
        },
      );
    }
  }

  /** Whether robots.txt of the URL's origin is read and still fresh (no request needed). */
  has(url: string): boolean {
    const cached = this.entries.get(new URL(url).origin);
    return cached !== undefined && cached.expires > this.now();
  }

  /** Crawl-delay for the URL's host in milliseconds, or null when none is set. */
  async crawlDelayMs(url: string): Promise<number | null> {
    const e = await this.entryFor(url);
    const d = e.robot?.getCrawlDelay(this.options.userAgent);
    if (d === undefined || !Number.isFinite(d) || d < 0) return null;
    return Math.min(MAX_CRAWL_DELAY_MS, Math.round(d * 1000));
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private async entryFor(url: string): Promise<Entry> {
    const origin = new URL(url).origin;
    const cached = this.entries.get(origin);
    if (cached && cached.expires > this.now()) return cached;
    let p = this.pending.get(origin);
    if (!p) {
      p = this.load(origin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, p);
    }
    const e = await p;
    // Re-inserted so that Map order is least recently loaded first.
    this.entries.delete(origin);
    this.entries.set(origin, e);
    const max = this.options.maxEntries ?? 10_000;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(key);
    }
    return e;
  }

  private async load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const ttl = this.options.ttlMs ?? 24 * 3600_000;
    const errTtl = this.options.errorTtlMs ?? 10 * 60_000;
    try {
      // No robots check on robots.txt itself; a small cap: real files are a few KB.
      const { robots: _ignored, ...rest } = this.options.fetchOptions ?? {};
      const page = await this.options.fetch(robotsUrl, {
        ...rest,
        accept: "any",
        maxBytes: 512 * 1024,
        userAgent: this.options.userAgent,
      });
      return {
        // RFC 9309: robots.txt is UTF-8; a byte-order mark is not part of its first line.
        robot: robotsParser(robotsUrl, page.body.toString("utf8").replace(/^\uFEFF/, "")),
        unavailable: null,
        expires: this.now() + ttl,
      };
    } catch (err) {
      const status =
        err instanceof NewsfiguresError ? (err.details.status as number | undefined) : undefined;
      if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
        return { robot: null, unavailable: null, expires: this.now() + ttl };
      }
      const e =
        err instanceof NewsfiguresError
          ? err
          : fetchError(FetchErrorCode.network, String(err), { cause: err, retryable: true });
      return { robot: null, unavailable: e, expires: this.now() + errTtl };
    }
  }
}
