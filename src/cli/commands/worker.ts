/**
 * `newsfigures worker [--queues discover,fetch,extract] [--concurrency N]`: process queue
 * jobs until SIGTERM or SIGINT, then finish the jobs in hand and exit (graceful shutdown;
 * a second signal exits at once). Run as many as the volume needs, on any machine.
 */
import type { Command } from "commander";
import { NewsfiguresError } from "../../errors.js";
import { redactUrl } from "../../log.js";
import { createPageFetcher } from "../../pipeline/page-fetcher.js";
import { QUEUE_NAMES, type QueueName } from "../../queue/jobs.js";
import { createRedis } from "../../queue/queues.js";
import { startWorkers } from "../../queue/workers.js";
import { openStore } from "../../store/open.js";
import type { CliContext } from "../context.js";
import { milliseconds, positiveInt, requireRedis } from "./queue-common.js";

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
    .action(
      async (opts: {
        queues: string;
        concurrency: string;
        extractConcurrency: string;
        lockDuration: string;
        stalledInterval: string;
      }) => {
        const redisUrl = requireRedis(ctx, "worker");
        const queues = opts.queues
          .split(",")
          .map((q) => q.trim())
          .filter(Boolean);
        const bad = queues.filter((q) => !(QUEUE_NAMES as readonly string[]).includes(q));
        if (bad.length > 0 || queues.length === 0) {
          throw new NewsfiguresError(
            "NF_CLI_BAD_FLAG",
            `--queues: unknown queue(s) ${bad.join(", ") || "(none)"}; choose from ${QUEUE_NAMES.join(", ")}`,
          );
        }
        const config = ctx.config();
        const logger = ctx.logger();
        const fetcher = createPageFetcher(config.userAgent);
        const running = startWorkers(
          {
            connect: () =>
              createRedis(redisUrl, (err) =>
                logger.warn({ err }, "redis connection error; reconnecting"),
              ),
            prefix: config.queuePrefix,
            logger,
            fetcher,
            openStore: (url) => openStore(url ?? config.store),
          },
          {
            queues: queues as QueueName[],
            concurrency: positiveInt("--concurrency", opts.concurrency),
            extractConcurrency: positiveInt("--extract-concurrency", opts.extractConcurrency),
            lockDuration: milliseconds("--lock-duration", opts.lockDuration),
            stalledInterval: milliseconds("--stalled-interval", opts.stalledInterval),
          },
        );
        logger.info(
          { queues, prefix: config.queuePrefix, redis: redactUrl(redisUrl), store: config.store },
          "worker started",
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
          };
          process.once("SIGTERM", stop);
          process.once("SIGINT", stop);
        });
      },
    );
}
