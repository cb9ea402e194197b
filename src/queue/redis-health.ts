/**
 * Saying "Redis is not there" within seconds instead of waiting for it forever. The queue
 * commands a person waits for (`status`, `failed`, `ingest`) and the worker's start and
 * stop ask a short-lived probe connection first; errors of a lost connection later on are
 * reported with the same code.
 */
import { Redis } from "ioredis";
import { NewsfiguresError } from "../errors.js";
import { redactUrl } from "../log.js";

export const REDIS_CONNECT_TIMEOUT_MS = 3000;
/** How long the probe waits for PONG before giving up. */
export const REDIS_PROBE_TIMEOUT_MS = 5000;

export function redisUnreachable(url: string, cause?: unknown): NewsfiguresError {
  const why = cause instanceof Error ? ` (${cause.message})` : "";
  return new NewsfiguresError(
    "NF_QUEUE_REDIS_UNREACHABLE",
    `Redis at ${redactUrl(url)} is not answering${why}; start it or fix REDIS_URL (queued jobs are kept in Redis and go on when it is back)`,
    { cause, retryable: true },
  );
}

/** Throws NF_QUEUE_REDIS_UNREACHABLE unless Redis at `url` answers PING within `timeoutMs`. */
export async function assertRedisReachable(
  url: string,
  timeoutMs = REDIS_PROBE_TIMEOUT_MS,
): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: Math.min(REDIS_CONNECT_TIMEOUT_MS, timeoutMs),
    retryStrategy: () => null,
  });
  let last: unknown;
  probe.on("error", (err) => {
    last = err;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe.connect().then(() => probe.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (err) {
    throw redisUnreachable(url, last ?? err);
  } finally {
    clearTimeout(timer);
    probe.disconnect();
  }
}

/** Whether an error means the Redis connection is gone (not a command's own failure). */
export function isRedisConnectionError(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string } | null;
  if (!e) return false;
  return (
    e.name === "MaxRetriesPerRequestError" ||
    e.code === "ECONNREFUSED" ||
    e.code === "ECONNRESET" ||
    e.code === "ETIMEDOUT" ||
    /Connection is closed|Stream isn't writeable/.test(e.message ?? "")
  );
}
