/**
 * Job data comes from Redis and is checked against the pipelines the worker loaded: a job
 * of another pipeline, one naming another store, and one naming a file outside the
 * pipeline's folder all fail permanently with their codes, and nothing is stored.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadPipeline } from "../../../src/pipeline/load.js";
import type { Pipeline } from "../../../src/pipeline/schema.js";
import { enqueueExtract, pipelineRef } from "../../../src/queue/queues.js";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore } from "../../../src/store/index.js";
import { stopQueue, waitUntil, workerDeps } from "./helpers.js";

// Longer than extract.minBodyChars (200), which files are held to as pages are.
const ARTICLE =
  "Pellucid Paper posts results\nPellucid Paper said revenue rose 3% to $410 million.\nThe mill said orders for packaging grades held up through the quarter and that it kept its forecast for the year, helped by lower pulp and energy costs.\n";

describe("queue: job data is checked against the loaded pipelines", () => {
  const prefix = `nf-${inject("runId")}-trust`;
  const dir = mkdtempSync(join(tmpdir(), "nf-trust-"));
  const store = `sqlite:${join(dir, "trusted.db")}`;
  let pipeline: Pipeline;
  let workers: RunningWorkers;
  let redis: Redis;

  beforeAll(async () => {
    mkdirSync(join(dir, "articles"));
    writeFileSync(join(dir, "articles", "a.txt"), ARTICLE);
    writeFileSync(join(dir, "private.txt"), `Private\n${ARTICLE}`);
    writeFileSync(
      join(dir, "local.yaml"),
      `name: local\nsources:\n  - files: ./articles\nstore: ${store}\n`,
    );
    pipeline = await loadPipeline(join(dir, "local.yaml"));
    workers = startWorkers({ ...workerDeps(prefix), pipelines: [pipeline], filesRoot: dir });
    redis = new Redis(inject("redisUrl"));
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    rmSync(dir, { recursive: true, force: true });
  });

  const fileJob = (ref: ReturnType<typeof pipelineRef>, path: string) => ({
    pipeline: ref,
    ref: { url: pathToFileURL(path).href, title: null, publishedAt: null, source: "files" },
    extract: { minBodyChars: 0 },
    page: null,
  });

  it("fails forged jobs with their codes and runs the genuine one", async () => {
    const ref = pipelineRef(pipeline, null);
    const other = join(dir, "other.db");
    const forged = [
      fileJob({ ...ref, name: "stranger" }, join(dir, "articles", "a.txt")),
      fileJob({ ...ref, store: `sqlite:${other}` }, join(dir, "articles", "a.txt")),
      fileJob(ref, join(dir, "private.txt")),
    ];
    for (const [i, job] of forged.entries())
      await enqueueExtract(workers.queues, job, `forged-${i}`);
    await enqueueExtract(workers.queues, fileJob(ref, join(dir, "articles", "a.txt")), "genuine");
    await waitUntil("all four jobs to end", async () => {
      const c = await workers.queues.extract.getJobCounts("completed", "failed");
      return (c.completed ?? 0) + (c.failed ?? 0) >= 4;
    });
    const failed = await workers.queues.extract.getFailed();
    expect(failed.map((j) => j.failedReason?.split(":")[0]).sort()).toEqual([
      "NF_INPUT_OUTSIDE_FOLDER",
      "NF_QUEUE_JOB_MISMATCH",
      "NF_QUEUE_UNKNOWN_PIPELINE",
    ]);
    expect(failed.every((j) => j.attemptsMade === 1)).toBe(true);
    const s = await openStore(store);
    try {
      const articles = [];
      for await (const a of s.listArticles()) articles.push(a.source);
      expect(articles).toEqual([join(dir, "articles", "a.txt")]);
    } finally {
      await s.close();
    }
  }, 30_000);
});
