/**
 * A pipeline over a local RSS feed, run through the real queues on the real Redis and
 * PostgreSQL: every page ends up stored; polling the feed again fetches nothing.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import {
  feedPipeline,
  type NewsSite,
  pgStore,
  startNewsSite,
  stopQueue,
  workerDeps,
} from "./helpers.js";

const PAGES = 12;

describe("queue: feed -> fetch -> extract -> PostgreSQL", () => {
  const prefix = `nf-${inject("runId")}-run`;
  const pg = pgStore("run");
  let site: NewsSite;
  let workers: RunningWorkers;
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    site = await startNewsSite(PAGES, { extraPaths: ["/gone.html"] });
    workers = startWorkers(workerDeps(prefix), { concurrency: 4 });
    redis = new Redis(inject("redisUrl"));
    store = await openStore(pg.url);
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    await store?.close();
    await site?.close();
    await pg.drop();
  });

  it("stores every page's records, then stores and fetches nothing new on the next poll", async () => {
    const pipeline = feedPipeline(site, "local-feed", 5, pg.url);
    const tracker = new RunTracker(redis, prefix);

    await enqueueDiscover(workers.queues, pipeline, "first");
    const first = await waitForRun(tracker, workers.queues, "first", { timeoutMs: 25_000 });
    expect(first.total).toBe(PAGES + 1);
    // The page that answers 404 fails at once (permanent: no retries), with its code.
    expect(first.failed).toBe(1);
    const failed = await workers.queues.fetch.getFailed();
    expect(failed).toHaveLength(1);
    expect(failed[0]?.failedReason).toMatch(/^NF_FETCH_HTTP_STATUS: .*404/);
    expect(failed[0]?.attemptsMade).toBe(1);
    expect(failed[0]?.data.ref.url).toBe(`${site.url}/gone.html`);
    expect(first.statuses.stored).toBe(PAGES);
    expect(site.pageHits()).toBe(PAGES);

    const stats = await store.stats();
    expect(stats.articles).toBe(PAGES);
    // Each page says "revenue rose N% to $X billion" and "net income was $Y million".
    expect(stats.records).toBeGreaterThanOrEqual(PAGES * 3);
    const pages = Array.from({ length: PAGES }, (_, i) => `${site.url}/news/${i}.html`);
    expect(await store.knownUrls(pages)).toEqual(new Set(pages));
    const recordsBefore = stats.records;

    await enqueueDiscover(workers.queues, pipeline, "second");
    const second = await waitForRun(tracker, workers.queues, "second", { timeoutMs: 15_000 });
    expect(second.discovered).toBe(true);
    // Only the failed URL is offered again (it is not stored); its job id still names the
    // failed job, so it is not queued and nothing is fetched: the failure stays for
    // `failed retry`, and the run counts it as skipped, not done.
    expect(second.total).toBe(0);
    expect(second.skipped).toBe(1);
    expect(site.pageHits()).toBe(PAGES);
    const stillFailed = await workers.queues.fetch.getFailed();
    expect(stillFailed.map((j) => j.attemptsMade)).toEqual([1]);
    const after = await store.stats();
    expect(after.articles).toBe(PAGES);
    expect(after.records).toBe(recordsBefore);
    expect((await tracker.lastRuns())["local-feed"]).toMatchObject({
      found: PAGES + 1,
      enqueued: 0,
    });
  });
});
