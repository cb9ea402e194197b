/**
 * Corrections arrive: a pipeline that re-checks recent articles every poll fetches a
 * stored page again (conditionally), and a page whose figure changed between three polls
 * leaves one article with the last revision's records and two revisions of history; a
 * page that did not change answers 304 and stays as it is.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { runCli } from "../../helpers/cli.js";
import { articleHtml, pgStore, stopQueue, workerDeps } from "./helpers.js";

const REVENUE = ["1.5", "2.5", "3.5"];

function correctedPage(version: number): string {
  return `<!doctype html><html lang="en"><head><title>Fenwick Steel results</title></head><body>
<article><h1>Fenwick Steel posts results</h1>
<p>Fenwick Steel said on Monday that revenue was $${REVENUE[version]} billion in the third quarter, as orders from carmakers held up through the summer months.</p>
<p>The company kept its forecast for the year and said it would keep investing in its two largest mills in Ohio and Indiana over the next two years.</p>
</article></body></html>`;
}

describe("queue: corrections become revisions", () => {
  const prefix = `nf-${inject("runId")}-rev`;
  const pg = pgStore("rev");
  let version = 0;
  let server: Server;
  let base = "";
  let workers: RunningWorkers;
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/feed.xml") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><link>${base}/fenwick.html</link></item><item><link>${base}/steady.html</link></item></channel></rss>`,
        );
      } else if (req.url === "/fenwick.html") {
        const etag = `"fenwick-${version}"`;
        if (req.headers["if-none-match"] === etag) res.writeHead(304, { etag }).end();
        else {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag });
          res.end(correctedPage(version));
        }
      } else if (req.url === "/steady.html") {
        if (req.headers["if-none-match"] === '"steady"') res.writeHead(304).end();
        else {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"steady"' });
          res.end(articleHtml(3));
        }
      } else res.writeHead(404).end();
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
    await new Promise<void>((r) => server.close(() => r()));
    await pg.drop();
  });

  it("keeps one article with the last figures and two revisions of history", async () => {
    const pipeline = parsePipeline(
      `name: corrections
sources:
  - feed: ${base}/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
  recheckWithin: 48h
store: ${pg.url}
`,
      "corrections.yaml",
    );
    const tracker = new RunTracker(redis, prefix);
    const statuses = [];
    for (version = 0; version < 3; version++) {
      await enqueueDiscover(workers.queues, pipeline, `poll-${version}`);
      const c = await waitForRun(tracker, workers.queues, `poll-${version}`, { timeoutMs: 20_000 });
      statuses.push(c.statuses);
    }
    expect(statuses).toEqual([
      { stored: 2 },
      { stored: 1, "not-modified": 1 },
      { stored: 1, "not-modified": 1 },
    ]);
    expect((await store.stats()).articles).toBe(2);
    const fenwick = await store.queryRecords({ entity: "Fenwick Steel", metric: "revenue" });
    expect(fenwick.map((r) => r.record.value.amount)).toEqual([3.5e9]);
    const history = await store.listRevisions(`${base}/fenwick.html`);
    expect(history.map((h) => h.records.find((r) => r.metric === "revenue")?.value.amount)).toEqual(
      [1.5e9, 2.5e9],
    );
    expect(history.map((h) => h.updated)).toEqual([1, 1]);
    expect(await store.listRevisions(`${base}/steady.html`)).toEqual([]);
    const cli = await runCli(["query", "--history", `${base}/fenwick.html`, "--store", pg.url]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^revision 1 of /);
    expect(cli.stdout).toContain("value.amount 1500000000 -> 2500000000");
    expect(cli.stdout).toContain("value.amount 2500000000 -> 3500000000");
  }, 60_000);
});
