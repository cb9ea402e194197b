/**
 * `newsfigures failed list [--queue Q] [--limit N]` and `failed retry [--queue Q] [ID…]`:
 * the failed set, each job with its error code and reason, and putting jobs back.
 */
import type { Command } from "commander";
import { NewsfiguresError } from "../../errors.js";
import { codeOfReason } from "../../queue/errors.js";
import { QUEUE_NAMES, type QueueName } from "../../queue/jobs.js";
import { createQueues, createRedis, type Queues } from "../../queue/queues.js";
import type { CliContext } from "../context.js";
import { positiveInt, requireRedis } from "./queue-common.js";

function queuesFlag(value: string | undefined): QueueName[] {
  if (value === undefined) return [...QUEUE_NAMES];
  if (!(QUEUE_NAMES as readonly string[]).includes(value)) {
    throw new NewsfiguresError(
      "NF_CLI_BAD_FLAG",
      `--queue must be one of ${QUEUE_NAMES.join(", ")}, not "${value}"`,
    );
  }
  return [value as QueueName];
}

async function withQueues<T>(ctx: CliContext, fn: (q: Queues) => Promise<T>): Promise<T> {
  const redis = createRedis(requireRedis(ctx, "failed"));
  const queues = createQueues(redis, ctx.config().queuePrefix);
  try {
    return await fn(queues);
  } finally {
    await queues.close();
    redis.disconnect();
  }
}

export function registerFailed(program: Command, ctx: CliContext): void {
  const failed = program
    .command("failed")
    .description("list or retry failed queue jobs (needs REDIS_URL)");
  failed
    .command("list")
    .description("failed jobs, newest first, as JSON lines: queue, id, code, reason, url, attempts")
    .option("--queue <name>", "only this queue")
    .option("--limit <n>", "at most this many per queue", "50")
    .action(async (opts: { queue?: string; limit: string }) => {
      const limit = positiveInt("--limit", opts.limit);
      await withQueues(ctx, async (queues) => {
        for (const name of queuesFlag(opts.queue)) {
          for (const j of await queues.byName(name).getFailed(0, limit - 1)) {
            const data = j.data as { ref?: { url?: string }; pipeline?: { name?: string } };
            await ctx.stdout(
              `${JSON.stringify({ queue: name, id: j.id, code: codeOfReason(j.failedReason), reason: j.failedReason, pipeline: data.pipeline?.name ?? null, url: data.ref?.url ?? null, attempts: j.attemptsMade, failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null })}\n`,
            );
          }
        }
      });
    });
  failed
    .command("retry")
    .description("put failed jobs back in their queue: the ids given, or all of them")
    .argument("[ids...]", "job ids (from failed list); none: every failed job")
    .option("--queue <name>", "only this queue")
    .action(async (ids: string[], opts: { queue?: string }) => {
      await withQueues(ctx, async (queues) => {
        let retried = 0;
        for (const name of queuesFlag(opts.queue)) {
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
