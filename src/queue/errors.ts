/**
 * Retry behaviour, decided here and nowhere else:
 * - pacing delay  -> the job is moved to delayed (no attempt used);
 * - transient     -> rethrown: BullMQ retries it after `backoffDelay` (exponential with
 *                    jitter, and never sooner than the Retry-After of a 429 or 503);
 * - permanent     -> UnrecoverableError: straight to the failed set.
 * A 429 or 503 is a transient failure like any other: it uses an attempt, so a page that
 * always answers it fails after the pipeline's `fetch.attempts` with NF_FETCH_HTTP_429 or
 * NF_FETCH_HTTP_503. Its Retry-After holds back that host only (the pacer, see
 * pipeline/paced-fetch.ts), never the queue. Every failure message starts with its error
 * code, so the failed set keeps both.
 */
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import { causeChain, errorCode, isNewsfiguresError } from "../errors.js";
import { retryAfterOf } from "../fetch/errors.js";
import { PaceDelay } from "./pacing.js";

/** Error codes of the network and of PostgreSQL that mean "try again later". */
const TRANSIENT_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "08000",
  "08003",
  "08006",
  "SQLITE_BUSY",
]);

export type ErrorClass = "pace" | "transient" | "permanent";

export function classifyError(err: unknown): ErrorClass {
  if (err instanceof PaceDelay) return "pace";
  if (isNewsfiguresError(err)) {
    // A store error without an SQLSTATE never got the server's verdict (connection refused,
    // reset or terminated): transient, whatever its own flag says.
    const pgCode = err.details.pgCode;
    if (
      err.code === "NF_STORE_QUERY_FAILED" &&
      !(typeof pgCode === "string" && /^[0-9A-Z]{5}$/.test(pgCode))
    )
      return "transient";
    // A store error caused by a dropped connection is transient whatever its own flag says.
    if (
      err.retryable ||
      causeChain(err).some((e) => TRANSIENT_ERRNO.has(String((e as { code?: unknown }).code)))
    )
      return "transient";
    return "permanent";
  }
  if (
    err instanceof ZodError ||
    err instanceof TypeError ||
    err instanceof RangeError ||
    err instanceof SyntaxError
  )
    return "permanent";
  // Unknown errors (driver, Redis, network) are retried: attempts are bounded anyway.
  return "transient";
}

/** A failure as the failed set and a run's report keep it: `CODE: message`. */
export function failureReason(err: unknown): string {
  return `${errorCode(err)}: ${err instanceof Error ? err.message : String(err)}`;
}

/** The name of our backoff in job options; workers pass `backoffDelay` as its strategy. */
export const BACKOFF_TYPE = "nf-backoff";
const BACKOFF_BASE_MS = 1000;

/**
 * How long a failed job waits before its next attempt: 1 s, 2 s, 4 s, 8 s … each between
 * half and all of it (jitter), and never less than the Retry-After the server sent.
 */
export function backoffDelay(
  attemptsMade: number,
  _type?: string,
  err?: Error,
  job?: Pick<Job, "opts">,
): number {
  const b = job?.opts.backoff;
  const base = typeof b === "object" && b.delay !== undefined ? b.delay : BACKOFF_BASE_MS;
  const max = 2 ** Math.max(0, attemptsMade - 1) * base;
  const exponential = Math.floor(max / 2 + (Math.random() * max) / 2);
  return Math.max(exponential, retryAfterOf(err));
}

/**
 * Turn a failure into what BullMQ should do with the job. Always throws.
 */
export async function handleJobError(
  err: unknown,
  job: Job,
  token: string | undefined,
): Promise<never> {
  const cls = classifyError(err);
  if (cls === "pace") {
    await job.moveToDelayed(Date.now() + (err as PaceDelay).delayMs, token);
    throw new DelayedError();
  }
  if (cls === "permanent") throw new UnrecoverableError(failureReason(err));
  const e = new Error(failureReason(err), { cause: err });
  e.name = "TransientError";
  throw e;
}

export function isControlError(err: unknown): boolean {
  return err instanceof DelayedError;
}
