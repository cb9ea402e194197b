/**
 * A worker process killed with SIGKILL in the middle of a job: after the stalled interval
 * another worker takes the job up again, the run completes, and every article is stored
 * exactly once (one extraction run each). The killed worker is the built CLI
 * (`npm ci` builds dist/), run as a user runs it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { BIN, ROOT } from "../../helpers/cli.js";
import {
  dropQueues,
  feedPipeline,
  type NewsSite,
  pgStore,
  startNewsSite,
  waitUntil,
  workerDeps,
} from "./helpers.js";

const PAGES = 6;

describe("queue: a worker killed mid-job", () => {
  const prefix = `nf-${inject("runId")}-kill`;
  const pg = pgStore("kill");
  let site: NewsSite;
  let child: ChildProcess | undefined;
  let rescuer: RunningWorkers | undefined;
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    // Each page takes 1.5 s to answer, so the killed worker is surely mid-job.
    site = await startNewsSite(PAGES, { delayMs: 1500 });
    redis = new Redis(inject("redisUrl"));
    store = await openStore(pg.url);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await rescuer?.close();
    await dropQueues(redis, prefix);
    redis.disconnect();
    await store?.close();
    await site?.close();
    await pg.drop();
  });

  it("runs the job again after the stalled interval and stores each article once", async () => {
    expect(
      existsSync(resolve(ROOT, "dist/cli/main.js")),
      "dist/ is missing: run npm run build",
    ).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "nf-kill-"));
    const pipeline = feedPipeline(site, "killed", 10, pg.url, dir);
    child = spawn(
      process.execPath,
      [
        BIN,
        "worker",
        "--concurrency",
        "2",
        "--lock-duration",
        "1000",
        "--stalled-interval",
        "500",
        "--pipelines",
        dir,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          REDIS_URL: inject("redisUrl"),
          NEWSFIGURES_QUEUE_PREFIX: prefix,
          NEWSFIGURES_STORE: pg.url,
          LOG_LEVEL: "silent",
        },
        stdio: "ignore",
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((r) =>
      child?.once("exit", (_code, signal) => r(signal)),
    );
    const producer = startWorkers(workerDeps(prefix), { queues: [] });
    await enqueueDiscover(producer.queues, pipeline, "kill");
    await producer.close();

    // The child has sent its first page requests: its fetch jobs are active. Kill it.
    await waitUntil("the child worker to start fetching", () => site.pageHits() >= 1, 20_000);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    rescuer = startWorkers(workerDeps(prefix), {
      concurrency: 4,
      stalledInterval: 500,
      lockDuration: 1000,
      workerName: "rescuer",
    });
    const counts = await waitForRun(new RunTracker(redis, prefix), rescuer.queues, "kill", {
      timeoutMs: 25_000,
    });
    expect(counts.discovered).toBe(true);
    expect(counts.failed).toBe(0);

    // At least one job was started twice: by the killed worker and then by the rescuer.
    const fetched = await rescuer.queues.fetch.getCompleted();
    expect(fetched).toHaveLength(PAGES);
    expect(
      fetched.some((j) => (j.attemptsStarted ?? 0) >= 2 && j.processedBy === "fetch-rescuer"),
    ).toBe(true);
    expect(await rescuer.queues.fetch.getFailedCount()).toBe(0);

    const stats = await store.stats();
    expect(stats.articles).toBe(PAGES);
    const pages = Array.from({ length: PAGES }, (_, i) => `${site.url}/news/${i}.html`);
    expect(await store.knownUrls(pages)).toEqual(new Set(pages));
    // Exactly once: one extraction run per article, and no article twice.
    const runs = await store.listRuns();
    expect(runs).toHaveLength(PAGES);
    expect(new Set(runs.map((r) => r.articleId)).size).toBe(PAGES);
  }, 45_000);
});
