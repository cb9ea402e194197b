/**
 * Per-host pacing inside one process (inline runs). Each caller reserves the next free
 * slot for its host before waiting, so concurrent callers never share a slot. The queue
 * uses the Redis pacer instead, shared by every worker on every machine.
 */
import type { Pacer } from "./deps.js";

export function createLocalPacer(now: () => number = Date.now): Pacer {
  const next = new Map<string, number>();
  return {
    async pace(url, minIntervalMs) {
      // Asked even with no interval: a Retry-After may have pushed the host's turn ahead.
      if (url.startsWith("file:")) return;
      const host = new URL(url).host;
      const t = now();
      const slot = Math.max(t, next.get(host) ?? 0);
      next.set(host, slot + minIntervalMs);
      if (slot > t) await new Promise((r) => setTimeout(r, slot - t + 1));
    },
    async settle(url, minIntervalMs) {
      if (minIntervalMs <= 0 || url.startsWith("file:")) return;
      const host = new URL(url).host;
      next.set(host, Math.max(next.get(host) ?? 0, now() + minIntervalMs));
    },
  };
}
