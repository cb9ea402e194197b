/**
 * Shared pieces of the queue tests: a local news site (RSS feed + article pages) on
 * port 0 that records when each request arrived, pipelines pointed at it, and stores in
 * a PostgreSQL schema of their own.
 */
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Redis } from "ioredis";
import pino from "pino";
import { inject } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { createPageFetcher } from "../../../src/pipeline/page-fetcher.js";
import type { Pipeline } from "../../../src/pipeline/schema.js";
import { createQueues, createRedis, workerCounts } from "../../../src/queue/queues.js";
import type { WorkerDeps } from "../../../src/queue/workers.js";
import { dropPostgresSchema, openStore, type Store } from "../../../src/store/index.js";

const COMPANIES = [
  "Larchmont Tools",
  "Quillfield Foods",
  "Brackett Shipping",
  "Orvane Energy",
  "Tessaline Bank",
  "Marrow Creek Mining",
];

/** An article page, written for these tests, with a few figures and a unique number. */
export function articleHtml(i: number): string {
  const company = COMPANIES[i % COMPANIES.length];
  const revenue = (1 + (i % 9) * 0.7 + i / 1000).toFixed(3);
  return `<!doctype html><html lang="en"><head><title>${company} results ${i}</title></head><body>
<article><h1>${company} posts quarterly results (${i})</h1>
<p>${company} said on Tuesday that revenue rose ${5 + (i % 20)}% to $${revenue} billion in the third quarter, helped by steady demand from its largest customers.</p>
<p>Net income was $${120 + i} million, compared with $${100 + i} million a year earlier, and the company now employs ${2000 + i} people across its plants.</p>
<p>Management kept its outlook for the full year unchanged and said it would return more cash to shareholders through buybacks next year.</p>
</article></body></html>`;
}

export interface NewsSite {
  url: string;
  /** Arrival times (ms, performance.now) of each article-page request, by path. */
  hits: { path: string; at: number }[];
  pageHits(): number;
  close(): Promise<void>;
}

export async function startNewsSite(
  pages: number,
  options: {
    delayMs?: number;
    crawlDelayS?: number;
    extraPaths?: string[];
    /** Article paths answered 404 while they are in the set (a test may delete them later). */
    missing?: Set<string>;
  } = {},
): Promise<NewsSite> {
  const hits: { path: string; at: number }[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(
        options.crawlDelayS
          ? `User-agent: *\nCrawl-delay: ${options.crawlDelayS}\n`
          : "User-agent: *\nAllow: /\n",
      );
      return;
    }
    if (path === "/feed.xml") {
      const items = Array.from(
        { length: pages },
        (_, i) =>
          `<item><title>Story ${i}</title><link>${base}/news/${i}.html</link><pubDate>Tue, 04 Nov 2025 10:00:00 GMT</pubDate></item>`,
      );
      for (const p of options.extraPaths ?? [])
        items.push(`<item><title>Extra</title><link>${base}${p}</link></item>`);
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${items.join("")}</channel></rss>`,
      );
      return;
    }
    const m = /^\/news\/(\d+)\.html$/.exec(path);
    if (!m || options.missing?.has(path)) {
      res.writeHead(404).end();
      return;
    }
    hits.push({ path, at: performance.now() });
    const send = () => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: `"p${m[1]}"` });
      res.end(articleHtml(Number(m[1])));
    };
    if (options.delayMs) setTimeout(send, options.delayMs);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    pageHits: () => hits.length,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A pipeline over the site's feed; with `dir`, also written there as NAME.yaml for a CLI worker's --pipelines. */
export function feedPipeline(
  site: NewsSite,
  name: string,
  perHostIntervalMs: number,
  store: string,
  dir?: string,
): Pipeline {
  const yaml = `name: ${name}
sources:
  - feed: ${site.url}/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: ${perHostIntervalMs}
store: ${store}
`;
  if (dir === undefined) return parsePipeline(yaml, `${name}.yaml`);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  return parsePipeline(yaml, file);
}

/** A PostgreSQL store URL in a schema of its own; `drop` removes it. */
export function pgStore(tag: string): { url: string; drop(): Promise<void> } {
  const base = inject("databaseUrl");
  const schema = `nfq_${inject("runId")}_${tag}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const u = new URL(base);
  u.searchParams.set("schema", schema);
  return { url: u.toString(), drop: () => dropPostgresSchema(base, schema) };
}

export const silentLogger = pino({ level: process.env.NF_TEST_LOG ? "debug" : "silent" });

export function workerDeps(prefix: string, redisUrl = inject("redisUrl")): WorkerDeps {
  return {
    connect: () => createRedis(redisUrl),
    prefix,
    logger: silentLogger,
    fetcher: createPageFetcher("newsfigures-test"),
    openStore: (url) => openStore(url ?? "sqlite::memory:") as Promise<Store>,
  };
}

export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Remove a test's queues and every other key under its prefix. */
export async function dropQueues(redis: Redis, prefix: string): Promise<void> {
  const queues = createQueues(redis, prefix);
  for (const q of [queues.discover, queues.fetch, queues.extract])
    await q.obliterate({ force: true }).catch(() => {});
  await queues.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

/** Stop a test's in-process workers, remove its queues and keys, and drop its connection. */
export async function stopQueue(
  prefix: string,
  redis: Redis | undefined,
  workers?: { close(): Promise<void> },
): Promise<void> {
  await workers?.close();
  if (redis === undefined) return;
  await dropQueues(redis, prefix);
  redis.disconnect();
}

/** Wait until a worker process has a BullMQ worker taking jobs from each of the three queues. */
export async function waitForWorkerProcess(redis: Redis, prefix: string): Promise<void> {
  const queues = createQueues(redis, prefix);
  try {
    await waitUntil("the worker process connected", async () =>
      Object.values(await workerCounts(queues)).every((n) => n > 0),
    );
  } finally {
    await queues.close();
  }
}
