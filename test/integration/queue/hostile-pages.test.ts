/**
 * Pages that used to stall a worker (100,000 nested <div>, 100,000 unclosed <span>, one
 * 4.9 MB paragraph) fail at once with their codes, while a second pipeline's articles on
 * the same worker are stored in the same wait, none of its jobs run twice (no lost lock)
 * and none fails as stalled. A page over the per-page time limit fails permanently with
 * NF_EXTRACT_TIMEOUT.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import type { Pipeline } from "../../../src/pipeline/schema.js";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { giantParagraph, nestedDivs, unclosedSpans } from "../../helpers/hostile-pages.js";
import { articleHtml, pgStore, stopQueue, workerDeps } from "./helpers.js";

const NORMAL = 20;
const HOSTILE: Record<string, string> = {
  "/deep.html": nestedDivs(100_000),
  "/spans.html": unclosedSpans(100_000),
  "/giant.html": giantParagraph(4_900_000),
};

async function serve(): Promise<{ base: string; server: Server }> {
  let base = "";
  const feed = (paths: string[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${paths.map((p) => `<item><link>${base}${p}</link></item>`).join("")}</channel></rss>`;
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/hostile.xml" || path === "/news.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        feed(
          path === "/hostile.xml"
            ? Object.keys(HOSTILE)
            : Array.from({ length: NORMAL }, (_, i) => `/news/${i}.html`),
        ),
      );
      return;
    }
    const page =
      HOSTILE[path] ??
      (/^\/news\/(\d+)\.html$/.test(path) ? articleHtml(Number(path.slice(6, -5))) : undefined);
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server };
}

function pipeline(name: string, feed: string, store: string): Pipeline {
  return parsePipeline(
    `name: ${name}\nsources:\n  - feed: ${feed}\nfetch:\n  allowPrivateNetwork: true\n  perHostIntervalMs: 0\nstore: ${store}\n`,
    `${name}.yaml`,
  );
}

describe("queue: hostile pages cannot stall a worker", () => {
  const prefix = `nf-${inject("runId")}-hostile`;
  const pg = pgStore("hostile");
  let site: { base: string; server: Server };
  let workers: RunningWorkers;
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    site = await serve();
    // A short lock: a worker whose event loop is blocked for 2 s loses its jobs.
    workers = startWorkers(workerDeps(prefix), {
      concurrency: 8,
      lockDuration: 2000,
      stalledInterval: 1000,
    });
    redis = new Redis(inject("redisUrl"));
    store = await openStore(pg.url);
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    await store?.close();
    await new Promise<void>((r) => site?.server.close(() => r()));
    await pg.drop();
  });

  it("refuses the hostile pages with their codes and stores the other pipeline's articles", async () => {
    const tracker = new RunTracker(redis, prefix);
    await enqueueDiscover(
      workers.queues,
      pipeline("hostile", `${site.base}/hostile.xml`, pg.url),
      "h",
    );
    await enqueueDiscover(workers.queues, pipeline("news", `${site.base}/news.xml`, pg.url), "n");
    const [hostile, news] = await Promise.all([
      waitForRun(tracker, workers.queues, "h", { timeoutMs: 40_000 }),
      waitForRun(tracker, workers.queues, "n", { timeoutMs: 40_000 }),
    ]);
    expect(news.statuses.stored).toBe(NORMAL);
    expect(news.failed).toBe(0);
    expect(hostile.failed).toBe(3);
    const failed = await workers.queues.extract.getFailed();
    expect(
      Object.fromEntries(
        failed.map((j) => [new URL(j.data.ref.url).pathname, j.failedReason?.split(":")[0]]),
      ),
    ).toEqual({
      "/deep.html": "NF_PARSE_TOO_DEEP",
      "/spans.html": "NF_PARSE_TOO_DEEP",
      "/giant.html": "NF_EXTRACT_LINE_TOO_LONG",
    });
    expect(failed.every((j) => j.attemptsMade === 1)).toBe(true);
    // No job ran twice: no lock was lost while the hostile pages were worked on.
    const completed = await workers.queues.extract.getCompleted();
    expect(completed).toHaveLength(NORMAL);
    expect(
      completed.every((j) => (j.attemptsStarted ?? 1) === 1 && (j.stalledCounter ?? 0) === 0),
    ).toBe(true);
    expect((await store.stats()).articles).toBe(NORMAL);
  }, 60_000);
});

describe("queue: the per-page time limit", () => {
  const prefix = `nf-${inject("runId")}-limit`;
  const pg = pgStore("limit");
  let site: { base: string; server: Server };
  let workers: RunningWorkers;
  let redis: Redis;

  beforeAll(async () => {
    site = await serve();
    workers = startWorkers(workerDeps(prefix), {
      concurrency: 4,
      analysis: { pageTimeLimitMs: 1 },
    });
    redis = new Redis(inject("redisUrl"));
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    await new Promise<void>((r) => site?.server.close(() => r()));
    await pg.drop();
  });

  it("fails a page over the limit permanently with NF_EXTRACT_TIMEOUT", async () => {
    const tracker = new RunTracker(redis, prefix);
    await enqueueDiscover(workers.queues, pipeline("slow", `${site.base}/news.xml`, pg.url), "s");
    const run = await waitForRun(tracker, workers.queues, "s", { timeoutMs: 30_000 });
    expect(run.failed).toBe(NORMAL);
    const failed = await workers.queues.extract.getFailed();
    expect(failed).toHaveLength(NORMAL);
    expect(
      failed.every(
        (j) => j.failedReason?.startsWith("NF_EXTRACT_TIMEOUT:") && j.attemptsMade === 1,
      ),
    ).toBe(true);
  }, 40_000);
});
