/**
 * The worker adapter: BullMQ jobs -> the pipeline's stage functions. Job data is
 * validated here; failures go through `handleJobError` (the one place retry behaviour is
 * decided); each job gets a child logger and writes one outcome line.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { EXTRACTOR_VERSION } from "../extract/version.js";
import type { Logger } from "../log.js";
import { type AnalysisPoolOptions, createAnalysisPool } from "../pipeline/analysis-pool.js";
import type { PageFetcher } from "../pipeline/deps.js";
import { discoverRefs, sourceLabel } from "../pipeline/discover.js";
import {
  type ArticleOutcome,
  fetchArticle,
  isFileRef,
  storeFile,
  storePage,
} from "../pipeline/run-article.js";
import { durationMs, type Pipeline } from "../pipeline/schema.js";
import { assertInsideFolders } from "../sources/local-files.js";
import { SaveBatcher, type SaveBatcherOptions } from "../store/save-batcher.js";
import type { SaveItem, Store } from "../store/types.js";
import {
  backoffDelay,
  classifyError,
  failureReason,
  handleJobError,
  isControlError,
} from "./errors.js";
import { HostBreaker, pausedReason } from "./host-breaker.js";
import { DiscoverJob, ExtractJob, FetchJob, QUEUE_NAMES, type QueueName } from "./jobs.js";
import { createRedisPacer } from "./pacing.js";
import { createQueues, enqueueExtract, enqueueFetches, type Queues } from "./queues.js";
import { assertPageKept, dropPageBody } from "./retention.js";
import { RunTracker } from "./run-tracker.js";
import { pipelinesByName, trustedPipeline } from "./trust.js";

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

export interface RunningWorkers {
  workers: Worker[];
  queues: Queues;
  /** Finish the jobs in hand, then close every connection. */
  close(): Promise<void>;
}

