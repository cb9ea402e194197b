/**
 * `newsfigures ingest PIPELINE.yaml… [--once]`: run pipelines. With REDIS_URL the run is
 * queued (discover -> fetch -> extract on the workers) and this command waits with a
 * progress bar; without it everything runs here, in-process. A pipeline with a schedule
 * keeps polling inline until interrupted, unless --once.
 */
import { randomBytes } from "node:crypto";
import { CronExpressionParser } from "cron-parser";
import type { Config } from "../../config/config.js";
import { errorCode } from "../../errors.js";
import { loadPipeline } from "../../pipeline/load.js";
import { createLocalPacer } from "../../pipeline/local-pacer.js";
import { createPageFetcher } from "../../pipeline/page-fetcher.js";
import { runPipelineInline } from "../../pipeline/run-inline.js";
import { durationMs, type Pipeline } from "../../pipeline/schema.js";
import { emptySummary, type RunSummary } from "../../pipeline/summary.js";
import { enqueueDiscover, idleQueues, type Queues, workerCounts } from "../../queue/queues.js";
import { type RunCounts, RunTracker } from "../../queue/run-tracker.js";
import { waitForRun } from "../../queue/wait-run.js";
import { openStore } from "../../store/open.js";
import type { CliContext } from "../context.js";
import { createProgress } from "../progress.js";
import { formatIngestSummary } from "../summary.js";
import { withQueues } from "./queue-common.js";

export interface PipelineIngestOptions {
  store?: string;
  once?: boolean;
  format?: string;
}

/** The store a pipeline writes to: --store, else the pipeline's `store`, else NEWSFIGURES_STORE. */
export function storeOf(p: Pipeline, opts: PipelineIngestOptions, config: Config): string {
  return opts.store ?? p.spec.store ?? config.store;
}

