#!/usr/bin/env node
// (g) End to end on the queue: a local HTTP server (its own thread) serves a feed of 2,000
// article pages; `newsfigures worker` processes (one per CPU) discover, fetch, extract and
// store them in PostgreSQL. Printed beside BullMQ's own no-op job throughput measured in
// the same run on the same Redis, so the ratio says what our stages cost over the engine.
// Needs Redis and PostgreSQL (REDIS_URL, DATABASE_URL; 127.0.0.1 defaults). Medians of --runs.
//   node bench/queue-e2e.mjs [--pages 2000] [--runs 1] [--workers N]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { Worker as Thread } from "node:worker_threads";
import { importDist, loadCorpus, median, ROOT } from "./lib.mjs";
import { describeQueueMemory, measureQueueMemory } from "./queue-memory.mjs";

const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const PAGES = flag("--pages", 2000);
const RUNS = flag("--runs", 1);
const WORKERS = flag("--workers", cpus().length);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const DATABASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

const { Queue, Worker } = await import("bullmq");
const { createQueues, createRedis, enqueueDiscover } = await importDist("queue/queues.js");
const { RunTracker } = await importDist("queue/run-tracker.js");
const { waitForRun } = await importDist("queue/wait-run.js");
const { parsePipeline } = await importDist("pipeline/load.js");
const { openStore, dropPostgresSchema } = await importDist("store/index.js");

/** Article pages from the corpus, as HTML; each page's text is unique (its number is in it). */
function pagesOf(n) {
  const { name, texts } = loadCorpus();
  const pages = [];
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    const paras = t
      .split(/\n\s*\n|(?<=\.)\s{2,}/)
      .map((p) => `<p>${p.replace(/[<&]/g, " ")}</p>`)
      .join("\n");
    pages.push(
      `<!doctype html><html><head><title>Story ${i}</title></head><body><article><h1>Story ${i}</h1>${paras}<p>Page ${i} of the benchmark.</p></article></body></html>`,
    );
  }
  return { name, pages };
}

const SERVER = `
const { createServer } = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { pages } = workerData;
let base = "";
const server = createServer((req, res) => {
  if (req.url === "/feed.xml") {
    const items = pages.map((_, i) => "<item><title>Story " + i + "</title><link>" + base + "/p/" + i + ".html</link></item>").join("");
    res.writeHead(200, { "content-type": "application/rss+xml" });
    return res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>' + items + "</channel></rss>");
  }
  if (req.url === "/robots.txt") { res.writeHead(404); return res.end(); }
  const m = /^\\/p\\/(\\d+)\\.html$/.exec(req.url);
  if (!m || !pages[Number(m[1])]) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(pages[Number(m[1])]);
});
server.listen(0, "127.0.0.1", () => { base = "http://127.0.0.1:" + server.address().port; parentPort.postMessage(base); });
`;

async function noopThroughput(n) {
  const prefix = `nfbench-noop-${randomBytes(3).toString("hex")}`;
  const connection = createRedis(REDIS_URL);
  const queue = new Queue("noop", { connection, prefix });
  await queue.addBulk(
    Array.from({ length: n }, (_, i) => ({
      name: "noop",
      data: { i },
      opts: { removeOnComplete: true },
    })),
  );
  let done = 0;
  const started = performance.now();
  const finished = new Promise((resolve) => {
    const worker = new Worker("noop", async () => {}, {
      connection: createRedis(REDIS_URL),
      prefix,
      concurrency: 16,
    });
    worker.on("completed", () => {
      if (++done === n) resolve(worker);
    });
  });
  const worker = await finished;
  const secs = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return n / secs;
}

function startWorkers(prefix, store, n, pipelineFile) {
  return Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      [
        // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the workers
        ...(process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
        join(ROOT, "bin", "newsfigures.js"),
        "worker",
        "--concurrency",
        "32",
        // The worker's default unless asked (BENCH_EXTRACT_CONCURRENCY=N).
        ...(process.env.BENCH_EXTRACT_CONCURRENCY
          ? ["--extract-concurrency", process.env.BENCH_EXTRACT_CONCURRENCY]
          : []),
        // Workers run only the pipelines they loaded.
        "--pipelines",
        pipelineFile,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          REDIS_URL,
          NEWSFIGURES_QUEUE_PREFIX: prefix,
          NEWSFIGURES_STORE: store,
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL || "warn",
        },
        stdio: ["ignore", "ignore", "inherit"],
      },
    ),
  );
}

