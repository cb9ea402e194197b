/**
 * The queued pipeline as a user drives it, through the built CLI: `worker` in its own
 * process, `ingest PIPELINE.yaml` waiting for the run, `status`, `failed list` and
 * `failed retry`, then SIGTERM and a clean exit, also with a job in hand. The store URL carries a password
 * (PostgreSQL here trusts loopback and ignores it) that must never reach a log line.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { createQueues, enqueueDiscover } from "../../../src/queue/queues.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { BIN, ROOT, runCli } from "../../helpers/cli.js";
import {
  dropQueues,
  type NewsSite,
  pgStore,
  startNewsSite,
  waitForWorkerProcess,
  waitUntil,
} from "./helpers.js";

const PAGES = 5;
const SECRET = "s3cret-pw";

describe("queue through the CLI: worker, ingest, status, failed", () => {
  const prefix = `nf-${inject("runId")}-cli`;
  const pg = pgStore("cli");
  const missing = new Set(["/news/99.html"]);
  const env = { REDIS_URL: inject("redisUrl"), NEWSFIGURES_QUEUE_PREFIX: prefix };
  let site: NewsSite;
  let dir: string;
  let yaml: string;
  let worker: ChildProcess;
  let logs = "";
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    site = await startNewsSite(PAGES, { extraPaths: ["/news/99.html"], missing });
    dir = mkdtempSync(join(tmpdir(), "nf-cli-queue-"));
    const storeUrl = new URL(pg.url);
    storeUrl.password = SECRET;
    yaml = join(dir, "local-cli.yaml");
    writeFileSync(
      yaml,
      `name: local-cli
sources:
  - feed: ${site.url}/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
store: ${storeUrl.toString()}
`,
    );
    worker = spawn(process.execPath, [BIN, "worker", "--concurrency", "4", "--pipelines", yaml], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout?.setEncoding("utf8").on("data", (d: string) => (logs += d));
    worker.stderr?.setEncoding("utf8").on("data", (d: string) => (logs += d));
    redis = new Redis(inject("redisUrl"));
    store = await openStore(pg.url);
    // The worker process is up when its BullMQ workers have connected to all three queues.
    await waitForWorkerProcess(redis, prefix);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill("SIGKILL");
    await dropQueues(redis, prefix);
    redis.disconnect();
    await store?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
    await pg.drop();
  });

  it("ingest waits for the queued run and names the page that failed, with its code", async () => {
    const run = await runCli(["ingest", yaml], { env });
    expect(run.stderr).toMatch(/queued run local-cli-/);
    expect(run.stderr).not.toMatch(/no worker/);
    expect(run.stderr).toMatch(/news\/99\.html: NF_FETCH_HTTP_STATUS: .*404/);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Pipeline local-cli /);
    expect(run.stdout).not.toContain(SECRET);
    expect((await store.stats()).articles).toBe(PAGES);
  });

  it("status shows the counts, the failure with its code and the pipeline's last poll", async () => {
    const run = await runCli(["status", "--format", "json"], { env });
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as {
      counts: Record<string, Record<string, number>>;
      failed: { queue: string; code: string }[];
      lastRuns: Record<string, { found: number; enqueued: number }>;
    };
    expect(status.counts.fetch).toMatchObject({
      failed: 1,
      completed: PAGES,
      waiting: 0,
      workers: 1,
    });
    expect(status.counts.extract).toMatchObject({ completed: PAGES, failed: 0 });
    expect(status.failed).toEqual([
      expect.objectContaining({ queue: "fetch", code: "NF_FETCH_HTTP_STATUS" }),
    ]);
    expect(status.lastRuns["local-cli"]).toMatchObject({ found: PAGES + 1, enqueued: PAGES + 1 });
    const text = await runCli(["status"], { env });
    expect(text.stdout).toMatch(/fetch\s+0\s+0\s+0\s+5\s+1/);
  });

  it("failed list gives the job; failed retry runs it again once the page is there", async () => {
    const list = await runCli(["failed", "list"], { env });
    expect(list.code).toBe(0);
    const lines = list.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        queue: "fetch",
        code: "NF_FETCH_HTTP_STATUS",
        url: `${site.url}/news/99.html`,
        pipeline: "local-cli",
        attempts: 1,
      }),
    ]);
    missing.delete("/news/99.html");
    const retry = await runCli(["failed", "retry", String(lines[0].id)], { env });
    expect(retry.stdout).toBe("retried 1 job(s)\n");
    await waitUntil("the retried page is stored", async () => {
      return (await store.stats()).articles === PAGES + 1;
    });
    expect((await runCli(["failed", "list"], { env })).stdout).toBe("");
  });

  it("ingest says so when no worker is taking the jobs, instead of waiting in silence", async () => {
    const lonely = `${prefix}-none`;
    const child = spawn(process.execPath, [BIN, "ingest", yaml], {
      cwd: ROOT,
      env: { ...process.env, ...env, NEWSFIGURES_QUEUE_PREFIX: lonely },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    try {
      await waitUntil("the no-worker warning", () => stderr.includes("no worker is taking"));
      expect(stderr).toMatch(
        new RegExp(`no worker is taking discover, fetch, extract jobs under prefix "${lonely}"`),
      );
    } finally {
      child.kill("SIGKILL");
      await dropQueues(redis, lonely);
    }
  });

  it("logs one outcome line per job with its queue, id and url, and never the password", () => {
    const lines = logs
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const outcomes = lines.filter((l) => l.stage === "extract" && l.outcome === "stored");
    expect(outcomes).toHaveLength(PAGES + 1);
    for (const o of outcomes) {
      expect(o).toMatchObject({ queue: "extract", pipeline: "local-cli" });
      expect(String(o.url)).toMatch(/\/news\/\d+\.html$/);
      expect(o.jobId).toBeTruthy();
    }
    expect(logs).not.toContain(SECRET);
  });

  it("ingest fails, with the code, a pipeline the workers did not load", async () => {
    const stranger = join(dir, "stranger.yaml");
    writeFileSync(
      stranger,
      readFileSync(yaml, "utf8").replace("name: local-cli", "name: stranger"),
    );
    const run = await runCli(["ingest", stranger], { env });
    expect(run.stderr).toMatch(/pipeline stranger: NF_QUEUE_UNKNOWN_PIPELINE: .*did not load/);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed: 1/);
  });

  it("stops on SIGTERM and exits 0", async () => {
    const exited = new Promise<number | null>((r) => worker.once("exit", (code) => r(code)));
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("queue through the CLI: SIGTERM in the middle of a job", () => {
  const prefix = `nf-${inject("runId")}-term`;
  const pg = pgStore("term");
  const env = { REDIS_URL: inject("redisUrl"), NEWSFIGURES_QUEUE_PREFIX: prefix };
  let site: NewsSite;
  let redis: Redis;

  beforeAll(async () => {
    // Every page takes 1.5 s to answer: the worker surely holds a fetch when told to stop.
    site = await startNewsSite(2, { delayMs: 1500 });
    redis = new Redis(inject("redisUrl"));
  });

  afterAll(async () => {
    await dropQueues(redis, prefix);
    redis.disconnect();
    await site?.close();
    await pg.drop();
  });

  it("finishes the fetches it holds, takes no new job, and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nf-term-"));
    const file = join(dir, "term.yaml");
    const yaml = `name: term
sources:
  - feed: ${site.url}/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
store: ${pg.url}
`;
    writeFileSync(file, yaml);
    const worker = spawn(
      process.execPath,
      [BIN, "worker", "--concurrency", "1", "--pipelines", file],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, NEWSFIGURES_STORE: pg.url, LOG_LEVEL: "silent" },
        stdio: "ignore",
      },
    );
    const exited = new Promise<number | null>((r) => worker.once("exit", (code) => r(code)));
    const queues = createQueues(redis, prefix);
    try {
      const pipeline = parsePipeline(yaml, file);
      await enqueueDiscover(queues, pipeline, "term");
      await waitUntil("a page request", () => site.pageHits() === 1);
      worker.kill("SIGTERM");
      expect(await exited).toBe(0);
      // The fetch in hand completed; the second page was never asked for and waits for a worker.
      const counts = await queues.fetch.getJobCounts("active", "completed", "waiting");
      expect(counts).toEqual({ active: 0, completed: 1, waiting: 1 });
      expect(site.pageHits()).toBe(1);
    } finally {
      if (worker.exitCode === null) worker.kill("SIGKILL");
      await queues.close();
    }
  });
});
