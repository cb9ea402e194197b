/**
 * What every job processor of one worker process shares: the queues, the run tracker,
 * the Redis pacer and host breaker, the stores (opened once per URL) with their
 * group-commit batchers, and the analysis threads.
 */
import type { Redis } from "ioredis";
import { EXTRACTOR_VERSION } from "../extract/version.js";
import type { Logger } from "../log.js";
import {
  type AnalysisPool,
  type AnalysisPoolOptions,
  createAnalysisPool,
} from "../pipeline/analysis-pool.js";
import type { Pacer, PageFetcher } from "../pipeline/deps.js";
import type { Pipeline } from "../pipeline/schema.js";
import { SaveBatcher, type SaveBatcherOptions } from "../store/save-batcher.js";
import type { Store } from "../store/types.js";
import { HostBreaker } from "./host-breaker.js";
import type { QueueName } from "./jobs.js";
import { createRedisPacer } from "./pacing.js";
import { createQueues, type Queues } from "./queues.js";
import { RunTracker } from "./run-tracker.js";
import { pipelinesByName } from "./trust.js";

export interface WorkerDeps {
  /** A connection factory: BullMQ workers each need their own blocking connection. */
  connect: () => Redis;
  prefix: string;
  logger: Logger;
  fetcher: PageFetcher;
  /** `files:` sources read only below this folder (default: the working directory). */
  filesRoot?: string;
  /**
   * The pipeline definitions this worker runs: a job is run with the definition of the
   * name it carries, and refused when there is none or its store differs.
   * Undefined (embedded use only): the job's own copy is used.
   */
  pipelines?: readonly Pipeline[];
  /** Opens (once per URL) the store a pipeline names; null means the default store. */
  openStore: (url: string | null) => Promise<Store>;
}

export interface WorkerOptions {
  queues?: readonly QueueName[];
  /** Fetch jobs in flight per process (I/O bound). */
  concurrency?: number;
  /**
   * Extract jobs in flight per process. Extraction is CPU bound, but jobs waiting on the
   * store share a transaction (group commit), so more in flight means fewer commits.
   */
  extractConcurrency?: number;
  stalledInterval?: number;
  lockDuration?: number;
  maxStalledCount?: number;
  /** Group commit of extract jobs' saves (articles per transaction, transactions in flight). */
  saveBatch?: SaveBatcherOptions;
  /** Shown as `processedBy` on jobs; default `<queue>-<pid>`. */
  workerName?: string;
  /** The threads that parse and extract fetched pages, and their per-page time limit. */
  analysis?: AnalysisPoolOptions;
}

export interface WorkerContext {
  deps: WorkerDeps;
  queues: Queues;
  tracker: RunTracker;
  pacer: Pacer;
  breaker: HostBreaker;
  /** The pipelines this worker trusts, by name; undefined: the jobs' own copies. */
  loaded: Map<string, Pipeline> | undefined;
  filesRoot: string;
  storeFor(url: string | null): Promise<Store>;
  /** One group-commit batcher per store: extract jobs in flight together share a transaction. */
  batcherFor(store: Store): SaveBatcher;
  /** Pages are parsed and extracted on threads, so a slow page never holds up lock renewal. */
  pool: AnalysisPool | null;
  /** The shared connection, and the stores opened: closed by `closeContext`. */
  shared: Redis;
  stores: Map<string, Promise<Store>>;
}

export function createWorkerContext(
  deps: WorkerDeps,
  options: WorkerOptions,
  names: readonly QueueName[],
): WorkerContext {
  const shared = deps.connect();
  const stores = new Map<string, Promise<Store>>();
  const batchers = new WeakMap<Store, SaveBatcher>();
  return {
    deps,
    shared,
    stores,
    queues: createQueues(shared, deps.prefix),
    tracker: new RunTracker(shared, deps.prefix),
    pacer: createRedisPacer(shared, { prefix: deps.prefix }),
    breaker: new HostBreaker(shared, deps.prefix),
    loaded: deps.pipelines ? pipelinesByName(deps.pipelines) : undefined,
    filesRoot: deps.filesRoot ?? process.cwd(),
    storeFor(url) {
      const k = url ?? "";
      let s = stores.get(k);
      if (!s) {
        s = deps.openStore(url);
        // A store that failed to open (database down) is opened again by the next job.
        s.catch(() => stores.delete(k));
        stores.set(k, s);
      }
      return s;
    },
    batcherFor(store) {
      let b = batchers.get(store);
      if (!b) {
        b = new SaveBatcher(store, EXTRACTOR_VERSION, options.saveBatch);
        batchers.set(store, b);
      }
      return b;
    },
    pool: names.includes("extract") ? createAnalysisPool(options.analysis) : null,
  };
}
