/**
 * Validators flow from the store to the next poll: a page kept out of the store (too
 * short) leaves its ETag behind; when it is offered again, discovery hands the ETag to
 * the fetch job, which asks conditionally and is answered 304.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { fetchJobId } from "../../../src/queue/job-id.js";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { articleHtml, pgStore, stopQueue, workerDeps } from "./helpers.js";

const BRIEF = `<!doctype html><html><head><title>Brief</title></head><body><article><p>Markets open at nine.</p></article></body></html>`;

describe("queue: conditional GET on the next poll", () => {
  const prefix = `nf-${inject("runId")}-cond`;
  const pg = pgStore("cond");
  const asked: { path: string; headers: IncomingHttpHeaders }[] = [];
  let server: Server;
  let base = "";
  let workers: RunningWorkers;
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? "/";
      if (path === "/feed.xml") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><link>${base}/brief.html</link></item><item><link>${base}/story.html</link></item></channel></rss>`,
        );
        return;
      }
      asked.push({ path, headers: req.headers });
      if (path === "/brief.html") {
        if (req.headers["if-none-match"] === '"brief-1"') {
          res.writeHead(304, { etag: '"brief-1"' }).end();
          return;
        }
        res.writeHead(200, { "content-type": "text/html", etag: '"brief-1"' });
        res.end(BRIEF);
        return;
      }
      if (path === "/story.html") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(articleHtml(7));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    workers = startWorkers(workerDeps(prefix), { concurrency: 2 });
    redis = new Redis(inject("redisUrl"));
    store = await openStore(pg.url);
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    await store?.close();
    await new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
    await pg.drop();
  });

  it("sends the remembered ETag and takes a 304 as nothing to do", async () => {
    const pipeline = parsePipeline(
      `name: cond
sources:
  - feed: ${base}/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
  respectRobots: false
extract:
  minBodyChars: 200
store: ${pg.url}
`,
      "cond.yaml",
    );
    const tracker = new RunTracker(redis, prefix);
    await enqueueDiscover(workers.queues, pipeline, "one");
    const one = await waitForRun(tracker, workers.queues, "one", { timeoutMs: 20_000 });
    expect(one.statuses).toEqual({ stored: 1, skipped: 1 });
    expect((await store.getFetchState(`${base}/brief.html`))?.etag).toBe('"brief-1"');
    expect(asked.find((a) => a.path === "/brief.html")?.headers["if-none-match"]).toBeUndefined();

    // A day later the completed fetch jobs have aged out and the URL may be queued again.
    await workers.queues.fetch.clean(0, 1000, "completed");
    await enqueueDiscover(workers.queues, pipeline, "two");
    const two = await waitForRun(tracker, workers.queues, "two", { timeoutMs: 20_000 });
    // The stored story is known and not offered again; the brief is asked for conditionally.
    expect(two.total).toBe(1);
    expect(two.statuses).toEqual({ "not-modified": 1 });
    const briefAsks = asked.filter((a) => a.path === "/brief.html");
    expect(briefAsks).toHaveLength(2);
    expect(briefAsks[1]?.headers["if-none-match"]).toBe('"brief-1"');
    expect(asked.filter((a) => a.path === "/story.html")).toHaveLength(1);
    // Discovery read the validators for the whole feed and put them in the job.
    const job = await workers.queues.fetch.getJob(
      fetchJobId(`${base}/brief.html`, pipeline.spec.store ?? null),
    );
    expect(job?.data.known).toEqual({ etag: '"brief-1"', lastModified: null });
  });
});
