/**
 * No host can stall a run. Site A answers some pages with 429 (Retry-After: 2) and 503
 * (Retry-After: 1) forever, asks for Crawl-delay: 1, and has pages that redirect to
 * private and metadata addresses; site B (another port, so another host) is healthy.
 * Four workers run one pipeline over both. Every assertion is on the servers' request
 * logs, never on how fast the run went.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { RunTracker } from "../../../src/queue/run-tracker.js";
import { waitForRun } from "../../../src/queue/wait-run.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { dropQueues, pgStore, workerDeps } from "./helpers.js";
import {
  gaps,
  type LoggedSite,
  PERMANENT,
  PRIVATE_REDIRECTS,
  startHealthySite,
  startTroubledSite,
  troubledPipelineYaml,
} from "./troubled-site.js";

const A_PAGES = 4;
const B_PAGES = 6;
const ATTEMPTS = 3;

describe("queue: no host can stall a run", () => {
  const prefix = `nf-${inject("runId")}-stall`;
  const pg = pgStore("stall");
  let a: LoggedSite;
  let b: LoggedSite;
  let fleet: RunningWorkers[] = [];
  let redis: Redis;
  let store: Store;

  beforeAll(async () => {
    a = await startTroubledSite(A_PAGES);
    b = await startHealthySite();
    fleet = Array.from({ length: 4 }, (_, i) =>
      startWorkers(workerDeps(prefix), {
        concurrency: 4,
        workerName: `stall${i}`,
        queues: ["discover", "fetch", "extract"],
      }),
    );
    redis = new Redis(inject("redisUrl"));
    store = await openStore(pg.url);
  });

  afterAll(async () => {
    await Promise.all(fleet.map((w) => w.close()));
    await dropQueues(redis, prefix);
    redis.disconnect();
    await store?.close();
    await a?.close();
    await b?.close();
    await pg.drop();
  });

  it("completes: 429/503 pages fail with their codes after the attempts, everything else is stored, the other host never waits", async () => {
    const first = fleet[0] as RunningWorkers;
    const p = parsePipeline(troubledPipelineYaml(a, b, pg.url, "stall", B_PAGES), "stall.yaml");
    await enqueueDiscover(first.queues, p, "stall-run");
    const tracker = new RunTracker(redis, prefix);
    const counts = await waitForRun(tracker, first.queues, "stall-run", { timeoutMs: 80_000 });
    expect(counts.discovered).toBe(true);
    const total = A_PAGES + 2 + Object.keys(PRIVATE_REDIRECTS).length + PERMANENT.length + B_PAGES;
    expect(counts.total).toBe(total);
    expect(counts.done + counts.failed).toBe(total);

    const failed = await first.queues.fetch.getFailed(0, 99);
    const byPath = new Map(failed.map((j) => [new URL(j.data.ref.url).pathname, j]));
    expect(byPath.get("/busy")?.failedReason).toMatch(/^NF_FETCH_HTTP_429: /);
    expect(byPath.get("/down")?.failedReason).toMatch(/^NF_FETCH_HTTP_503: /);
    expect(byPath.get("/busy")?.attemptsMade).toBe(ATTEMPTS);
    expect(byPath.get("/down")?.attemptsMade).toBe(ATTEMPTS);
    for (const path of Object.keys(PRIVATE_REDIRECTS)) {
      expect(byPath.get(path)?.failedReason, path).toMatch(/^NF_FETCH_BLOCKED_ADDRESS: /);
      expect(byPath.get(path)?.attemptsMade, path).toBe(1);
    }
    // Permanent failures fail at once: one attempt, one request (the loop: one per hop).
    expect(byPath.get("/huge")?.failedReason).toMatch(/^NF_FETCH_TOO_LARGE: /);
    expect(byPath.get("/loop-a")?.failedReason).toMatch(/^NF_FETCH_REDIRECT_LOOP: /);
    expect(byPath.get("/blob")?.failedReason).toMatch(/^NF_FETCH_CONTENT_TYPE: .*binary data/);
    for (const path of ["/huge", "/loop-a", "/blob"])
      expect(byPath.get(path)?.attemptsMade, path).toBe(1);
    for (const path of [...PERMANENT, "/loop-b"])
      expect(
        a.hits.filter((h) => h.path === path),
        path,
      ).toHaveLength(1);
    // A PDF is not an article: skipped, not failed, not asked again.
    expect(byPath.has("/report.pdf")).toBe(false);
    // …and the run's report has them with their codes.
    const reasons = (await tracker.failures("stall-run")).map((f) => f.reason);
    expect(reasons.filter((r) => r.startsWith("NF_FETCH_HTTP_429: "))).toHaveLength(1);
    expect(reasons.filter((r) => r.startsWith("NF_FETCH_HTTP_503: "))).toHaveLength(1);

    // The normal pages of both hosts are stored.
    expect((await store.stats()).articles).toBe(A_PAGES + B_PAGES);

    const log = (path: string) => a.hits.filter((h) => h.path === path);
    // Each 429/503 page asked exactly `attempts` times, each retry at least its Retry-After
    // after the answer before it.
    expect(log("/busy")).toHaveLength(ATTEMPTS);
    expect(log("/down")).toHaveLength(ATTEMPTS);
    expect(Math.min(...gaps(log("/busy")))).toBeGreaterThanOrEqual(2000);
    expect(Math.min(...gaps(log("/down")))).toBeGreaterThanOrEqual(1000);
    // No two requests to site A closer than its Crawl-delay: the feed, pages, retries and
    // redirects, from four workers. (robots.txt itself is read once per worker before its
    // Crawl-delay is known; its turns are paced at the pipeline's interval.)
    const requests = a.hits.filter((h) => h.path !== "/robots.txt");
    expect(Math.min(...gaps(requests))).toBeGreaterThanOrEqual(1000);
    expect(a.hits.filter((h) => h.path === "/robots.txt").length).toBeLessThanOrEqual(4);
    // One request per run to each URL that redirects to a private address.
    for (const path of Object.keys(PRIVATE_REDIRECTS)) expect(log(path), path).toHaveLength(1);

    // Site B went on while site A was held back: its pages were all asked before site A's
    // 429 page had its last try, with no pause as long as a Retry-After between them.
    const bPages = b.hits.filter((h) => h.path.startsWith("/b/"));
    expect(bPages).toHaveLength(B_PAGES);
    expect(Math.max(...bPages.map((h) => h.at))).toBeLessThan(
      Math.max(...log("/busy").map((h) => h.at)),
    );
    expect(Math.max(...gaps(bPages))).toBeLessThan(2000);
    // Site A's ~23 requests are at least its Crawl-delay (1 s) apart: give the test room.
  }, 120_000);
});
