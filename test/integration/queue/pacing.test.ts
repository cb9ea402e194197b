/**
 * Per-host pacing holds across workers: four worker processes' worth of BullMQ workers
 * (own connections each) fetch from one host, and the server sees requests at least the
 * configured interval apart.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enqueueDiscover } from "../../../src/queue/queues.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import {
  dropQueues,
  feedPipeline,
  type NewsSite,
  pgStore,
  startNewsSite,
  waitUntil,
  workerDeps,
} from "./helpers.js";

const PAGES = 16;
const INTERVAL_MS = 80;

describe("queue: per-host pacing across 4 workers", () => {
  const prefix = `nf-${inject("runId")}-pace`;
  const pg = pgStore("pace");
  let site: NewsSite;
  let fleet: RunningWorkers[] = [];
  let redis: Redis;

  beforeAll(async () => {
    site = await startNewsSite(PAGES);
    fleet = Array.from({ length: 4 }, (_, i) =>
      startWorkers(workerDeps(prefix), {
        concurrency: 4,
        workerName: `w${i}`,
        queues: ["discover", "fetch"],
      }),
    );
    redis = new Redis(inject("redisUrl"));
  });

  afterAll(async () => {
    await Promise.all(fleet.map((w) => w.close()));
    await dropQueues(redis, prefix);
    redis.disconnect();
    await site?.close();
    await pg.drop();
  });

  it("spaces requests to one host by at least perHostIntervalMs", async () => {
    const first = fleet[0] as RunningWorkers;
    await enqueueDiscover(first.queues, feedPipeline(site, "paced", INTERVAL_MS, pg.url), "paced");
    // Only discover and fetch run here: extraction's CPU work would delay this process's
    // server as much as its clients and blur the measurement.
    await waitUntil(
      "all pages fetched",
      async () => (await first.queues.fetch.getCompletedCount()) === PAGES,
      25_000,
    );
    const times = site.hits.map((h) => h.at).sort((a, b) => a - b);
    expect(times).toHaveLength(PAGES);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // The workers really did compete: more than one of them fetched.
    const done = await first.queues.fetch.getCompleted();
    expect(done).toHaveLength(PAGES);
    expect(new Set(done.map((j) => j.processedBy)).size).toBeGreaterThan(1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS);
    // …and not much slower than the pace allows (the pacer is not serialising on something else).
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThan(INTERVAL_MS * PAGES * 3);
  });
});