export async function ingestPipelines(
  files: string[],
  opts: PipelineIngestOptions,
  ctx: CliContext,
): Promise<void> {
  const pipelines: Pipeline[] = [];
  for (const f of files) pipelines.push(await loadPipeline(f));
  const config = await ctx.config();
  for (const p of pipelines) {
    const once = opts.once || p.spec.schedule === undefined || config.redisUrl !== null;
    for (;;) {
      const ok = config.redisUrl ? await runQueued(p, opts, ctx) : await runInline(p, opts, ctx);
      if (!ok) ctx.setExitCode(1);
      if (once || !p.spec.schedule) break;
      const wait = msUntilNext(p);
      ctx.stderr(
        `newsfigures ingest: ${p.spec.name}: next poll in ${Math.round(wait / 1000)} s (Ctrl-C to stop; --once runs a single pass)\n`,
      );
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

function msUntilNext(p: Pipeline): number {
  const s = p.spec.schedule;
  if (!s) return 0;
  if ("every" in s) return durationMs(s.every);
  const next = CronExpressionParser.parse(s.cron, s.tz ? { tz: s.tz } : {})
    .next()
    .getTime();
  return Math.max(1000, next - Date.now());
}

async function printSummary(
  ctx: CliContext,
  opts: PipelineIngestOptions,
  p: Pipeline,
  summary: RunSummary,
  storeUrl: string,
): Promise<void> {
  const store = await openStore(storeUrl);
  try {
    const stats = await store.stats();
    if (opts.format === "json") {
      await ctx.stdout(
        `${JSON.stringify({ pipeline: p.spec.name, store: store.location, ...summary, totals: stats })}\n`,
      );
      return;
    }
    await ctx.stdout(
      `Pipeline ${p.spec.name} (${p.file})\n${formatIngestSummary(summary, stats, store.location)}`,
    );
  } finally {
    await store.close();
  }
}

async function runInline(
  p: Pipeline,
  opts: PipelineIngestOptions,
  ctx: CliContext,
): Promise<boolean> {
  const started = Date.now();
  const config = await ctx.config();
  const storeUrl = storeOf(p, opts, config);
  const store = await openStore(storeUrl);
  const fetcher = createPageFetcher(config.userAgent);
  const progress = createProgress(`ingest ${p.spec.name}`);
  let summary: RunSummary;
  try {
    summary = await runPipelineInline(
      p,
      {
        store,
        fetcher,
        logger: await ctx.logger(),
        pacer: createLocalPacer(),
        filesRoot: (await ctx.config()).filesRoot,
      },
      {
        onTotal: (n) => progress.setTotal(n),
        onArticle: () => progress.tick(),
      },
    );
  } finally {
    progress.done();
    await fetcher.close();
    await store.close();
  }
  for (const f of summary.failed) ctx.stderr(`newsfigures ingest: ${f.source}: ${f.message}\n`);
  summary.durationMs = Date.now() - started;
  await printSummary(ctx, opts, p, summary, storeUrl);
  return summary.failed.length === 0;
}

function countsToSummary(
  c: RunCounts,
  failures: { what: string; reason: string }[],
  skips: { what: string; reason: string }[],
  durationMs: number,
): RunSummary {
  // `failures` holds the failed, deferred and not-done pages, each `CODE: message`.
  return {
    ...emptySummary(),
    ...c.summary,
    files: c.total + c.skipped - c.skippedFiles,
    skipped: skips.map((s) => s.what),
    failed: failures.map((f) => ({
      source: f.what,
      code: errorCode(f.reason),
      message: f.reason,
    })),
    durationMs,
  };
}

async function runQueued(
  p: Pipeline,
  opts: PipelineIngestOptions,
  ctx: CliContext,
): Promise<boolean> {
  const started = Date.now();
  const config = await ctx.config();
  const runId = `${p.spec.name}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  // The workers resolve the store themselves; --store overrides the pipeline's for this run.
  const pipeline = opts.store ? { ...p, spec: { ...p.spec, store: opts.store } } : p;
  return withQueues(ctx, "ingest", async (queues, redis) => {
    const tracker = new RunTracker(redis, config.queuePrefix);
    const progress = createProgress(`ingest ${p.spec.name} (queued)`);
    let done = 0;
    await enqueueDiscover(queues, pipeline, runId);
    ctx.stderr(
      `newsfigures ingest: queued run ${runId}; waiting for the workers (newsfigures worker) to finish it\n`,
    );
    // Without a worker the wait never ends; say so rather than draw a bar that never moves.
    const idle = idleQueues(await workerCounts(queues));
    if (idle.length > 0)
      ctx.stderr(
        `newsfigures ingest: no worker is taking ${idle.join(", ")} jobs under prefix "${config.queuePrefix}" on this Redis; start one with \`newsfigures worker\` (same REDIS_URL and NEWSFIGURES_QUEUE_PREFIX) and this run goes on\n`,
      );
    const ceiling = p.spec.run.timeout;
    const counts = await waitForRun(tracker, queues, runId, {
      timeoutMs: durationMs(ceiling),
      onProgress: (c) => {
        progress.setTotal(c.total);
        progress.tick(c.done + c.failed - done);
        done = c.done + c.failed;
      },
    });
    progress.done();
    // A run whose discovery failed (a worker refused the pipeline, a feed was down) did
    // nothing: say why, and do not report it as done (nor as left by the ceiling).
    const discover = await queues.discover.getJob(`discover-${runId}`);
    const discoverFailed = discover !== undefined && (await discover.isFailed());
    const failures = [
      ...(await tracker.failures(runId)),
      ...(await tracker.deferrals(runId)),
      ...(discoverFailed ? [] : await notDone(queues, runId, counts, ceiling)),
    ];
    if (discover && discoverFailed)
      failures.push({ what: `pipeline ${p.spec.name}`, reason: discover.failedReason });
    for (const f of failures) ctx.stderr(`newsfigures ingest: ${f.what}: ${f.reason}\n`);
    // Not run by this run, so not counted as done: each said with its reason.
    const skips = await tracker.skips(runId);
    for (const s of skips) ctx.stderr(`newsfigures ingest: ${s.what}: skipped: ${s.reason}\n`);
    await printSummary(
      ctx,
      opts,
      pipeline,
      countsToSummary(counts, failures, skips, Date.now() - started),
      storeOf(pipeline, {}, config),
    );
    return failures.length === 0 && counts.failed === 0;
  });
}

/**
 * What the run left when its ceiling (`run.timeout`) came: each job of the run still in a
 * queue, as a failure with NF_RUN_TIMEOUT. The workers go on with them; this command
 * does not wait.
 */
async function notDone(
  queues: Queues,
  runId: string,
  c: RunCounts,
  ceiling: string,
): Promise<{ what: string; reason: string }[]> {
  const reason = (state: string) =>
    `NF_RUN_TIMEOUT: not done within run.timeout (${ceiling}); ${state} in the queue, the workers go on with it`;
  if (!c.discovered)
    return [{ what: `discover ${runId}`, reason: reason("the sources were not read yet") }];
  if (c.done + c.failed + c.deferred >= c.total) return [];
  const left: { what: string; reason: string }[] = [];
  const states = ["active", "waiting", "delayed", "prioritized"] as const;
  for (const q of [queues.fetch, queues.extract]) {
    for (const state of states) {
      for (const job of await q.getJobs([state], 0, 999)) {
        const data = job.data as { pipeline?: { runId?: string }; ref?: { url?: string } };
        if (data.pipeline?.runId === runId)
          left.push({
            what: data.ref?.url ?? String(job.id),
            reason: reason(`${q.name} job ${state}`),
          });
      }
    }
  }
  const missing = c.total - c.done - c.failed - c.deferred - left.length;
  if (missing > 0)
    left.push({ what: `${missing} more page(s)`, reason: reason("moving between queues") });
  return left;
}
