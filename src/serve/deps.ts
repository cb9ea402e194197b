/** What the server's routes are given: the store, and the queues when REDIS_URL is set. */
import type { QueueStatus } from "../cli/commands/status.js";
import { NewsfiguresError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/types.js";
import type { CountedStats } from "./stats-cache.js";

export interface ServeDeps {
  store: Store;
  /** Present when REDIS_URL is set: the queues' counts and recent failures. */
  queueStatus?: () => Promise<QueueStatus>;
  logger?: Logger;
}

/** What the routes get: the deps with the overview's counts behind their cache. */
export interface RoutedDeps extends ServeDeps {
  stats: () => Promise<CountedStats>;
}

/** How long a page waits for Redis before it shows the queues as unavailable. */
export const QUEUE_TIMEOUT_MS = 3000;

/**
 * The queues' status, or NF_SERVE_QUEUES_UNAVAILABLE (503) within QUEUE_TIMEOUT_MS: the
 * queue connection waits for Redis to come back rather than failing, which suits workers
 * but would hold a page open for as long as Redis is down.
 */
export async function boundedQueueStatus(
  read: () => Promise<QueueStatus>,
  ms = QUEUE_TIMEOUT_MS,
): Promise<QueueStatus> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new NewsfiguresError(
            "NF_SERVE_QUEUES_UNAVAILABLE",
            `Redis did not answer within ${ms} ms; check REDIS_URL and that Redis is running`,
            { retryable: true },
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([read(), late]);
  } finally {
    clearTimeout(timer);
  }
}
