/**
 * Waiting for one `ingest` run to finish: its discover job done and every article it
 * queued done or failed. Jobs of the run that were deduplicated into jobs of an earlier
 * run are not counted twice: the wait also ends when the queues have nothing left.
 */
import type { Queues } from "./queues.js";
import type { RunCounts, RunTracker } from "./run-tracker.js";

export interface WaitOptions {
  timeoutMs?: number;
  pollMs?: number;
  onProgress?: (counts: RunCounts) => void;
}

async function idle(queues: Queues): Promise<boolean> {
  for (const q of [queues.discover, queues.fetch, queues.extract]) {
    const c = await q.getJobCounts(
      "waiting",
      "active",
      "delayed",
      "prioritized",
      "waiting-children",
    );
    if (Object.values(c).some((n) => n > 0)) return false;
  }
  return true;
}

export async function waitForRun(
  tracker: RunTracker,
  queues: Queues,
  runId: string,
  options: WaitOptions = {},
): Promise<RunCounts> {
  const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
  const pollMs = options.pollMs ?? 200;
  let idleSince: number | null = null;
  for (;;) {
    const counts = await tracker.read(runId);
    options.onProgress?.(counts);
    if (counts.discovered && counts.done + counts.failed + counts.deferred >= counts.total)
      return counts;
    const discoverJob = await queues.discover.getJob(`discover-${runId}`);
    const discoverFailed = discoverJob ? await discoverJob.isFailed() : false;
    if (discoverFailed) return counts;
    // Idle twice in a row, a poll apart: a job moving between states is not "idle".
    if (counts.discovered && (await idle(queues))) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= pollMs) return counts;
    } else {
      idleSince = null;
    }
    if (Date.now() > deadline) return counts;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
