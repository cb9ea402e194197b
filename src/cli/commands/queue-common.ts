/** What the queue commands share: REDIS_URL is required, and says so; queues are closed after. */
import type { Redis } from "ioredis";
import { NewsfiguresError } from "../../errors.js";
import type { Queues } from "../../queue/queues.js";
import type { CliContext } from "../context.js";

export async function requireRedis(ctx: CliContext, command: string): Promise<string> {
  const url = (await ctx.config()).redisUrl;
  if (!url) {
    throw new NewsfiguresError(
      "NF_QUEUE_NO_REDIS",
      `${command} needs Redis: set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379); without Redis, run pipelines inline with newsfigures ingest PIPELINE.yaml`,
    );
  }
  return url;
}

/**
 * Connect to REDIS_URL, run `fn` with the queues under the configured prefix, always
 * disconnect. Redis not answering, at the start or later, is NF_QUEUE_REDIS_UNREACHABLE
 * within seconds, never a wait without end.
 */
export async function withQueues<T>(
  ctx: CliContext,
  command: string,
  fn: (queues: Queues, redis: Redis) => Promise<T>,
): Promise<T> {
  const url = await requireRedis(ctx, command);
  const { createQueues, createRedis } = await import("../../queue/queues.js");
  const { assertRedisReachable, isRedisConnectionError, redisUnreachable } = await import(
    "../../queue/redis-health.js"
  );
  await assertRedisReachable(url);
  const redis = createRedis(url, () => {}, { wait: false });
  const queues = createQueues(redis, (await ctx.config()).queuePrefix);
  try {
    return await fn(queues, redis);
  } catch (err) {
    throw isRedisConnectionError(err) ? redisUnreachable(url, err) : err;
  } finally {
    redis.disconnect();
    await queues.close().catch(() => {});
  }
}
