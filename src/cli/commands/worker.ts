/**
 * `newsfigures worker [--queues discover,fetch,extract] [--concurrency N]`: process queue
 * jobs until SIGTERM or SIGINT, then finish the jobs in hand and exit (graceful shutdown;
 * a second signal exits at once). Run as many as the volume needs, on any machine.
 */
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import type { NewsfiguresError } from "../../errors.js";
import type { Pipeline } from "../../pipeline/schema.js";
import { QUEUE_NAMES } from "../../queue/queue-names.js";
import type { CliContext } from "../context.js";
import { intFlag, queueNames } from "../flags.js";
import { requireRedis } from "./queue-common.js";

const MS = { min: 100, max: 3_600_000, unit: "milliseconds" };

export function registerWorker(program: Command, ctx: CliContext): void {
  program
    .command("worker")
    .description(
      "process discover, fetch and extract jobs from Redis until SIGTERM/SIGINT (needs REDIS_URL)",
    )
    .option(
      "--queues <names>",
      `comma-separated queues to work on (${QUEUE_NAMES.join(",")})`,
      QUEUE_NAMES.join(","),
    )
    .option("--concurrency <n>", "fetch jobs in flight (I/O bound)", "16")
    .option(
      "--extract-concurrency <n>",
      "extract jobs in flight (CPU bound; the ones waiting on the database share one transaction)",
      "16",
    )
    .option(
      "--lock-duration <ms>",
      "job lock; a worker silent this long is taken as dead and its job is run again",
      "30000",
    )
    .option("--stalled-interval <ms>", "how often to look for jobs of dead workers", "30000")
    .option(
      "--page-time-limit <ms>",
      "longest a page may take to parse and extract; over it, it fails (NF_EXTRACT_TIMEOUT); default 60000",
    )
    .option(
      "--pipelines <paths>",
      "comma-separated pipeline files or folders this worker runs; jobs of other pipelines are refused",
      "pipelines",
    )
    .action(
      async (opts: {
        queues: string;
        concurrency: string;
        extractConcurrency: string;
        lockDuration: string;
        stalledInterval: string;
        pipelines: string;
        pageTimeLimit?: string;
      }) => {
        const redisUrl = await requireRedis(ctx, "worker");
        const queues = queueNames("--queues", opts.queues);
        // Every flag is checked before anything is opened.
        const options = {
          queues,
          concurrency: intFlag("--concurrency", opts.concurrency, { max: 1000 }),
          extractConcurrency: intFlag("--extract-concurrency", opts.extractConcurrency, {
            max: 1000,
          }),
          lockDuration: intFlag("--lock-duration", opts.lockDuration, MS),
          stalledInterval: intFlag("--stalled-interval", opts.stalledInterval, MS),
          // Unset: the analysis pool's own default (DEFAULT_PAGE_TIME_LIMIT_MS).
          analysis:
            opts.pageTimeLimit === undefined
              ? {}
              : { pageTimeLimitMs: intFlag("--page-time-limit", opts.pageTimeLimit, MS) },
        };
        const config = await ctx.config();
        const logger = await ctx.logger();
        const { redactUrl } = await import("../../log.js");
        const { createPageFetcher } = await import("../../pipeline/page-fetcher.js");
        const { createRedis } = await import("../../queue/queues.js");
        const { assertRedisReachable } = await import("../../queue/redis-health.js");
        const { startWorkers } = await import("../../queue/workers.js");
        const { openStore } = await import("../../store/open.js");
        // Not answering at the start is a setup problem: say so now, not after the first job.
        await assertRedisReachable(redisUrl);
        const pipelines = await loadPipelines(opts.pipelines);
        const fetcher = createPageFetcher(config.userAgent);
        const running = startWorkers(
          {
            connect: () =>
              createRedis(redisUrl, (err) =>
                logger.warn(
                  { err, code: "NF_QUEUE_REDIS_UNREACHABLE" },
                  "NF_QUEUE_REDIS_UNREACHABLE: redis connection error; reconnecting",
                ),
              ),
            prefix: config.queuePrefix,
            logger,
            fetcher,
            openStore: (url) => openStore(url ?? config.store),
            filesRoot: config.filesRoot,
            pipelines,
          },
          options,
        );
        logger.info(
          {
            queues,
            prefix: config.queuePrefix,
            redis: redactUrl(redisUrl),
            store: config.store,
            pipelines: pipelines.map((p) => p.spec.name),
          },
          "worker started",
        );
        if (pipelines.length === 0)
          logger.warn(
            { pipelines: opts.pipelines },
            "no pipeline loaded: every job will be refused (NF_QUEUE_UNKNOWN_PIPELINE); pass --pipelines with the pipeline files or folders this worker runs",
          );
        await new Promise<void>((resolve) => {
          let stopping = false;
          const stop = (signal: NodeJS.Signals) => {
            if (stopping) {
              logger.warn({ signal }, "second signal: exiting without waiting for jobs in hand");
              process.exit(130);
            }
            stopping = true;
            logger.info({ signal }, "worker stopping: finishing the jobs in hand");
            running
              .close()
              .then(() => fetcher.close())
              .then(() => {
                logger.info("worker stopped");
                resolve();
              });
            // Closing waits on Redis; with Redis away it would wait forever. Jobs in hand are
            // run again by another worker once their locks expire.
            assertRedisReachable(redisUrl).catch((err: NewsfiguresError) => {
              logger.error(
                { err, code: err.code },
                `${err.code}: stopping without finishing the jobs in hand: ${err.message}`,
              );
              process.exit(1);
            });
          };
          process.once("SIGTERM", stop);
          process.once("SIGINT", stop);
        });
      },
    );
}

/** The pipelines named by --pipelines (files, or folders of them); a missing default folder is none. */
async function loadPipelines(paths: string): Promise<Pipeline[]> {
  const { loadPipeline, loadPipelineDir } = await import("../../pipeline/load.js");
  const out: Pipeline[] = [];
  for (const p of paths
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)) {
    const info = await stat(p).catch(() => null);
    if (info === null && p === "pipelines") continue;
    if (info?.isDirectory()) out.push(...(await loadPipelineDir(p)));
    else out.push(await loadPipeline(p));
  }
  return out;
}
