/**
 * The inline runner (no Redis) under the same rules as the queue: a 429's Retry-After holds
 * back that host for the next request, and the run stops taking pages at `run.timeout`,
 * reporting the rest as NF_RUN_TIMEOUT.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { createLocalPacer } from "../../../src/pipeline/local-pacer.js";
import { createPageFetcher } from "../../../src/pipeline/page-fetcher.js";
import { runPipelineInline } from "../../../src/pipeline/run-inline.js";
import { openStore, type Store } from "../../../src/store/index.js";

const hits: { path: string; at: number }[] = [];
let server: Server;
let base = "";
let store: Store;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push({ path, at: performance.now() });
    if (path === "/robots.txt") res.writeHead(404).end();
    else if (path === "/busy") res.writeHead(429, { "retry-after": "1" }).end();
    else
      res
        .writeHead(200, { "content-type": "text/html" })
        .end("<article><h1>Short</h1><p>Revenue rose 5% to $1.2 billion.</p></article>");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await openStore("sqlite::memory:");
});

afterAll(async () => {
  await store.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("inline runs", () => {
  it("wait a 429's Retry-After before the host's next request and stop at run.timeout", async () => {
    const pipeline = parsePipeline(
      `name: inline
sources:
  - urls: ["${base}/busy", "${base}/a", "${base}/b", "${base}/c", "${base}/d"]
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 0
run:
  timeout: 1s
`,
      "inline.yaml",
    );
    const fetcher = createPageFetcher("newsfigures-test");
    try {
      const tally = await runPipelineInline(
        pipeline,
        { store, fetcher, pacer: createLocalPacer(), logger: pino({ level: "silent" }) },
        { concurrency: 1 },
      );
      const busy = hits.find((h) => h.path === "/busy");
      const next = hits.find((h) => h.path === "/a");
      expect(busy && next && next.at - busy.at).toBeGreaterThanOrEqual(1000);
      const codes = tally.failed.map((f) => f.code);
      expect(codes[0]).toBe("NF_FETCH_HTTP_429");
      // /a went out once the Retry-After was over, after the 1 s ceiling: the rest were left.
      expect(codes.filter((c) => c === "NF_RUN_TIMEOUT")).toHaveLength(3);
      expect(hits.filter((h) => ["/b", "/c", "/d"].includes(h.path))).toHaveLength(0);
    } finally {
      await fetcher.close();
    }
  });
});
