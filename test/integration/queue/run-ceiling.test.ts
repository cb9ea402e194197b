/**
 * Every run ends. Through the built CLI: `ingest --once` over the troubled site returns by
 * its `run.timeout` with a report naming each page that failed or was left, with its
 * code. With the worker in-process: a host that keeps failing is paused for the run
 * (circuit breaker), its other pages are deferred and leave the queue, and `status` shows
 * the paused host and why.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { startWorkers } from "../../../src/queue/workers.js";
import { BIN, ROOT, runCli } from "../../helpers/cli.js";
import { dropQueues, pgStore, waitForWorkerProcess, waitUntil, workerDeps } from "./helpers.js";
import {
  type LoggedSite,
  startHealthySite,
  startTroubledSite,
  troubledPipelineYaml,
} from "./troubled-site.js";

describe("ingest --once returns by the run's ceiling", () => {
  const prefix = `nf-${inject("runId")}-ceiling`;
  const pg = pgStore("ceiling");
  const env = { REDIS_URL: inject("redisUrl"), NEWSFIGURES_QUEUE_PREFIX: prefix };
  let a: LoggedSite;
  let b: LoggedSite;
  let dir: string;
  let worker: ChildProcess;
  let redis: Redis;

  beforeAll(async () => {
    a = await startTroubledSite(4);
    b = await startHealthySite();
    dir = mkdtempSync(join(tmpdir(), "nf-ceiling-"));
    // Site A's Crawl-delay (1 s) makes its 16 requests take longer than the 8 s ceiling.
    // Written first: the worker runs only the pipelines it loaded.
    const yaml = join(dir, "ceiling.yaml");
    writeFileSync(
      yaml,
      troubledPipelineYaml(a, b, pg.url, "ceiling", 3).replace("timeout: 90s", "timeout: 8s"),
    );
    worker = spawn(process.execPath, [BIN, "worker", "--concurrency", "4", "--pipelines", yaml], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    redis = new Redis(inject("redisUrl"));
    await waitForWorkerProcess(redis, prefix);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill("SIGKILL");
    await dropQueues(redis, prefix);
    redis.disconnect();
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
    await pg.drop();
  });

  it("reports what failed and what was not done, each with its code", async () => {
    const yaml = join(dir, "ceiling.yaml");
    const started = Date.now();
    const run = await runCli(["ingest", "--once", yaml], { env });
    const took = Date.now() - started;
    expect(run.code).toBe(1);
    // Returned at its ceiling, not after the site had been asked for everything.
    expect(took).toBeLessThan(30_000);
    expect(run.stderr).toMatch(/: NF_RUN_TIMEOUT: not done within run\.timeout \(8s\)/);
    // The summary lists what the ceiling cut off among the failures (in the order they ended).
    const failed = run.stdout.slice(run.stdout.indexOf("Failed:\n"));
    expect(failed).toMatch(/^Failed:\n/);
    expect(failed).toMatch(/: NF_RUN_TIMEOUT: not done within run\.timeout/);
    // Site A's slow line did not hold back site B: none of B's pages was left.
    expect(run.stderr).not.toContain(`${b.url}/b/`);
    expect(b.hits.filter((h) => h.path.startsWith("/b/"))).toHaveLength(3);
    // The code is printed once per line, the message whole.
    for (const line of run.stdout.split("\n").filter((l) => /: NF_[A-Z0-9_]+: /.test(l)))
      expect(line.match(/NF_[A-Z0-9_]+/g), line).toHaveLength(1);
  }, 60_000);
});

/** A host whose every page answers 503 without Retry-After. */
async function startFailingSite(): Promise<{
  url: string;
  hits: string[];
  close(): Promise<void>;
}> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "/");
    if (req.url === "/robots.txt") res.writeHead(404).end();
    else res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe("circuit breaker: a host that keeps failing is paused for the run", () => {
  const prefix = `nf-${inject("runId")}-breaker`;
  const env = { REDIS_URL: inject("redisUrl"), NEWSFIGURES_QUEUE_PREFIX: prefix };
  const PAGES = 8;
  const LIMIT = 3;

  it("defers the host's other pages, takes them out of the queue, and status says why", async () => {
    const site = await startFailingSite();
    const workers = startWorkers(workerDeps(prefix), {
      concurrency: 1,
      queues: ["discover", "fetch"],
    });
    const redis = new Redis(inject("redisUrl"));
    try {
      const p = parsePipeline(
        `name: breaker
sources:
  - urls: [${Array.from({ length: PAGES }, (_, i) => `"${site.url}/p/${i}"`).join(", ")}]
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
  attempts: 1
  pauseHostAfter: ${LIMIT}
`,
        "breaker.yaml",
      );
      await enqueueDiscover(workers.queues, p, "breaker-run");
      const tracker = new RunTracker(redis, prefix);
      const counts = await waitForRun(tracker, workers.queues, "breaker-run", {
        timeoutMs: 30_000,
      });
      expect(counts).toMatchObject({ total: PAGES, failed: LIMIT, deferred: PAGES - LIMIT });
      // The host was asked LIMIT times, not once per page.
      expect(site.hits.filter((h) => h.startsWith("/p/"))).toHaveLength(LIMIT);
      const deferred = await tracker.deferrals("breaker-run");
      expect(deferred[0]?.reason).toMatch(/^NF_FETCH_HOST_PAUSED: 127\.0\.0\.1:\d+ failed 3 times/);
      // Deferred jobs left the queue, so the next run can queue those pages again.
      await waitUntil(
        "deferred jobs removed",
        async () => (await workers.queues.fetch.getCompletedCount()) === 0,
        10_000,
      );

      const status = await runCli(["status", "--format", "json"], { env });
      expect(status.code).toBe(0);
      const json = JSON.parse(status.stdout) as { pausedHosts: Array<Record<string, unknown>> };
      expect(json.pausedHosts).toEqual([
        expect.objectContaining({
          pipeline: "breaker",
          run: "breaker-run",
          host: new URL(site.url).host,
          failures: LIMIT,
          reason: expect.stringMatching(/^NF_FETCH_HTTP_STATUS: .*HTTP 500/),
        }),
      ]);
      const text = await runCli(["status"], { env });
      expect(text.stdout).toMatch(
        /Paused hosts[^\n]*\n.*\n.*\n127\.0\.0\.1:\d+\s+breaker\s+breaker-run/,
      );
    } finally {
      await workers.close();
      await dropQueues(redis, prefix);
      redis.disconnect();
      await site.close();
    }
  }, 60_000);
});
