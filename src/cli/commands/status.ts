/**
 * `newsfigures status`: job counts per queue, the latest failures with their codes,
 * each pipeline's last poll and its scheduler, and the hosts paused by the circuit breaker
 * (too many failures in a row in one run) with why.
 */
import type { Command } from "commander";
import { errorCode } from "../../errors.js";
import type { QueueName } from "../../queue/queue-names.js";
import type { Queues } from "../../queue/queues.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { withQueues } from "./queue-common.js";

const STATES = ["waiting", "active", "delayed", "completed", "failed"] as const;
const COLUMNS = [...STATES, "workers"] as const;

export interface QueueStatus {
  /** Jobs per state, and workers, per queue. */
  counts: Record<string, Record<string, number>>;
  workers: Record<QueueName, number>;
  /** The latest failures of each queue (ten at most), with their NF_* codes. */
  failed: Array<{ queue: string; id: string; code: string; reason: string; at: string | null }>;
}

/** Job counts and recent failures of every queue (`status` and `serve` show these). */
export async function queueStatus(queues: Queues): Promise<QueueStatus> {
  const { workerCounts } = await import("../../queue/queues.js");
  const counts: Record<string, Record<string, number>> = {};
  const workers = await workerCounts(queues);
  for (const q of [queues.discover, queues.fetch, queues.extract])
    counts[q.name] = {
      ...(await q.getJobCounts(...STATES)),
      workers: workers[q.name as QueueName],
    };
  const failed: QueueStatus["failed"] = [];
  for (const q of [queues.discover, queues.fetch, queues.extract]) {
    for (const j of await q.getFailed(0, 9)) {
      failed.push({
        queue: q.name,
        id: j.id ?? "",
        code: errorCode(j.failedReason),
        reason: j.failedReason,
        at: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      });
    }
  }
  return { counts, workers, failed };
}

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command("status")
    .description(
      "queue counts, recent failures and reasons, last run per pipeline (needs REDIS_URL)",
    )
    .option("--format <format>", "text (default) or json", "text")
    .action(async (opts: { format: string }) => {
      const prefix = (await ctx.config()).queuePrefix;
      const { HostBreaker } = await import("../../queue/host-breaker.js");
      const { idleQueues } = await import("../../queue/queues.js");
      const { RunTracker } = await import("../../queue/run-tracker.js");
      const { SCHEDULER_PREFIX } = await import("../../queue/schedule.js");
      await withQueues(ctx, "status", async (queues, redis) => {
        const { counts, workers, failed } = await queueStatus(queues);
        const lastRuns = await new RunTracker(redis, prefix).lastRuns();
        const paused = await new HostBreaker(redis, prefix).list();
        const schedulers = (await queues.discover.getJobSchedulers(0, -1)).filter((s) =>
          s.key.startsWith(SCHEDULER_PREFIX),
        );
        if (opts.format === "json") {
          await ctx.stdout(
            `${JSON.stringify({ prefix, counts, failed, pausedHosts: paused, lastRuns, schedulers: schedulers.map((s) => ({ id: s.key, pattern: s.pattern ?? null, every: s.every ?? null, next: s.next ? new Date(s.next).toISOString() : null })) })}\n`,
          );
          return;
        }
        const rows = Object.entries(counts).map(([q, c]) => [
          q,
          ...COLUMNS.map((s) => String(c[s] ?? 0)),
        ]);
        await ctx.stdout(
          `Queues (prefix ${prefix})\n${formatTable(["queue", ...COLUMNS], rows, 12)}\n\n`,
        );
        const idle = idleQueues(workers);
        if (idle.length > 0)
          await ctx.stdout(
            `No worker is taking ${idle.join(", ")} jobs: start \`newsfigures worker\` with this REDIS_URL and prefix.\n\n`,
          );
        const runs = Object.entries(lastRuns).map(([name, r]) => {
          const sch = schedulers.find((s) => s.key === `${SCHEDULER_PREFIX}${name}`);
          return [
            name,
            r.at,
            String(r.found),
            String(r.enqueued),
            sch ? (sch.pattern ?? `every ${sch.every} ms`) : "-",
          ];
        });
        await ctx.stdout(
          `Pipelines\n${runs.length > 0 ? formatTable(["pipeline", "last poll", "found", "new", "schedule"], runs, 30) : "  (no run yet)"}\n\n`,
        );
        if (paused.length > 0) {
          const prow = paused.map((h) => [h.host, h.pipeline, h.run, h.until, h.reason]);
          await ctx.stdout(
            `Paused hosts (their pages wait for the next run)\n${formatTable(["host", "pipeline", "run", "until", "last failure"], prow, 200)}\n\n`,
          );
        }
        // The code has its own column; the reason follows it once, whole.
        const frows = failed.map((f) => [f.queue, f.id, f.code, withoutCode(f.reason, f.code)]);
        await ctx.stdout(
          `Recent failures\n${frows.length > 0 ? formatTable(["queue", "job", "code", "reason"], frows, 400) : "  (none)"}\n`,
        );
      });
    });
}

function withoutCode(reason: string | undefined, code: string): string {
  const r = reason ?? "";
  return r.startsWith(`${code}: `) ? r.slice(code.length + 2) : r;
}
