/**
 * Fetch jobs are named by store and URL: two pipelines that read one feed into two stores
 * both end up with every article, and so does a pipeline whose store was wiped since its
 * last run. What a run did not do is counted as skipped, never as done.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fetchJobId } from "../../../src/queue/job-id.js";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore } from "../../../src/store/index.js";
import { feedPipeline, type NewsSite, startNewsSite, stopQueue, workerDeps } from "./helpers.js";

const PAGES = 5;

describe("queue: job identity is store + URL", () => {
  const prefix = `nf-${inject("runId")}-ident`;
  const dir = mkdtempSync(join(tmpdir(), "nf-ident-"));
  let site: NewsSite;
  let workers: RunningWorkers;
  let redis: Redis;

  beforeAll(async () => {
    site = await startNewsSite(PAGES, { extraPaths: ["/gone.html"] });
    workers = startWorkers(workerDeps(prefix), { concurrency: 4 });
    redis = new Redis(inject("redisUrl"));
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const articlesIn = async (url: string): Promise<number> => {
    const store = await openStore(url);
    try {
      return (await store.stats()).articles;
    } finally {
      await store.close();
    }
  };

  it("fills both stores of two pipelines that read the same feed", async () => {
    const a = `sqlite:${join(dir, "a.db")}`;
    const b = `sqlite:${join(dir, "b.db")}`;
    const tracker = new RunTracker(redis, prefix);
    await enqueueDiscover(workers.queues, feedPipeline(site, "feed-a", 0, a), "a1");
    const first = await waitForRun(tracker, workers.queues, "a1", { timeoutMs: 20_000 });
    expect(first.statuses.stored).toBe(PAGES);
    await enqueueDiscover(workers.queues, feedPipeline(site, "feed-b", 0, b), "b1");
    const second = await waitForRun(tracker, workers.queues, "b1", { timeoutMs: 20_000 });
    expect(second.statuses.stored).toBe(PAGES);
    expect(await articlesIn(a)).toBe(PAGES);
    expect(await articlesIn(b)).toBe(PAGES);
    expect(fetchJobId("https://x.test/a", a)).not.toBe(fetchJobId("https://x.test/a", b));
  }, 45_000);

  it("fetches again for a store wiped since the last run, and says what it skipped", async () => {
    const c = `sqlite:${join(dir, "c.db")}`;
    const tracker = new RunTracker(redis, prefix);
    const pipeline = feedPipeline(site, "feed-c", 0, c);
    await enqueueDiscover(workers.queues, pipeline, "c1");
    await waitForRun(tracker, workers.queues, "c1", { timeoutMs: 20_000 });
    expect(await articlesIn(c)).toBe(PAGES);
    // Wiped behind the worker's back (it keeps the file open), as an operator would.
    const db = new Database(join(dir, "c.db"));
    db.exec("DELETE FROM articles; DELETE FROM fetch_state");
    db.close();
    expect(await articlesIn(c)).toBe(0);
    await enqueueDiscover(workers.queues, pipeline, "c2");
    const again = await waitForRun(tracker, workers.queues, "c2", { timeoutMs: 20_000 });
    expect(again.statuses.stored).toBe(PAGES);
    expect(await articlesIn(c)).toBe(PAGES);
    // The 404 page failed in the first run and is not tried again: said, not hidden.
    expect(again.skipped).toBe(1);
    expect(await tracker.skips("c2")).toEqual([
      { what: `${site.url}/gone.html`, reason: expect.stringMatching(/failed earlier/) },
    ]);
  }, 45_000);
});
