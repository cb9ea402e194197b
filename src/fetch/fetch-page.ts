/**
 * `fetchPage(url, options)`: one polite, bounded HTTP(S) GET.
 * - redirects followed by hand (at most `maxRedirects`, loops refused), each hop checked
 *   again: scheme, robots (when a RobotsCache is given) and, at connect time, the address;
 * - timeouts: connect, headers, idle body (undici) and the whole request (AbortSignal);
 * - body capped while streaming (`maxBytes`), and again after gzip/br/deflate decoding
 *   (`maxDecodedBytes`), so a compression bomb stops at the cap;
 * - Content-Type checked against what the caller expects (HTML, feeds, text);
 * - conditional GET: pass `etag` / `lastModified`; a 304 comes back as `unchanged: true`;
 * - the answer is bytes and headers: which charset the bytes are in is the page
 *   reader's to decide (src/parse/charset.ts), with the Content-Type returned here.
 * Every failure is a NewsfiguresError with an NF_FETCH_* code and `retryable`.
 */
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { type Agent, request, errors as undiciErrors } from "undici";
import { NewsfiguresError } from "../errors.js";
import { createAddressGuard, type PrivateNetworkPolicy } from "./address-guard.js";
import { createGuardedAgent } from "./connector.js";
import { FetchErrorCode, fetchError, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./errors.js";
import { DEFAULT_USER_AGENT } from "./user-agent.js";

export { DEFAULT_USER_AGENT };

/** Media types by what the caller wants. */
export const ACCEPT_TYPES = {
  html: ["text/html", "application/xhtml+xml"],
  feed: [
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "application/json",
    "text/plain",
    "text/html", // some servers label feeds as HTML; the feed parser decides
  ],
  text: ["text/plain"],
  any: [] as string[],
} as const;
export type AcceptKind = keyof typeof ACCEPT_TYPES;

/**
 * What a hop asks of robots.txt (a RobotsCache). Named here, not imported, so that the
 * robots cache, which fetches robots.txt through `fetchPage`, sits above this file.
 */
export interface RobotsGate {
  /** Throws a NewsfiguresError when the URL may not be fetched. */
  assertAllowed(url: string): Promise<void>;
}

export interface FetchOptions {
  userAgent?: string;
  /** What the body must be; a PDF or image where HTML was expected is NF_FETCH_CONTENT_TYPE. */
  accept?: AcceptKind;
  maxRedirects?: number;
  maxBytes?: number;
  maxDecodedBytes?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Conditional GET validators from the last fetch of this URL. */
  etag?: string | null;
  lastModified?: string | null;
  /** SSRF policy; see address-guard.ts. Ignored when `agent` is given. */
  allowPrivateNetwork?: PrivateNetworkPolicy;
  /** A shared agent from createFetchAgent (keeps connections and the guard). */
  agent?: Agent;
  /** When given, every hop must be allowed by robots.txt. */
  robots?: RobotsGate;
  /**
   * Awaited before each redirect hop is requested (the per-host pacer waits here, so a
   * redirect takes its host's turn like any request). What it throws is thrown as is.
   */
  beforeRedirect?: (next: string) => Promise<void>;
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL of the last hop. */
  finalUrl: string;
  status: number;
  /** 304 Not Modified: `body` is empty; keep what you had. */
  unchanged: boolean;
  contentType: string | null;
  /** Body bytes after content-encoding (gzip, br, deflate) is undone, in the page's charset. */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
  redirects: string[];
  fetchedAt: string;
}

export const FETCH_DEFAULTS = {
  accept: "html" as AcceptKind,
  maxRedirects: 5,
  maxBytes: 5 * 1024 * 1024,
  maxDecodedBytes: 20 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 15_000,
  totalTimeoutMs: 30_000,
};

export interface AgentOptions {
  allowPrivateNetwork?: PrivateNetworkPolicy;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

/** One guarded connection pool; share it across fetches and close it at shutdown. */
export function createFetchAgent(options: AgentOptions = {}): Agent {
  return createGuardedAgent(createAddressGuard(options.allowPrivateNetwork ?? false), {
    connectTimeoutMs: options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs ?? FETCH_DEFAULTS.bodyTimeoutMs,
  });
}

function parseUrl(raw: string, base?: string): URL {
  let u: URL;
  try {
    u = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch (err) {
    throw fetchError(
      FetchErrorCode.badUrl,
      `"${raw}" is not a valid URL; give an absolute http(s) URL`,
      { cause: err },
    );
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw fetchError(
      base === undefined ? FetchErrorCode.badUrl : FetchErrorCode.badRedirect,
      `${u.protocol} URLs are not fetched (${redact(u)}); only http and https`,
      { details: { url: redact(u) } },
    );
  }
  if (u.username || u.password) {
    throw fetchError(
      FetchErrorCode.badUrl,
      `URL ${redact(u)} carries credentials; remove them`,
      {},
    );
  }
  u.hash = "";
  return u;
}

/** A URL safe to print: no credentials. */
function redact(u: URL): string {
  const c = new URL(u.href);
  c.username = "";
  c.password = "";
  return c.href;
}

/** "text/html; charset=utf-8" -> "text/html"; null when there is none. */
export function mediaType(contentType: string | null): string | null {
  return contentType ? (contentType.split(";")[0] ?? "").trim().toLowerCase() : null;
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const o = { ...FETCH_DEFAULTS, ...stripUndefined(options) };
  const ownAgent = options.agent === undefined;
  const agent = options.agent ?? createFetchAgent(options);
  const total = AbortSignal.timeout(o.totalTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, total]) : total;
  const redirects: string[] = [];
  const seen = new Set<string>();
  let current = parseUrl(url);
  try {
    for (;;) {
      seen.add(current.href);
      if (options.robots) await options.robots.assertAllowed(current.href);
      const headers: Record<string, string> = {
        "user-agent": options.userAgent ?? DEFAULT_USER_AGENT,
        accept: acceptHeader(o.accept),
        "accept-encoding": "gzip, deflate, br",
      };
      if (options.etag) headers["if-none-match"] = options.etag;
      if (options.lastModified) headers["if-modified-since"] = options.lastModified;
      const res = await request(current, { method: "GET", headers, dispatcher: agent, signal });
      const h = res.headers;
      if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304) {
        discard(res.body);
        const location = header(h, "location");
        if (!location)
          throw fetchError(
            FetchErrorCode.badRedirect,
            `${redact(current)} answered ${res.statusCode} without a Location`,
            { details: { status: res.statusCode } },
          );
        const next = parseUrl(location, current.href);
        if (seen.has(next.href))
          throw fetchError(
            FetchErrorCode.redirectLoop,
            `redirect loop at ${redact(next)} after ${redirects.length + 1} hop(s)`,
            { details: { redirects: [...redirects, next.href] } },
          );
        if (redirects.length >= o.maxRedirects)
          throw fetchError(
            FetchErrorCode.tooManyRedirects,
            `more than ${o.maxRedirects} redirects from ${redact(new URL(url))}`,
            { details: { redirects } },
          );
        redirects.push(next.href);
        current = next;
        if (options.beforeRedirect) {
          try {
            await options.beforeRedirect(next.href);
          } catch (err) {
            throw new HookFailure(err);
          }
        }
        continue;
      }
      const base = {
        url,
        finalUrl: current.href,
        status: res.statusCode,
        contentType: header(h, "content-type"),
        etag: header(h, "etag"),
        lastModified: header(h, "last-modified"),
        redirects,
        fetchedAt: new Date().toISOString(),
      };
      if (res.statusCode === 304) {
        discard(res.body);
        return { ...base, unchanged: true, body: Buffer.alloc(0) };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        discard(res.body);
        throw statusError(res.statusCode, current, header(h, "retry-after"));
      }
      const type = mediaType(base.contentType);
      const wanted = ACCEPT_TYPES[o.accept] as readonly string[];
      if (type !== null && wanted.length > 0 && !wanted.includes(type)) {
        discard(res.body);
        throw fetchError(
          FetchErrorCode.contentType,
          `${redact(current)} is ${type}, not ${wanted.join(" or ")}; this URL is not an article page`,
          { details: { contentType: type } },
        );
      }
      const body = await readBody(
        res.body,
        header(h, "content-encoding"),
        header(h, "content-length"),
        o.maxBytes,
        o.maxDecodedBytes,
        current,
      );
      // Whatever was asked for, a page, feed or robots.txt is text: untyped binary data
      // (an image, a PDF, an archive) would be parsed as HTML.
      if (type === null && looksBinary(body)) {
        throw fetchError(
          FetchErrorCode.contentType,
          `${redact(current)} sent binary data without a Content-Type; expected ${o.accept === "any" ? "text" : o.accept}`,
          {},
        );
      }
      return { ...base, unchanged: false, body };
    }
  } catch (err) {
    if (err instanceof HookFailure) throw err.inner;
    throw asFetchError(err, current, total);
  } finally {
    if (ownAgent) await agent.close().catch(() => undefined);
  }
}

/** Carries an error of the caller's `beforeRedirect` past the fetch error mapping. */
class HookFailure {
  constructor(readonly inner: unknown) {}
}

function acceptHeader(kind: AcceptKind): string {
  if (kind === "html") return "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
  if (kind === "feed")
    return "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";
  if (kind === "text") return "text/plain,*/*;q=0.1";
  return "*/*";
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** PDF, images, archives: magic numbers, or NUL bytes early on. */
function looksBinary(b: Buffer): boolean {
  const head = b.subarray(0, 512);
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return true;
  if (head[0] === 0x89 && head[1] === 0x50) return true; // PNG
  if (head[0] === 0xff && head[1] === 0xd8) return true; // JPEG
  if (head.subarray(0, 4).toString("latin1") === "GIF8") return true;
  if (head[0] === 0x50 && head[1] === 0x4b) return true; // zip
  return head.includes(0);
}

/** 429 and 503 ("come back later") have codes of their own; other statuses share one. */
function statusCode(status: number): FetchErrorCode {
  if (status === 429) return FetchErrorCode.http429;
  if (status === 503) return FetchErrorCode.http503;
  return FetchErrorCode.httpStatus;
}

function statusError(status: number, url: URL, retryAfter: string | null): NewsfiguresError {
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const asked = status === 429 || status === 503 ? parseRetryAfter(retryAfter) : null;
  const retryAfterMs = asked === null ? null : Math.min(asked, MAX_RETRY_AFTER_MS);
  const hint = retryable
    ? `try again later${retryAfterMs !== null ? ` (the server asks for ${Math.ceil(retryAfterMs / 1000)} s)` : ""}`
    : "the page is not available; check the URL";
  return fetchError(statusCode(status), `${redact(url)} answered HTTP ${status}; ${hint}`, {
    retryable,
    details: { status, url: redact(url), ...(retryAfterMs !== null ? { retryAfterMs } : {}) },
  });
}

async function readBody(
  body: Readable,
  encoding: string | null,
  contentLength: string | null,
  maxBytes: number,
  maxDecoded: number,
  url: URL,
): Promise<Buffer> {
  const declared = contentLength === null ? Number.NaN : Number(contentLength);
  if (declared > maxBytes) {
    discard(body);
    throw tooLarge(url, `declares ${declared} bytes`, maxBytes);
  }
  const enc = (encoding ?? "identity").trim().toLowerCase();
  let raw = 0;
  const counted = body.on("data", (c: Buffer) => {
    raw += c.length;
    if (raw > maxBytes) body.destroy(tooLarge(url, "sent more", maxBytes));
  });
  let stream: Readable = counted;
  if (enc === "gzip" || enc === "x-gzip") stream = counted.pipe(zlib.createGunzip());
  else if (enc === "br") stream = counted.pipe(zlib.createBrotliDecompress());
  else if (enc === "deflate") stream = counted.pipe(zlib.createInflate());
  else if (enc !== "identity" && enc !== "") {
    discard(body);
    throw fetchError(
      FetchErrorCode.decompress,
      `${redact(url)} uses content-encoding "${enc}", which is not supported`,
      {},
    );
  }
  if (stream !== counted) counted.on("error", (e) => stream.destroy(e));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const c = chunk as Buffer;
      size += c.length;
      if (size > (stream === counted ? maxBytes : maxDecoded)) {
        discard(body);
        discard(stream);
        throw tooLarge(
          url,
          stream === counted ? "sent more" : "decompresses to more",
          stream === counted ? maxBytes : maxDecoded,
        );
      }
      chunks.push(c);
    }
  } catch (err) {
    if (err instanceof NewsfiguresError) throw err;
    if (
      (err as { code?: string }).code?.startsWith("Z_") ||
      (err as { errno?: number }).errno !== undefined
    ) {
      throw fetchError(
        FetchErrorCode.decompress,
        `${redact(url)}: the ${enc} body is corrupt (${(err as Error).message})`,
        { cause: err, retryable: true },
      );
    }
    throw err;
  }
  return Buffer.concat(chunks);
}

/** Drop a body we will not read; its abort error is expected, not news. */
function discard(stream: Readable): void {
  stream.on("error", () => undefined);
  stream.destroy();
}

function tooLarge(url: URL, what: string, cap: number): NewsfiguresError {
  return fetchError(
    FetchErrorCode.tooLarge,
    `${redact(url)} ${what} than the ${cap}-byte cap; raise maxBytes only for trusted sources`,
    { details: { cap } },
  );
}

function asFetchError(err: unknown, url: URL, total: AbortSignal): NewsfiguresError {
  if (err instanceof NewsfiguresError) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof NewsfiguresError) return cause;
  const e = err as { name?: string; code?: string; message?: string };
  if (
    total.aborted ||
    e.name === "TimeoutError" ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err instanceof undiciErrors.ConnectTimeoutError
  ) {
    return fetchError(
      FetchErrorCode.timeout,
      `${redact(url)} did not answer in time (${e.code ?? e.name ?? "timeout"}); try again later`,
      { cause: err, retryable: true },
    );
  }
  return fetchError(
    FetchErrorCode.network,
    `${redact(url)}: ${e.code ?? ""} ${e.message ?? String(err)}`.trim(),
    { cause: err, retryable: true },
  );
}
