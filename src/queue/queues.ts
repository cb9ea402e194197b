/**
 * The three queues and how jobs are added to them. Every key lives under one prefix so
 * deployments and test runs can share a Redis (wrap it in `{…}` for Redis Cluster).
 */
import { type JobsOptions, Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Pipeline } from "../pipeline/schema.js";
import { BACKOFF_TYPE } from "./errors.js";
import { extractJobId, fetchJobId } from "./job-id.js";
import {
  type DiscoverJob,
  type ExtractJob,
  type FetchJob,
  type PipelineRef,
  QUEUE_NAMES,
  type QueueName,
} from "./jobs.js";
import { REDIS_CONNECT_TIMEOUT_MS } from "./redis-health.js";

/**
 * Attempts and backoff for transient failures: 1 s, 2 s, 4 s, 8 s … each ±50 %, at least a
 * 429/503's Retry-After (`backoffDelay`, which every worker registers). Fetch jobs take
 * their attempts from the pipeline (`fetch.attempts`).
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: BACKOFF_TYPE, delay: 1000 },
  // Completed jobs are kept a day so their deterministic ids keep deduplicating; extract
  // jobs carry page bodies, so fewer of them are kept.
  removeOnComplete: { age: 24 * 3600, count: 20_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 20_000 },
};

const EXTRACT_JOB_OPTIONS: JobsOptions = {
  ...DEFAULT_JOB_OPTIONS,
  removeOnComplete: { age: 3600, count: 1000 },
};

/**
 * A Redis connection for BullMQ. Workers (`wait: true`) get `maxRetriesPerRequest: null`
 * so commands wait for a restarted Redis instead of failing, which is what lets workers
 * ride out a restart. Commands a person waits for (`wait: false`) fail within seconds
 * instead; `assertRedisReachable` turns that into NF_QUEUE_REDIS_UNREACHABLE.
 */
export function createRedis(
  url: string,
  onError: (err: Error) => void = () => {},
  options: { wait?: boolean } = {},
): Redis {
  const wait = options.wait ?? true;
  const redis = new Redis(url, {
    maxRetriesPerRequest: wait ? null : 1,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    enableReadyCheck: true,
    retryStrategy: (n) => Math.min(n * 200, 2000),
  });
  // ioredis reconnects by itself; without a listener it would print every failed attempt.
  redis.on("error", onError);
  return redis;
}

export interface Queues {
  discover: Queue<DiscoverJob>;
  fetch: Queue<FetchJob>;
  extract: Queue<ExtractJob>;
  byName(name: QueueName): Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string): Queues {
  const opts = { connection, prefix };
  const discover = new Queue<DiscoverJob>("discover", {
    ...opts,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  const fetch = new Queue<FetchJob>("fetch", { ...opts, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const extract = new Queue<ExtractJob>("extract", {
    ...opts,
    defaultJobOptions: EXTRACT_JOB_OPTIONS,
  });
  const all = { discover, fetch, extract } as Record<QueueName, Queue>;
  for (const q of Object.values(all)) q.on("error", () => {});
  return {
    discover,
    fetch,
    extract,
    byName: (name) => all[name],
    async close() {
      await Promise.all(Object.values(all).map((q) => q.close()));
    },
  };
}

/** Workers connected to each queue now (BullMQ names their Redis connections). */
export async function workerCounts(queues: Queues): Promise<Record<QueueName, number>> {
  const out = {} as Record<QueueName, number>;
  for (const name of QUEUE_NAMES) out[name] = (await queues.byName(name).getWorkers()).length;
  return out;
}

/** The queues no worker is taking jobs from, given `workerCounts`. */
export function idleQueues(counts: Record<QueueName, number>): QueueName[] {
  return QUEUE_NAMES.filter((name) => counts[name] === 0);
}

export function pipelineRef(p: Pipeline, runId: string | null): PipelineRef {
  return { name: p.spec.name, dir: p.dir, store: p.spec.store ?? null, runId };
}

/** Queue one poll of every source of a pipeline. */
export async function enqueueDiscover(
  queues: Queues,
  p: Pipeline,
  runId: string | null,
): Promise<void> {
  await queues.discover.add(
    p.spec.name,
    { pipeline: pipelineRef(p, runId), spec: p.spec },
    runId ? { jobId: `discover-${runId}` } : {},
  );
}

/** What `enqueueFetches` did with each reference: none is dropped without a reason. */
export interface EnqueueResult {
  queued: number;
  /** References not queued, with why (already in flight, failed before). */
  skipped: { what: string; reason: string }[];
}

/**
 * Queue article fetches, one round trip per chunk (a feed lists hundreds). A URL whose job
 * for the same store is in flight is not queued twice; one that failed before stays
 * failed (for `failed retry`); one that completed is queued again, because the caller
 * asked only for URLs its store does not hold (wiped, or due for a re-check).
 */
export async function enqueueFetches(queues: Queues, jobs: FetchJob[]): Promise<EnqueueResult> {
  const out: EnqueueResult = { queued: 0, skipped: [] };
  for (let i = 0; i < jobs.length; i += 500) {
    const chunk = jobs.slice(i, i + 500).map((data) => ({
      data,
      id: fetchJobId(data.ref.url, data.pipeline.store),
    }));
    const states = await Promise.all(chunk.map((j) => queues.fetch.getJobState(j.id)));
    const add: typeof chunk = [];
    for (const [k, j] of chunk.entries()) {
      const state = states[k];
      if (state === "completed" || state === "unknown") add.push(j);
      else
        out.skipped.push({
          what: j.data.ref.url,
          reason:
            state === "failed"
              ? "failed earlier; see `newsfigures failed` and retry it from there"
              : `already queued (${state}) by another run`,
        });
    }
    // Completed jobs are kept only to show; removed together, not one round trip each.
    await Promise.all(
      chunk.filter((_, k) => states[k] === "completed").map((j) => queues.fetch.remove(j.id)),
    );
    await queues.fetch.addBulk(
      add.map(({ data, id }) => ({
        name: "fetch",
        data,
        opts: { jobId: id, deduplication: { id }, attempts: data.fetch.attempts },
      })),
    );
    out.queued += add.length;
  }
  return out;
}

/**
 * Queue an extraction. Content-addressed ids mean the same page in flight twice is
 * extracted once, a changed one again.
 */
export async function enqueueExtract(
  queues: Queues,
  data: ExtractJob,
  content: string | Buffer,
): Promise<void> {
  const id = extractJobId(data.ref.url, content, data.pipeline.store);
  // A finished job of the same page is kept only to show; the fetch that got here decided
  // the page is to be stored (its store may have lost it), so it runs again.
  if ((await queues.extract.getJobState(id)) === "completed") await queues.extract.remove(id);
  await queues.extract.add("extract", data, { jobId: id, deduplication: { id } });
}