/** A child's peak resident set (VmHWM, MB) while it still runs; null off Linux. */
function peakRssOf(child) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function e2e(base, pages) {
  const id = randomBytes(3).toString("hex");
  const prefix = `nfbench-${id}`;
  const schema = `nfbench_${id}`;
  const u = new URL(DATABASE_URL);
  u.searchParams.set("schema", schema);
  const storeUrl = u.toString();
  const store = await openStore(storeUrl); // migrated before the clock starts
  const yaml = `name: bench\nsources:\n  - feed: ${base}/feed.xml\nfetch:\n  allowPrivateNetwork: true\n  perHostIntervalMs: 0\n  respectRobots: false\nextract:\n  minBodyChars: 0\nstore: ${storeUrl}\n`;
  const pipelineFile = join(mkdtempSync(join(tmpdir(), "nfbench-")), "bench.yaml");
  writeFileSync(pipelineFile, yaml);
  const children = startWorkers(prefix, storeUrl, WORKERS, pipelineFile);
  const redis = createRedis(REDIS_URL);
  const queues = createQueues(redis, prefix);
  try {
    await new Promise((r) => setTimeout(r, 1500)); // workers connected
    const pipeline = parsePipeline(yaml, pipelineFile);
    const started = performance.now();
    await enqueueDiscover(queues, pipeline, "bench");
    const counts = await waitForRun(new RunTracker(redis, prefix), queues, "bench", {
      pollMs: 50,
      timeoutMs: 600_000,
    });
    const secs = (performance.now() - started) / 1000;
    const stats = await store.stats();
    return { secs, perSec: pages / secs, counts, stats, rssMb: children.map(peakRssOf) };
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once("exit", r)))),
    );
    await queues.discover.obliterate({ force: true }).catch(() => {});
    await queues.fetch.obliterate({ force: true }).catch(() => {});
    await queues.extract.obliterate({ force: true }).catch(() => {});
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await queues.close();
    redis.disconnect();
    await store.close();
    await dropPostgresSchema(DATABASE_URL, schema);
    rmSync(dirname(pipelineFile), { recursive: true, force: true });
  }
}

console.log(describeQueueMemory(await measureQueueMemory()));

const { name, pages } = pagesOf(PAGES);
const server = new Thread(SERVER, { eval: true, workerData: { pages } });
const base = await new Promise((r) => server.once("message", r));
console.log(
  `corpus: ${name}; ${PAGES} pages served from ${base} (own thread); ${WORKERS} worker process(es); PostgreSQL ${new URL(DATABASE_URL).host}`,
);
console.log(
  "pacing off (perHostIntervalMs: 0, robots off): one local host would otherwise cap the rate at 1/interval",
);

const noop = [];
const full = [];
for (let r = 0; r < RUNS; r++) {
  noop.push(await noopThroughput(PAGES));
  const res = await e2e(base, PAGES);
  full.push(res.perSec);
  console.log(
    `run ${r + 1}: ${PAGES} pages in ${res.secs.toFixed(1)} s = ${res.perSec.toFixed(0)} articles/s ` +
      `(stored ${res.stats.articles} articles, ${res.stats.records} records; done ${res.counts.done}, failed ${res.counts.failed}; ` +
      `worker peak RSS ${res.rssMb.map((m) => (m === null ? "?" : `${m} MB`)).join(", ")})`,
  );
}
const m = median(full);
const b = median(noop);
console.log(
  `BullMQ no-op jobs (baseline, concurrency 16): ${b.toFixed(0)} jobs/s (median of ${RUNS})`,
);
console.log(
  `end to end feed -> fetch -> extract -> PostgreSQL: ${m.toFixed(0)} articles/s (median of ${RUNS}); goal >= 300/s`,
);
console.log(
  `ratio: one article costs ${(b / m).toFixed(1)} no-op jobs' time (3 jobs per article: discover share, fetch, extract)`,
);
await server.terminate();
process.exit(0);
