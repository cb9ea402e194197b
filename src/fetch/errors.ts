/**
 * The fetch stage's error codes. Callers (the queue edge) branch on `code` and
 * `retryable`; 429 and 503 (NF_FETCH_HTTP_429, NF_FETCH_HTTP_503) carry
 * `details.retryAfterMs` (capped at MAX_RETRY_AFTER_MS) when the server sent Retry-After.
 */
import { causeChain, isNewsfiguresError, NewsfiguresError } from "../errors.js";

export const FetchErrorCode = {
  timeout: "NF_FETCH_TIMEOUT",
  tooLarge: "NF_FETCH_TOO_LARGE",
  blockedAddress: "NF_FETCH_BLOCKED_ADDRESS",
  httpStatus: "NF_FETCH_HTTP_STATUS",
  http429: "NF_FETCH_HTTP_429",
  http503: "NF_FETCH_HTTP_503",
  robotsDisallowed: "NF_FETCH_ROBOTS_DISALLOWED",
  robotsUnavailable: "NF_FETCH_ROBOTS_UNAVAILABLE",
  contentType: "NF_FETCH_CONTENT_TYPE",
  tooManyRedirects: "NF_FETCH_TOO_MANY_REDIRECTS",
  redirectLoop: "NF_FETCH_REDIRECT_LOOP",
  badRedirect: "NF_FETCH_BAD_REDIRECT",
  badUrl: "NF_FETCH_BAD_URL",
  network: "NF_FETCH_NETWORK",
  decompress: "NF_FETCH_DECOMPRESS",
} as const;
export type FetchErrorCode = (typeof FetchErrorCode)[keyof typeof FetchErrorCode];

export function fetchError(
  code: FetchErrorCode,
  message: string,
  options: { cause?: unknown; retryable?: boolean; details?: Record<string, unknown> } = {},
): NewsfiguresError {
  return new NewsfiguresError(code, message, options);
}

/** Longest Retry-After honoured (a server may ask for days); a later answer waits this long. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Retry-After (delta-seconds or HTTP-date) -> milliseconds from `now`, or null. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** The Retry-After (ms) a failure carries, on itself or on one of its causes; 0 when none. */
export function retryAfterOf(err: unknown): number {
  for (const e of causeChain(err)) {
    const ms = isNewsfiguresError(e) ? e.details.retryAfterMs : undefined;
    if (typeof ms === "number" && ms > 0) return ms;
  }
  return 0;
}
