#!/usr/bin/env node
// (i) What the queue keeps in Redis: the memory 10,000 queued article references take (one
// feed poll's worth of fetch jobs, as `enqueueFetches` adds them, with BullMQ's own keys:
// job hashes, the wait list, deduplication keys, the events stream), and what one extract
// job of a 0.9 MB page keeps once it is done (its body is dropped). Summed with MEMORY
// USAGE over the bench's own prefix, so other users of the same Redis do not count.
// Needs Redis (REDIS_URL; 127.0.0.1 default). Also printed by the queue section.
//   node bench/queue-memory.mjs [--refs 10000]
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { importDist } from "./lib.mjs";

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

async function prefixBytes(redis, prefix) {
  let cursor = "0";
  let bytes = 0;
  let keys = 0;
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    for (const k of found) {
      bytes += Number((await redis.call("MEMORY", "USAGE", k, "SAMPLES", "0")) ?? 0);
      keys++;
    }
  } while (cursor !== "0");
  return { bytes, keys };
}

async function dropPrefix(redis, queues, prefix) {
  for (const q of [queues.discover, queues.fetch, queues.extract])
    await q.obliterate({ force: true }).catch(() => {});
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

export async function measureQueueMemory(refs = 10_000) {
  const { createQueues, createRedis, enqueueFetches, pipelineRef } =
    await importDist("queue/queues.js");
  const { parsePipeline } = await importDist("pipeline/load.js");
  const { dropPageBody } = await importDist("queue/retention.js");
  const prefix = `nf-bench-mem-${randomBytes(3).toString("hex")}`;
  const redis = createRedis(REDIS_URL);
  const queues = createQueues(redis, prefix);
  try {
    const p = parsePipeline(
      "name: bench-memory\nsources:\n  - feed: https://news.example.com/feed.xml\n",
      "bench-memory.yaml",
    );
    const jobs = Array.from({ length: refs }, (_, i) => ({
      pipeline: pipelineRef(p, "bench-run"),
      ref: {
        url: `https://news.example.com/2025/11/04/company-results-story-${i}.html`,
        title: `Company ${i} posts quarterly results`,
        publishedAt: "2025-11-04T10:00:00.000Z",
        source: "https://news.example.com/feed.xml",
      },
      fetch: p.spec.fetch,
      extract: p.spec.extract,
      known: null,
    }));
    await enqueueFetches(queues, jobs);
    const queued = await prefixBytes(redis, prefix);
    await dropPrefix(redis, queues, prefix);

    // One extract job carrying a 0.9 MB page, before and after its body is dropped.
    const body = Buffer.alloc(900 * 1024, "<p>revenue rose 5% to $1.2 billion</p>");
    await queues.extract.add("extract", {
      pipeline: pipelineRef(p, "bench-run"),
      ref: jobs[0].ref,
      extract: p.spec.extract,
      page: {
        url: jobs[0].ref.url,
        finalUrl: jobs[0].ref.url,
        status: 200,
        contentType: "text/html",
        etag: null,
        lastModified: null,
        bodyBase64: body.toString("base64"),
      },
    });
    const [job] = await queues.extract.getWaiting(0, 0);
    const before = await prefixBytes(redis, prefix);
    await dropPageBody(job);
    const after = await prefixBytes(redis, prefix);
    return { refs, queued, page: body.length, before: before.bytes, after: after.bytes };
  } finally {
    await dropPrefix(redis, queues, prefix);
    await queues.close();
    redis.disconnect();
  }
}

export function describeQueueMemory(m) {
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  return [
    `Redis memory for ${m.refs.toLocaleString("en-US")} queued references (fetch jobs, ${m.queued.keys} keys): ${mb(m.queued.bytes)} MB = ${Math.round(m.queued.bytes / m.refs)} bytes per reference`,
    `an extract job of a ${Math.round(m.page / 1024)} KB page: ${(m.before / 1024).toFixed(0)} KB in Redis while queued, ${(m.after / 1024).toFixed(1)} KB once done (body dropped)`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--refs");
  const refs = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
  console.log(describeQueueMemory(await measureQueueMemory(refs)));
  process.exit(0);
}
