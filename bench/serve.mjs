// (i) serve: the web page and API over a SQLite store of 1,000,000 records (the store
// bench's data), measured over real HTTP on loopback. Baseline in the same run: the same
// entity + metric query asked of the store directly. Then one entity with 10,000 backlog
// figures, whose chart is drawn in headless Chromium (skipped, saying so, without it).
//   node bench/serve.mjs [--records N] [--requests N]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fmt, importDist, median, percentile } from "./lib.mjs";
import { batch, ENTITIES, entityName, fill, METRICS, PER_ARTICLE } from "./store-data.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const TOTAL = Number(arg("--records", "1000000"));
const REQUESTS = Number(arg("--requests", "400"));
const CHART_ENTITY = "Chartwell Holdings";
const CHART_POINTS = 10_000;
const CHROMIUM = "/usr/bin/chromium";

const { openSqliteStore } = await importDist("store/index.js");
const { startServer } = await importDist("serve/server.js");

/** 1,000 articles of one company, 10 backlog figures each, one article a day. */
function chartItems(firstArticle) {
  const items = batch(firstArticle, CHART_POINTS / PER_ARTICLE);
  items.forEach((item, n) => {
    const day = new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString();
    item.article.publishedAt = item.result.publishedAt = item.article.fetchedAt = day;
    item.result.entities = [{ name: CHART_ENTITY, type: "organization", mentions: 1 }];
    item.result.metrics.forEach((r, k) => {
      r.metric = "backlog";
      r.kind = "money";
      r.value = { ...r.value, amount: 1e9 * (40 + n / 40 + k / 10), currency: "USD", unit: null };
      r.entity = { name: CHART_ENTITY, type: "organization" };
      r.period = null;
      r.forecast = k === 9;
    });
  });
  return items;
}

/** p50 / p99 of `count` sequential GETs (after one warm-up), and the mean body size. */
async function latency(base, paths, count) {
  await (await fetch(base + paths[0])).arrayBuffer();
  const times = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const path = paths[i % paths.length];
    const t0 = performance.now();
    const res = await fetch(base + path);
    const body = await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    bytes += body.byteLength;
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), kb: bytes / count / 1024 };
}

async function storeLatency(store, queries, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await store.queryRecords({ ...queries[i % queries.length], limit: 50 });
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function chartInBrowser(url) {
  if (!existsSync(CHROMIUM))
    return `chart: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`;
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "nf-bench-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await browser.newPage();
    const loads = [];
    const draws = [];
    let points = 0;
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      await page.goto(url);
      const chart = page.locator(".chart[data-points]").first();
      await chart.waitFor({ timeout: 60_000 });
      loads.push(performance.now() - t0);
      draws.push(Number(await chart.getAttribute("data-render-ms")));
      points = Number(await chart.getAttribute("data-points"));
    }
    return `chart: ${points.toLocaleString("en-US")} points drawn by uPlot in ${fmt(median(draws.slice(1)), 1)} ms (median of 5 after a warm-up; ${fmt(Math.max(...draws.slice(1)), 1)} ms max); whole page from request to drawn chart ${fmt(median(loads.slice(1)), 0)} ms`;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), "nf-bench-serve-"));
const store = openSqliteStore(join(dir, "bench.db"));
try {
  await store.migrate();
  const articles = Math.ceil(TOTAL / PER_ARTICLE);
  const secs = await fill(store, 0, articles);
  await store.bulkInsert(chartItems(articles), "bench");
  console.log(
    `serve: SQLite store of ${(TOTAL + CHART_POINTS).toLocaleString("en-US")} records (${TOTAL.toLocaleString("en-US")} as in the store bench, filled in ${fmt(secs, 0)} s, plus ${CHART_POINTS.toLocaleString("en-US")} backlog figures of ${CHART_ENTITY})`,
  );
  const server = await startServer({ store }, { host: "127.0.0.1", port: 0 });
  try {
    const picks = Array.from({ length: 50 }, (_, q) => (q * 613) % Math.min(ENTITIES, articles));
    const queries = picks.map((e, q) => ({
      entity: entityName(e).split(" ")[0],
      metric: METRICS[q % METRICS.length],
    }));
    const base = await storeLatency(store, queries, REQUESTS);
    console.log(
      `baseline, store.queryRecords (entity + metric, limit 50): p50 ${fmt(base.p50, 2)} ms, p99 ${fmt(base.p99, 2)} ms (${REQUESTS} queries)`,
    );
    const report = (label, r) =>
      console.log(
        `${label}: p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, ${fmt(r.kb, 0)} KB per answer (${REQUESTS} requests; goal p99 < 100 ms); p50 ${fmt(r.p50 / base.p50, 1)}x the store's`,
      );
    report(
      "GET /api/figures?entity=…&metric=…",
      await latency(
        server.url,
        queries.map((q) => `/api/figures?${new URLSearchParams(q)}`),
        REQUESTS,
      ),
    );
    const pages = picks.map((e) => `/entity/${encodeURIComponent(entityName(e))}`);
    report(
      "GET /entity/NAME (page, ~200 figures in 10 charts)",
      await latency(server.url, pages, REQUESTS),
    );
    report(
      "GET /api/entities/NAME",
      await latency(
        server.url,
        picks.map((e) => `/api/entities/${encodeURIComponent(entityName(e))}`),
        REQUESTS,
      ),
    );
    const big = await latency(server.url, [`/entity/${encodeURIComponent(CHART_ENTITY)}`], 20);
    console.log(
      `GET /entity/${CHART_ENTITY} (10,000 figures): p50 ${fmt(big.p50, 0)} ms, p99 ${fmt(big.p99, 0)} ms, ${fmt(big.kb, 0)} KB (20 requests)`,
    );
    // The overview's counts are read at most once a minute (the page says when): the first
    // request counts, the rest are served from the count. What a count costs is measured
    // apart, on the store.
    const overview = await latency(server.url, ["/"], 10);
    console.log(
      `GET / (overview, counts read at most once a minute): p50 ${fmt(overview.p50, 1)} ms, p99 ${fmt(overview.p99, 0)} ms (10 requests after one that counts)`,
    );
    const counts = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await store.stats();
      counts.push(performance.now() - t0);
    }
    console.log(
      `store.stats() (one whole-store count, what a recount costs): median ${fmt(median(counts), 0)} ms of 3`,
    );
    // Sorting applies to the whole result and pages follow a cursor: the first page of a
    // metric's figures largest first, then 300 pages of 100 newest first (30,000 rows deep,
    // past where offset paging stopped), each page timed.
    const metrics = METRICS.map((m) => `/api/figures?metric=${m}&sort=largest&limit=50`);
    report(
      "GET /api/figures?metric=…&sort=largest (whole result sorted)",
      await latency(server.url, metrics, REQUESTS),
    );
    const deep = [];
    let cursor = null;
    let rows = 0;
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await fetch(
        `${server.url}/api/figures?metric=revenue&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const body = await res.json();
      deep.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`deep paging: HTTP ${res.status}`);
      rows += body.items.length;
      cursor = body.next;
      if (cursor === null) break;
    }
    console.log(
      `GET /api/figures?metric=revenue&limit=100 following next for ${deep.length} pages (${rows.toLocaleString("en-US")} rows deep): p50 ${fmt(percentile(deep, 50), 2)} ms, p99 ${fmt(percentile(deep, 99), 2)} ms, last page ${fmt(deep[deep.length - 1], 2)} ms`,
    );
    console.log(await chartInBrowser(`${server.url}/entity/${encodeURIComponent(CHART_ENTITY)}`));
  } finally {
    await server.close();
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
