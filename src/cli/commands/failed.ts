/**
 * `newsfigures failed list [--queue Q] [--limit N]` and `failed retry [--queue Q] [ID…]`:
 * the failed set, each job with its error code and reason, and putting jobs back.
 */
import type { Command } from "commander";
import { errorCode } from "../../errors.js";
import type { CliContext } from "../context.js";
import { intFlag, queueNames } from "../flags.js";
import { withQueues } from "./queue-common.js";

export function registerFailed(program: Command, ctx: CliContext): void {
  const failed = program
    .command("failed")
    .description("list or retry failed queue jobs (needs REDIS_URL)");
  failed
    .command("list")
    .description("failed jobs, newest first, as JSON lines: queue, id, code, reason, url, attempts")
    .option("--queue <names>", "only these queues (comma-separated)")
    .option("--limit <n>", "at most this many per queue", "50")
    .action(async (opts: { queue?: string; limit: string }) => {
      const limit = intFlag("--limit", opts.limit, { max: 1000 });
      const names = queueNames("--queue", opts.queue);
      await withQueues(ctx, "failed", async (queues) => {
        for (const name of names) {
          for (const j of await queues.byName(name).getFailed(0, limit - 1)) {
            const data = j.data as { ref?: { url?: string }; pipeline?: { name?: string } };
            await ctx.stdout(
              `${JSON.stringify({ queue: name, id: j.id, code: errorCode(j.failedReason), reason: j.failedReason, pipeline: data.pipeline?.name ?? null, url: data.ref?.url ?? null, attempts: j.attemptsMade, failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null })}\n`,
            );
          }
        }
      });
    });
  failed
    .command("retry")
    .description("put failed jobs back in their queue: the ids given, or all of them")
    .argument("[ids...]", "job ids (from failed list); none: every failed job")
    .option("--queue <names>", "only these queues (comma-separated)")
    .action(async (ids: string[], opts: { queue?: string }) => {
      const names = queueNames("--queue", opts.queue);
      await withQueues(ctx, "failed", async (queues) => {
        let retried = 0;
        for (const name of names) {
          const q = queues.byName(name);
          if (ids.length === 0) {
            const n = await q.getFailedCount();
            await q.retryJobs({ state: "failed", count: 1000 });
            retried += n;
            continue;
          }
          for (const id of ids) {
            const job = await q.getJob(id);
            if (job && (await job.isFailed())) {
              await job.retry("failed");
              retried++;
            }
          }
        }
        await ctx.stdout(`retried ${retried} job(s)\n`);
        if (ids.length > 0 && retried < ids.length)
          ctx.stderr(
            `newsfigures failed retry: ${ids.length - retried} id(s) were not failed jobs (see failed list)\n`,
          );
      });
    });
}