export function startWorkers(deps: WorkerDeps, options: WorkerOptions = {}): RunningWorkers {
  const shared = deps.connect();
  const queues = createQueues(shared, deps.prefix);
  const tracker = new RunTracker(shared, deps.prefix);
  const pacer = createRedisPacer(shared, { prefix: deps.prefix });
  const breaker = new HostBreaker(shared, deps.prefix);
  const loaded = deps.pipelines ? pipelinesByName(deps.pipelines) : undefined;
  const filesRoot = deps.filesRoot ?? process.cwd();
  const stores = new Map<string, Promise<Store>>();
  const storeFor = (url: string | null): Promise<Store> => {
    const k = url ?? "";
    let s = stores.get(k);
    if (!s) {
      s = deps.openStore(url);
      // A store that failed to open (database down) is opened again by the next job.
      s.catch(() => stores.delete(k));
      stores.set(k, s);
    }
    return s;
  };

  // One group-commit batcher per store: extract jobs in flight together share a transaction.
  const batchers = new WeakMap<Store, SaveBatcher>();
  const batcherFor = (store: Store): SaveBatcher => {
    let b = batchers.get(store);
    if (!b) {
      b = new SaveBatcher(store, EXTRACTOR_VERSION, options.saveBatch);
      batchers.set(store, b);
    }
    return b;
  };

  const names = options.queues ?? QUEUE_NAMES;
  // Pages are parsed and extracted on threads, so a slow page never holds up lock renewal.
  const pool = names.includes("extract") ? createAnalysisPool(options.analysis) : null;

  const connections: Redis[] = [shared];
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

  /** Wraps a processor: validation, child logger, outcome line, error mapping, run counts. */
  function wrap<T>(
    queue: QueueName,
    schema: { parse(d: unknown): T },
    run: (data: T, log: Logger, job: Job) => Promise<Record<string, unknown>>,
  ) {
    return async (job: Job, token?: string) => {
      const started = Date.now();
      const raw = job.data as {
        pipeline?: { name?: string; runId?: string | null };
        ref?: { url?: string };
      };
      const log = deps.logger.child({
        queue,
        jobId: job.id,
        pipeline: raw.pipeline?.name,
        url: raw.ref?.url,
        attempt: job.attemptsMade + 1,
      });
      try {
        const data = schema.parse(job.data);
        const result = await run(data, log, job);
        log.info(
          { stage: queue, outcome: result.status ?? "ok", ...result, ms: Date.now() - started },
          `${queue} ${String(result.status ?? "ok")}`,
        );
        return result;
      } catch (err) {
        if (isControlError(err)) throw err;
        const cls = classifyError(err);
        if (cls === "pace") {
          log.debug({ stage: queue, outcome: cls, ms: Date.now() - started }, `${queue} ${cls}`);
        } else {
          const final = cls === "permanent" || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          log[final ? "error" : "warn"](
            { stage: queue, outcome: final ? "failed" : "retry", err, ms: Date.now() - started },
            `${queue} ${final ? "failed" : "will retry"}`,
          );
          if (final && queue === "extract") await dropPageBody(job);
          if (final && queue !== "discover")
            await tracker
              .failed(
                raw.pipeline?.runId ?? null,
                raw.ref?.url ?? String(job.id),
                failureReason(err),
              )
              .catch(() => {});
        }
        return handleJobError(err, job, token);
      }
    };
  }

  const processors: Record<QueueName, (job: Job, token?: string) => Promise<unknown>> = {
    discover: wrap("discover", DiscoverJob, async (data, log) => {
      const pipeline = trustedPipeline(data.pipeline, loaded) ?? {
        spec: data.spec,
        file: "",
        dir: data.pipeline.dir,
      };
      const spec = pipeline.spec;
      const store = await storeFor(data.pipeline.store);
      let found = 0;
      let enqueued = 0;
      let skipped = 0;
      const refused: { path: string; err: unknown }[] = [];
      for (const source of spec.sources) {
        const refs = await discoverRefs(pipeline, source, {
          fetcher: deps.fetcher,
          pacer,
          logger: log,
          filesRoot,
          onRefused: (path, err) => {
            refused.push({ path, err });
          },
        });
        found += refs.length + refused.length;
        // Counted in the run's total as well as failed, so the run still waits for the rest.
        await tracker.more(data.pipeline.runId, refused.length);
        for (const { path, err } of refused.splice(0)) {
          log.warn({ stage: "discover", outcome: "refused", source: path, err }, "file refused");
          await tracker.failed(data.pipeline.runId, path, failureReason(err));
        }
        const fresh: FetchJob[] = [];
        // Ask the store about all the URLs at once (it chunks them): a feed lists hundreds,
        // one at a time is slow.
        const urls = refs.filter((ref) => !isFileRef(ref)).map((ref) => ref.url);
        const known = await store.knownUrls(urls);
        // Stored articles still young enough to be corrected are asked for again (conditionally).
        const recheck = spec.fetch.recheckWithin;
        const due =
          recheck !== undefined && known.size > 0
            ? await store.recentUrls(
                [...known],
                new Date(Date.now() - durationMs(recheck)).toISOString(),
              )
            : new Set<string>();
        const states = await store.getFetchStates(urls.filter((u) => !known.has(u) || due.has(u)));
        for (const ref of refs) {
          if (isFileRef(ref)) {
            const bytes = await readFile(fileURLToPath(ref.url));
            await enqueueExtract(
              queues,
              { pipeline: data.pipeline, ref, extract: spec.extract, page: null },
              bytes,
            );
            enqueued++;
          } else if (!known.has(ref.url) || due.has(ref.url)) {
            const state = states.get(ref.url);
            fresh.push({
              pipeline: data.pipeline,
              ref,
              fetch: spec.fetch,
              extract: spec.extract,
              known: state ? { etag: state.etag, lastModified: state.lastModified } : null,
            });
          }
        }
        const queued = await enqueueFetches(queues, fresh);
        enqueued += queued.queued;
        skipped += queued.skipped.length;
        await tracker.skip(data.pipeline.runId, queued.skipped);
        deps.logger.debug(
          { pipeline: data.pipeline.name, source: sourceLabel(source), found: refs.length },
          "source read",
        );
      }
      await tracker.discovered(data.pipeline.runId, data.pipeline.name, enqueued, found);
      return { status: "ok", found, enqueued, skipped, known: found - enqueued - skipped };
    }),

    fetch: wrap("fetch", FetchJob, async (data, log) => {
      const trusted = trustedPipeline(data.pipeline, loaded);
      const fetchSpec = trusted?.spec.fetch ?? data.fetch;
      const { name, runId } = data.pipeline;
      const paused = await breaker.paused(name, runId, data.ref.url);
      if (paused) {
        await tracker.deferred(runId, data.ref.url, pausedReason(paused));
        return { status: "deferred" };
      }
      const store = await storeFor(data.pipeline.store);
      let fetched: Awaited<ReturnType<typeof fetchArticle>>;
      try {
        fetched = await fetchArticle(
          data.ref,
          { store, fetcher: deps.fetcher, logger: log, pacer },
          fetchSpec,
          data.known,
        );
      } catch (err) {
        if (await breaker.failed(name, runId, data.ref.url, err, fetchSpec.pauseHostAfter))
          log.warn({ host: new URL(data.ref.url).host }, "host paused for this run");
        throw err;
      }
      await breaker.succeeded(name, runId, data.ref.url);
      if (fetched.kind === "not-modified") {
        await tracker.finished(data.pipeline.runId, {
          url: data.ref.url,
          status: "not-modified",
          articleId: null,
          added: 0,
          removed: 0,
          updated: 0,
        });
        return { status: "not-modified" };
      }
      const p = fetched.page;
      const body = p.body ?? Buffer.alloc(0);
      await enqueueExtract(
        queues,
        {
          pipeline: data.pipeline,
          ref: data.ref,
          extract: trusted?.spec.extract ?? data.extract,
          page: {
            url: p.url,
            finalUrl: p.finalUrl,
            status: p.status,
            contentType: p.contentType,
            etag: p.etag,
            lastModified: p.lastModified,
            bodyBase64: body.toString("base64"),
          },
        },
        body,
      );
      return { status: "fetched", bytes: body.length, httpStatus: p.status };
    }),

    extract: wrap("extract", ExtractJob, async (data, log, job) => {
      assertPageKept(data);
      const trusted = trustedPipeline(data.pipeline, loaded);
      const extract = trusted?.spec.extract ?? data.extract;
      if (data.page === null) {
        // A file named by job data: read only inside the pipeline's own folders.
        const folders = trusted
          ? trusted.spec.sources.flatMap((s) =>
              "files" in s ? [s.files].flat().map((f) => resolve(trusted.dir, f)) : [],
            )
          : [filesRoot];
        await assertInsideFolders(fileURLToPath(data.ref.url), folders);
        if (trusted) await assertInsideFolders(fileURLToPath(data.ref.url), [filesRoot]);
      }
      const store = await storeFor(data.pipeline.store);
      const batcher = batcherFor(store);
      const articleDeps = {
        store,
        fetcher: deps.fetcher,
        logger: log,
        pacer,
        save: (item: SaveItem) => batcher.save(item),
        ...(pool ? { analyse: pool.analyse } : {}),
      };
      let outcomes: ArticleOutcome[];
      if (data.page === null) {
        outcomes = await storeFile(data.ref, articleDeps, extract);
        // The discover stage counted the file as one article; a .jsonl file may hold more.
        await tracker.more(data.pipeline.runId, outcomes.length - 1);
      } else {
        const page = {
          ...data.page,
          notModified: false,
          body: Buffer.from(data.page.bodyBase64, "base64"),
        };
        outcomes = [await storePage(data.ref, page, articleDeps, extract)];
        // A retained job keeps no page: the store has it now.
        await dropPageBody(job);
      }
      for (const o of outcomes) await tracker.finished(data.pipeline.runId, o);
      const first = outcomes[0];
      return {
        status: outcomes.length === 1 && first ? first.status : `${outcomes.length} articles`,
        articleId: first?.articleId ?? null,
        added: outcomes.reduce((n, o) => n + o.added, 0),
        figures: outcomes.reduce((n, o) => n + (o.result?.metrics.length ?? 0), 0),
        ...(outcomes.length === 1 && first?.timings ? { timings: first.timings } : {}),
      };
    }),
  };

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
    queues,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await pool?.close();
      await queues.close();
      for (const s of stores.values()) await s.then((st) => st.close()).catch(() => {});
      // Connections passed in are ours to close, not BullMQ's.
      for (const c of connections) c.disconnect();
    },
  };
}
