/**
 * The worker adapter: BullMQ workers over the pipeline's stage functions, one processor
 * per queue (src/queue/processors/), all sharing one context (worker-context.ts) and one
 * wrapper (wrap-processor.ts) that validates job data and decides retries.
 */
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { backoffDelay } from "./errors.js";
import { QUEUE_NAMES, type QueueName } from "./jobs.js";
import { discoverProcessor } from "./processors/discover.js";
import { extractProcessor } from "./processors/extract.js";
import { fetchProcessor } from "./processors/fetch.js";
import type { Queues } from "./queues.js";
import { createWorkerContext, type WorkerDeps, type WorkerOptions } from "./worker-context.js";
import type { Processor } from "./wrap-processor.js";

export type { WorkerDeps, WorkerOptions } from "./worker-context.js";

export interface RunningWorkers {
  workers: Worker[];
  queues: Queues;
  /** Finish the jobs in hand, then close every connection. */
  close(): Promise<void>;
}

export function startWorkers(deps: WorkerDeps, options: WorkerOptions = {}): RunningWorkers {
  const names = options.queues ?? QUEUE_NAMES;
  const ctx = createWorkerContext(deps, options, names);
  const processors: Record<QueueName, Processor> = {
    discover: discoverProcessor(ctx),
    fetch: fetchProcessor(ctx),
    extract: extractProcessor(ctx),
  };

  const connections: Redis[] = [ctx.shared];
  const workerOpts = (name: QueueName, concurrency: number) => ({
    connection: connections[connections.push(deps.connect()) - 1] as Redis,
    prefix: deps.prefix,
    concurrency,
    autorun: true,
    ...(options.stalledInterval !== undefined ? { stalledInterval: options.stalledInterval } : {}),
    ...(options.lockDuration !== undefined ? { lockDuration: options.lockDuration } : {}),
    ...(options.maxStalledCount !== undefined ? { maxStalledCount: options.maxStalledCount } : {}),
    name: `${name}-${options.workerName ?? process.pid}`,
    settings: { backoffStrategy: backoffDelay },
  });

  const workers = names.map((name) => {
    const concurrency =
      name === "fetch"
        ? (options.concurrency ?? 16)
        : name === "extract"
          ? (options.extractConcurrency ?? 16)
          : 1;
    const w = new Worker(name, processors[name], workerOpts(name, concurrency));
    // Connection errors are retried by ioredis; log them instead of crashing on 'error'.
    w.on("error", (err) => deps.logger.warn({ err, queue: name }, "worker connection error"));
    // A deferred page's job goes, so that the next run can queue the page again.
    w.on("completed", (job, result) => {
      if ((result as { status?: string } | undefined)?.status === "deferred")
        job.remove().catch(() => {});
    });
    return w;
  });

  return {
    workers,
    queues: ctx.queues,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await ctx.pool?.close();
      await ctx.queues.close();
      for (const s of ctx.stores.values()) await s.then((st) => st.close()).catch(() => {});
      // Connections passed in are ours to close, not BullMQ's.
      for (const c of connections) c.disconnect();
    },
  };
}
