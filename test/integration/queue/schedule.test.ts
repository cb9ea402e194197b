/**
 * `schedule` against the real Redis: one scheduler per scheduled pipeline, cron patterns
 * for `every`, no upsert when nothing changed, schedulers of removed pipelines deleted.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { createQueues, createRedis } from "../../../src/queue/queues.js";
import { syncSchedulers } from "../../../src/queue/schedule.js";
import { dropQueues } from "./helpers.js";

const pipeline = (name: string, schedule: string) =>
  parsePipeline(
    `name: ${name}\n${schedule}\nsources:\n  - feed: https://news.example.com/feed.xml\n`,
    `${name}.yaml`,
  );

describe("queue: job schedulers", () => {
  const redis = createRedis(inject("redisUrl"));
  const prefix = `nf-${inject("runId")}-sched`;
  const queues = createQueues(redis, prefix);

  afterAll(async () => {
    await queues.close();
    await dropQueues(redis, prefix);
    redis.disconnect();
  });

  it("upserts, keeps, updates and removes schedulers to match the pipelines", async () => {
    const a = pipeline("alpha", "schedule: { every: 15m }");
    const b = pipeline("beta", 'schedule: { cron: "0 6 * * 1-5" }');
    const c = pipeline("gamma", "");
    expect(await syncSchedulers(queues.discover, [a, b, c])).toEqual({
      upserted: ["alpha", "beta"],
      unchanged: [],
      removed: [],
    });
    const first = await queues.discover.getJobSchedulers(0, -1, true);
    expect(first.map((s) => [s.key, s.pattern]).sort()).toEqual([
      ["pipeline-alpha", "*/15 * * * *"],
      ["pipeline-beta", "0 6 * * 1-5"],
    ]);
    expect(first.find((s) => s.key === "pipeline-alpha")?.template?.data?.spec.name).toBe("alpha");

    // Running it again changes nothing (no duplicate schedulers from quick re-upserts).
    expect(await syncSchedulers(queues.discover, [a, b, c])).toEqual({
      upserted: [],
      unchanged: ["alpha", "beta"],
      removed: [],
    });
    expect(await queues.discover.getJobSchedulersCount()).toBe(2);

    // alpha changes its schedule, beta's file is deleted.
    const a2 = pipeline("alpha", "schedule: { every: 2h }");
    expect(await syncSchedulers(queues.discover, [a2, c])).toEqual({
      upserted: ["alpha"],
      unchanged: [],
      removed: ["beta"],
    });
    const last = await queues.discover.getJobSchedulers(0, -1, true);
    expect(last.map((s) => [s.key, s.pattern])).toEqual([["pipeline-alpha", "0 */2 * * *"]]);
  });
});
