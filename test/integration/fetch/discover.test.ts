/**
 * Discovery over a local site: a sitemap index whose children are read through the same
 * paced fetcher as pages (a child that fails is skipped with a warning, not the whole
 * source), and feed requests that wait for the robots.txt Crawl-delay like pages do.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverRefs } from "../../../src/pipeline/discover.js";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { createLocalPacer } from "../../../src/pipeline/local-pacer.js";
import { createPageFetcher } from "../../../src/pipeline/page-fetcher.js";

const hits: { path: string; at: number }[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push({ path, at: performance.now() });
    const xml = (body: string) => {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(`<?xml version="1.0"?>${body}`);
    };
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("User-agent: *\nCrawl-delay: 0.3\n");
    } else if (path === "/sitemap.xml")
      xml(
        `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/gone.xml</loc></sitemap><sitemap><loc>${base}/news.xml</loc></sitemap></sitemapindex>`,
      );
    else if (path === "/news.xml")
      xml(
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/a.html</loc></url><url><loc>${base}/b.html</loc></url></urlset>`,
      );
    else if (path === "/feed.xml")
      xml(
        `<rss version="2.0"><channel><title>t</title><item><link>${base}/c.html</link></item></channel></rss>`,
      );
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const pipelineOf = (source: string, robots: boolean) =>
  parsePipeline(
    `name: disc\nsources:\n  - ${source}\nfetch:\n  allowPrivateNetwork: true\n  perHostIntervalMs: 0\n  respectRobots: ${robots}\n`,
    "disc.yaml",
  );

describe("discoverRefs", () => {
  it("reads a sitemap index, skipping a child that fails with a warning", async () => {
    const warnings: unknown[] = [];
    const logger = pino(
      { level: "warn" },
      { write: (line: string) => warnings.push(JSON.parse(line)) },
    );
    const fetcher = createPageFetcher("newsfigures-test");
    try {
      const p = pipelineOf(`sitemap: ${base}/sitemap.xml`, false);
      const refs = await discoverRefs(p, p.spec.sources[0] as never, {
        fetcher,
        pacer: createLocalPacer(),
        logger,
      });
      expect(refs.map((r) => r.url)).toEqual([`${base}/a.html`, `${base}/b.html`]);
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(warnings[0])).toMatch(/gone\.xml: NF_FETCH_HTTP_STATUS/);
    } finally {
      await fetcher.close();
    }
  });

  it("paces feed requests by the robots.txt Crawl-delay, as it paces pages", async () => {
    const fetcher = createPageFetcher("newsfigures-test");
    const pacer = createLocalPacer();
    try {
      const p = pipelineOf(`feed: ${base}/feed.xml`, true);
      for (let i = 0; i < 2; i++) {
        const refs = await discoverRefs(p, p.spec.sources[0] as never, { fetcher, pacer });
        expect(refs.map((r) => r.url)).toEqual([`${base}/c.html`]);
      }
      const feeds = hits.filter((h) => h.path === "/feed.xml").map((h) => h.at);
      expect(feeds).toHaveLength(2);
      expect((feeds[1] as number) - (feeds[0] as number)).toBeGreaterThanOrEqual(290);
    } finally {
      await fetcher.close();
    }
  });
});
