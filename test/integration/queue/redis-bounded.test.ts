/**
 * Redis stays bounded: one poll takes at most `run.maxRefsPerSource` references from a
 * source, and retained extract jobs (completed or failed) keep no page body.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { enqueueDiscover, enqueueExtract, pipelineRef } from "../../../src/queue/queues.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import {
  articleHtml,
  type NewsSite,
  startNewsSite,
  stopQueue,
  waitUntil,
  workerDeps,
} from "./helpers.js";

describe("queue: Redis stays bounded", () => {
  const prefix = `nf-${inject("runId")}-bounded`;
  let site: NewsSite;
  let workers: RunningWorkers;
  let redis: Redis;

  beforeAll(async () => {
    site = await startNewsSite(40);
    redis = new Redis(inject("redisUrl"));
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    await site?.close();
  });

  it("takes at most run.maxRefsPerSource references from a feed per poll", async () => {
    workers = startWorkers(workerDeps(prefix), { queues: ["discover"] });
    const p = parsePipeline(
      `name: capped
sources:
  - feed: ${site.url}/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
run:
  maxRefsPerSource: 10
`,
      "capped.yaml",
    );
    await enqueueDiscover(workers.queues, p, "capped");
    await waitUntil(
      "discovery done",
      async () => (await workers.queues.discover.getCompletedCount()) === 1,
    );
    expect(await workers.queues.fetch.getWaitingCount()).toBe(10);
    const first = await workers.queues.fetch.getWaiting(0, 99);
    // The first ten in the feed's order (newest first in a real feed).
    expect(first.map((j) => j.data.ref.url).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `${site.url}/news/${i}.html`).sort(),
    );
    await workers.close();
  });

  it("drops the page body of a finished extract job, stored or failed for good", async () => {
    workers = startWorkers(workerDeps(prefix), { queues: ["extract"] });
    await workers.queues.fetch.obliterate({ force: true });
    const p = parsePipeline(
      "name: kept\nsources:\n  - urls: ['https://news.example.com/a']\n",
      "kept.yaml",
    );
    const page = (i: number) => ({
      url: `https://news.example.com/${i}`,
      finalUrl: `https://news.example.com/${i}`,
      status: 200,
      contentType: "text/html; charset=utf-8",
      etag: null,
      lastModified: null,
      bodyBase64: Buffer.from(articleHtml(i)).toString("base64"),
    });
    const ref = (i: number) => ({
      url: `https://news.example.com/${i}`,
      title: null,
      publishedAt: null,
      source: "test",
    });
    // Stored in the worker's default store (sqlite in memory)…
    await enqueueExtract(
      workers.queues,
      { pipeline: pipelineRef(p, null), ref: ref(1), extract: p.spec.extract, page: page(1) },
      articleHtml(1),
    );
    // …and one whose store cannot be opened: a permanent failure.
    const broken = { ...pipelineRef(p, null), store: "mysql://nowhere/db" };
    await enqueueExtract(
      workers.queues,
      { pipeline: broken, ref: ref(2), extract: p.spec.extract, page: page(2) },
      articleHtml(2),
    );
    await waitUntil(
      "both finished",
      async () =>
        (await workers.queues.extract.getCompletedCount()) === 1 &&
        (await workers.queues.extract.getFailedCount()) === 1,
    );
    const [done] = await workers.queues.extract.getCompleted();
    const [failed] = await workers.queues.extract.getFailed();
    expect(failed?.failedReason).toMatch(/^NF_STORE_UNSUPPORTED: /);
    for (const job of [done, failed]) {
      expect(job?.data.page?.bodyBase64).toBe("");
      expect(job?.data.bodyDropped).toBe(true);
    }
    // Put back by hand, the job says what to do instead of storing an empty page.
    await failed?.retry("failed");
    await waitUntil(
      "the retried job failed again",
      async () => (await workers.queues.extract.getFailedCount()) === 1,
    );
    const [again] = await workers.queues.extract.getFailed();
    expect(again?.failedReason).toMatch(/^NF_QUEUE_PAGE_DROPPED: .*run the pipeline again/);
  });
});
