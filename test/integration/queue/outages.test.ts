/**
 * Services going away mid-run. Redis: a private redis-server (never the shared one, which
 * other test files use) on a free port, with an append-only file as in production, is
 * stopped and started again; the workers reconnect and the run completes. PostgreSQL: a
 * TCP proxy in front of it is closed, extract jobs fail as transient and are retried, and
 * succeed once the proxy is open again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createRedis, enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import {
  dropQueues,
  feedPipeline,
  pgStore,
  startNewsSite,
  waitUntil,
  workerDeps,
} from "./helpers.js";
import { freePort, startRedis, stop } from "./redis-server.js";

/** A TCP proxy to PostgreSQL that can be closed (refusing and cutting connections) and reopened. */
class PgProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => server.listen(this.port, "127.0.0.1", r));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

describe("queue: outages", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it("rides out a Redis restart in the middle of a run", async () => {
    const PAGES = 16;
    const dir = mkdtempSync(join(tmpdir(), "nf-redis-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    let redisServer = await startRedis(port, dir);
    cleanups.push(() => stop(redisServer, "SIGKILL"));
    const redisUrl = `redis://127.0.0.1:${port}`;
    const prefix = `nf-${inject("runId")}-redis`;
    const pg = pgStore("redis");
    cleanups.push(() => pg.drop());
    const site = await startNewsSite(PAGES, { delayMs: 100 });
    cleanups.push(() => site.close());
    const workers: RunningWorkers = startWorkers(workerDeps(prefix, redisUrl), {
      concurrency: 2,
      stalledInterval: 1000,
      lockDuration: 2000,
    });
    cleanups.push(() => workers.close());

    await enqueueDiscover(
      workers.queues,
      feedPipeline(site, "redis-restart", 20, pg.url),
      "restart",
    );
    await waitUntil("a few pages fetched", () => site.pageHits() >= 4, 20_000);
    await stop(redisServer);
    await new Promise((r) => setTimeout(r, 1000));
    redisServer = await startRedis(port, dir);

    const watcher = createRedis(redisUrl);
    cleanups.push(async () => watcher.disconnect());
    const store: Store = await openStore(pg.url);
    cleanups.push(() => store.close());
    await waitUntil(
      "every page stored after the restart",
      async () => (await store.stats()).articles === PAGES,
      40_000,
    );
    const counts = await waitForRun(new RunTracker(watcher, prefix), workers.queues, "restart", {
      timeoutMs: 20_000,
    });
    expect(counts.failed).toBe(0);
    expect((await store.stats()).articles).toBe(PAGES);
    expect(new Set((await store.listRuns()).map((r) => r.articleId)).size).toBe(PAGES);
  }, 90_000);

  it("retries extract jobs while PostgreSQL is unreachable and stores them once it is back", async () => {
    const PAGES = 5;
    const target = new URL(inject("databaseUrl"));
    const proxy = new PgProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    cleanups.push(() => proxy.close());
    const pg = pgStore("pgdown");
    cleanups.push(() => pg.drop());
    const viaProxy = new URL(pg.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    // Create the schema while the database is reachable, then cut it off.
    const direct = await openStore(pg.url);
    cleanups.push(() => direct.close());
    const prefix = `nf-${inject("runId")}-pgdown`;
    const site = await startNewsSite(PAGES);
    cleanups.push(() => site.close());
    const workers = startWorkers(workerDeps(prefix), { concurrency: 4 });
    cleanups.push(async () => {
      await workers.close();
      const redis = createRedis(inject("redisUrl"));
      await dropQueues(redis, prefix);
      redis.disconnect();
    });

    // Discovery needs the store (knownUrls); let it and the fetches through, then cut PostgreSQL.
    await workers.queues.extract.pause();
    await enqueueDiscover(
      workers.queues,
      feedPipeline(site, "pg-down", 5, viaProxy.toString()),
      "pgdown",
    );
    await waitUntil(
      "every page fetched",
      async () => (await workers.queues.extract.getJobCounts("waiting")).waiting === PAGES,
      20_000,
    );
    await proxy.close();
    await workers.queues.extract.resume();

    // Extract jobs fail as transient: back to delayed for a retry, none in the failed set.
    await waitUntil(
      "extract retries scheduled",
      async () => (await workers.queues.extract.getDelayedCount()) > 0,
      20_000,
    );
    const delayed = await workers.queues.extract.getDelayed();
    expect(delayed[0]?.failedReason).toMatch(/^(NF_STORE_|ECONN|NF_UNKNOWN)/);
    expect(await workers.queues.extract.getFailedCount()).toBe(0);

    await proxy.open();
    await waitUntil(
      "every page stored once PostgreSQL is back",
      async () => (await direct.stats()).articles === PAGES,
      40_000,
    );
    expect(await workers.queues.extract.getFailedCount()).toBe(0);
    const done = await workers.queues.extract.getCompleted();
    expect(done.some((j) => j.attemptsMade >= 1)).toBe(true);
  }, 90_000);
});
