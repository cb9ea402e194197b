/**
 * The PageFetcher the pipeline uses until the pages issue's `src/fetch` (full SSRF guard
 * with DNS checks, redirects re-checked, charset sniffing) is wired in: undici GET with
 * conditional headers, a timeout, a size cap, robots.txt (allow + Crawl-delay) and typed
 * NF_FETCH_* errors whose `retryable` and `details.retryAfterMs` the queue edge maps.
 */
import { isIP } from "node:net";
import robotsParserModule from "robots-parser";
import { request } from "undici";
import { NewsfiguresError } from "../errors.js";
import type { ConditionalHeaders, FetchedPage, PageFetcher } from "./deps.js";
import type { FetchOptions } from "./schema.js";

const ROBOTS_TTL_MS = 10 * 60_000;

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package's typings declare an ambient module, which NodeNext does not see as callable.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robots;

function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) {
    const [a = 0, b = 0] = h.split(".").map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (isIP(h) === 6) return h === "::1" || h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe80");
  return false;
}

/** Seconds or an HTTP date -> ms from now; null when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export function createHttpFetcher(defaultUserAgent: string): PageFetcher {
  const robotsCache = new Map<string, { at: number; robots: Robots | null }>();

  async function get(url: string, options: FetchOptions, headers: Record<string, string>): Promise<FetchedPage> {
    const u = new URL(url);
    if (!options.allowPrivateNetwork && isPrivateHost(u.hostname)) {
      throw new NewsfiguresError(
        "NF_FETCH_BLOCKED_ADDRESS",
        `${url}: ${u.hostname} is a private or loopback address; set fetch.allowPrivateNetwork: true in the pipeline if this is intended`,
        { retryable: false, details: { url } },
      );
    }
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, {
        method: "GET",
        headers: { "user-agent": options.userAgent ?? defaultUserAgent, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5", ...headers },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
    } catch (err) {
      throw new NewsfiguresError("NF_FETCH_NETWORK", `${url}: ${(err as Error).message}; the host may be down, it will be retried`, {
        cause: err,
        retryable: true,
        details: { url },
      });
    }
    const h = res.headers;
    const header = (name: string): string | null => {
      const v = h[name];
      return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
    };
    if (res.statusCode === 304) {
      await res.body.dump();
      return { url, finalUrl: url, status: 304, notModified: true, body: null, contentType: "", etag: header("etag"), lastModified: header("last-modified") };
    }
    if (res.statusCode >= 300 && res.statusCode < 400) {
      await res.body.dump();
      throw new NewsfiguresError("NF_FETCH_REDIRECT", `${url}: HTTP ${res.statusCode} to ${header("location") ?? "?"}; list the final URL in the source`, {
        retryable: false,
        details: { url, status: res.statusCode },
      });
    }
    if (res.statusCode >= 400) {
      await res.body.dump();
      const transient = res.statusCode === 429 || res.statusCode === 408 || res.statusCode >= 500;
      const after = retryAfterMs(h["retry-after"]);
      throw new NewsfiguresError(
        res.statusCode === 429 ? "NF_FETCH_RATE_LIMITED" : "NF_FETCH_HTTP_STATUS",
        `${url}: HTTP ${res.statusCode}${transient ? "; will be retried" : "; not retried"}`,
        { retryable: transient, details: { url, status: res.statusCode, ...(after !== null ? { retryAfterMs: after } : {}) } },
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > options.maxBytes) {
        res.body.destroy();
        throw new NewsfiguresError("NF_FETCH_TOO_LARGE", `${url}: larger than fetch.maxBytes (${options.maxBytes}); raise it in the pipeline to accept such pages`, {
          retryable: false,
          details: { url },
        });
      }
      chunks.push(chunk as Buffer);
    }
    return {
      url,
      finalUrl: url,
      status: res.statusCode,
      notModified: false,
      body: Buffer.concat(chunks),
      contentType: header("content-type") ?? "",
      etag: header("etag"),
      lastModified: header("last-modified"),
    };
  }

  async function robotsFor(url: string, options: FetchOptions): Promise<Robots | null> {
    const origin = new URL(url).origin;
    const hit = robotsCache.get(origin);
    if (hit && Date.now() - hit.at < ROBOTS_TTL_MS) return hit.robots;
    let robots: Robots | null = null;
    try {
      const page = await get(`${origin}/robots.txt`, { ...options, maxBytes: 512 * 1024 }, {});
      robots = robotsParser(`${origin}/robots.txt`, page.body?.toString("utf8") ?? "");
    } catch (err) {
      // No robots.txt (4xx) means everything is allowed; a blocked address is the caller's error.
      if ((err as NewsfiguresError).code === "NF_FETCH_BLOCKED_ADDRESS") throw err;
      robots = null;
    }
    robotsCache.set(origin, { at: Date.now(), robots });
    return robots;
  }

  return {
    async fetchPage(url, options, conditional?: ConditionalHeaders) {
      if (options.respectRobots) {
        const robots = await robotsFor(url, options);
        if (robots && robots.isAllowed(url, options.userAgent ?? defaultUserAgent) === false) {
          throw new NewsfiguresError("NF_FETCH_ROBOTS_DISALLOWED", `${url}: disallowed by robots.txt; remove it from the sources`, {
            retryable: false,
            details: { url },
          });
        }
      }
      const headers: Record<string, string> = {};
      if (conditional?.etag) headers["if-none-match"] = conditional.etag;
      if (conditional?.lastModified) headers["if-modified-since"] = conditional.lastModified;
      return get(url, options, headers);
    },
    async crawlDelayMs(url, options) {
      const robots = await robotsFor(url, options);
      const s = robots?.getCrawlDelay(options.userAgent ?? defaultUserAgent);
      return typeof s === "number" && s > 0 ? s * 1000 : null;
    },
  };
}
