/**
 * The overview's whole-store counts, counted at most once per STATS_MAX_AGE_MS. Counting
 * reads an index of every record (seconds at millions of records), too slow for every
 * page view; the answer carries the time it was counted so the page says how old it is.
 * A stale answer is given at once while a recount runs in the background (one at a time);
 * a recount that fails is reported to the next request, which then counts again.
 */
import type { StoreStats } from "../store/types.js";

/** How old the counts may get before a request starts a recount. */
export const STATS_MAX_AGE_MS = 60_000;

export interface CountedStats {
  stats: StoreStats;
  /** When these counts were read from the store (ISO UTC). */
  countedAt: string;
}

export function statsCache(
  count: () => Promise<StoreStats>,
  maxAgeMs = STATS_MAX_AGE_MS,
  now: () => number = Date.now,
): () => Promise<CountedStats> {
  let last: { value: CountedStats; at: number } | null = null;
  let running: Promise<CountedStats> | null = null;
  let failed: unknown = null;
  const recount = (): Promise<CountedStats> => {
    if (running !== null) return running;
    const started = now();
    running = count()
      .then((stats) => {
        const value = { stats, countedAt: new Date(started).toISOString() };
        last = { value, at: started };
        return value;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return async () => {
    if (failed !== null) {
      const err = failed;
      failed = null;
      throw err;
    }
    if (last === null) return recount();
    if (now() - last.at >= maxAgeMs && running === null)
      recount().catch((err: unknown) => {
        failed = err;
      });
    return last.value;
  };
}
