/**
 * fetchPage against a local node:http server on port 0 (no test touches the internet).
 * Each case asserts the guard's error code, so it fails if the guard is taken out.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewsfiguresError } from "../../../src/errors.js";
import { MAX_RETRY_AFTER_MS } from "../../../src/fetch/errors.js";
import {
  createFetchAgent,
  type FetchOptions,
  fetchPage,
  RobotsCache,
} from "../../../src/fetch/index.js";
import { MAX_CRAWL_DELAY_MS } from "../../../src/fetch/robots.js";
import { decodePage } from "../../../src/parse/charset.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;
let port: number;
const agent = createFetchAgent({
  allowPrivateNetwork: ["127.0.0.0/8"],
  headersTimeoutMs: 2000,
  bodyTimeoutMs: 2000,
});
const opts = (extra: FetchOptions = {}): FetchOptions => ({ agent, ...extra });

const html =
  (body: string, type = "text/html; charset=utf-8"): Handler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": type });
    res.end(body);
  };

beforeAll(async () => {
  server = createServer((req, res) => {
    const h = routes.get((req.url ?? "/").split("?")[0] ?? "/");
    if (h) h(req, res);
    else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("no such page");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await agent.close();
});

async function codeOf(p: Promise<unknown>): Promise<NewsfiguresError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(NewsfiguresError);
    return err as NewsfiguresError;
  }
  throw new Error("expected the fetch to fail");
}

describe("fetchPage", () => {
  it("fetches a UTF-8 page and reports validators", async () => {
    routes.set("/ok", (_req, res) => {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Tue, 24 Nov 2026 10:00:00 GMT",
      });
      res.end("<html><body><p>Prices rose 4% in the quarter, the bureau said.</p></body></html>");
    });
    const page = await fetchPage(`${base}/ok`, opts());
    expect(page.status).toBe(200);
    expect(page.unchanged).toBe(false);
    expect(page.body.toString("utf8")).toContain("Prices rose 4%");
    expect(page.etag).toBe('"v1"');
  });

  it("follows redirects and re-checks each hop", async () => {
    routes.set("/r1", (_q, res) => res.writeHead(301, { location: "/r2" }).end());
    routes.set("/r2", (_q, res) => res.writeHead(302, { location: `${base}/ok` }).end());
    const page = await fetchPage(`${base}/r1`, opts());
    expect(page.finalUrl).toBe(`${base}/ok`);
    expect(page.redirects).toHaveLength(2);
  });

  it("refuses a redirect loop", async () => {
    routes.set("/loop-a", (_q, res) => res.writeHead(302, { location: "/loop-b" }).end());
    routes.set("/loop-b", (_q, res) => res.writeHead(302, { location: "/loop-a" }).end());
    expect((await codeOf(fetchPage(`${base}/loop-a`, opts()))).code).toBe("NF_FETCH_REDIRECT_LOOP");
  });

  it("stops after 5 redirects", async () => {
    routes.set("/chain", (req, res) => {
      const n = Number(new URL(req.url ?? "", base).searchParams.get("n") ?? "0");
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    });
    const err = await codeOf(fetchPage(`${base}/chain?n=0`, opts()));
    expect(err.code).toBe("NF_FETCH_TOO_MANY_REDIRECTS");
    expect(err.retryable).toBe(false);
  });

  it("times out a body that never ends", async () => {
    routes.set("/slow", (_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body>");
      const t = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(t));
    });
    const started = Date.now();
    const err = await codeOf(fetchPage(`${base}/slow`, opts({ totalTimeoutMs: 600 })));
    expect(err.code).toBe("NF_FETCH_TIMEOUT");
    expect(err.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("caps a huge streamed body", async () => {
    routes.set("/huge", (_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const err = await codeOf(fetchPage(`${base}/huge`, opts({ maxBytes: 1024 * 1024 })));
    expect(err.code).toBe("NF_FETCH_TOO_LARGE");
  });

  it("refuses a declared length over the cap", async () => {
    routes.set("/declared", (_q, res) => {
      res.writeHead(200, {
        "content-type": "text/html",
        "content-length": String(10 * 1024 * 1024),
      });
      res.write("<html>");
    });
    expect(
      (await codeOf(fetchPage(`${base}/declared`, opts({ maxBytes: 1024 * 1024 })))).code,
    ).toBe("NF_FETCH_TOO_LARGE");
  });

  it("stops a gzip bomb at the decompressed cap", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    routes.set("/bomb", (_q, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(bomb);
    });
    const err = await codeOf(
      fetchPage(`${base}/bomb`, opts({ maxBytes: 1024 * 1024, maxDecodedBytes: 4 * 1024 * 1024 })),
    );
    expect(err.code).toBe("NF_FETCH_TOO_LARGE");
  });

  it("decodes gzip and brotli bodies", async () => {
    routes.set("/gz", (_q, res) => {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-encoding": "gzip",
      });
      res.end(gzipSync(Buffer.from("<p>Zürich gained 2%</p>")));
    });
    expect((await fetchPage(`${base}/gz`, opts())).body.toString("utf8")).toContain(
      "Zürich gained 2%",
    );
  });

  it("returns a windows-1252 page's bytes and header, which decode by the header or the meta tag", async () => {
    const text =
      '<html><head><meta charset="windows-1252"></head><body><p>Profit rose to \u20ac312 million, \u201csolid\u201d, said M\u00fcller.</p></body></html>';
    const bytes = iconv.encode(text, "windows-1252");
    expect(bytes.includes(0x80)).toBe(true);
    routes.set("/cp1252-header", (_q, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=windows-1252" }).end(bytes),
    );
    routes.set("/cp1252-meta", (_q, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(bytes),
    );
    for (const path of ["/cp1252-header", "/cp1252-meta"]) {
      const page = await fetchPage(`${base}${path}`, opts());
      expect(page.body.equals(bytes)).toBe(true);
      const decoded = decodePage(page.body, page.contentType);
      expect(decoded.charset).toBe("windows-1252");
      expect(decoded.text).toContain("\u20ac312 million, \u201csolid\u201d, said M\u00fcller.");
    }
  });

  it("returns a Shift_JIS page that decodes by its meta tag", async () => {
    const text =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>\u58f2\u4e0a\u9ad8\u306f5%\u5897\u52a0\u3057\u305f\u3002</p></body></html>';
    routes.set("/sjis", (_q, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(iconv.encode(text, "shift_jis")),
    );
    const page = await fetchPage(`${base}/sjis`, opts());
    const decoded = decodePage(page.body, page.contentType);
    expect(decoded.charset).toBe("shift_jis");
    expect(decoded.text).toContain("\u58f2\u4e0a\u9ad8\u306f5%\u5897\u52a0\u3057\u305f\u3002");
  });

  it("reports 404 as permanent and 500 as retryable", async () => {
    const e404 = await codeOf(fetchPage(`${base}/missing`, opts()));
    expect([e404.code, e404.retryable, e404.details.status]).toEqual([
      "NF_FETCH_HTTP_STATUS",
      false,
      404,
    ]);
    routes.set("/boom", (_q, res) => res.writeHead(500).end("oops"));
    const e500 = await codeOf(fetchPage(`${base}/boom`, opts()));
    expect([e500.code, e500.retryable, e500.details.status]).toEqual([
      "NF_FETCH_HTTP_STATUS",
      true,
      500,
    ]);
  });

  it("carries Retry-After on 429 and 503", async () => {
    routes.set("/busy", (_q, res) => res.writeHead(429, { "retry-after": "120" }).end());
    const e429 = await codeOf(fetchPage(`${base}/busy`, opts()));
    expect([e429.code, e429.retryable, e429.details.retryAfterMs]).toEqual([
      "NF_FETCH_HTTP_429",
      true,
      120_000,
    ]);
    routes.set("/away", (_q, res) => res.writeHead(429, { "retry-after": "86400" }).end());
    expect((await codeOf(fetchPage(`${base}/away`, opts()))).details.retryAfterMs).toBe(
      MAX_RETRY_AFTER_MS,
    );
    routes.set("/down", (_q, res) =>
      res.writeHead(503, { "retry-after": new Date(Date.now() + 60_000).toUTCString() }).end(),
    );
    const e503 = await codeOf(fetchPage(`${base}/down`, opts()));
    expect(e503.code).toBe("NF_FETCH_HTTP_503");
    expect(e503.details.retryAfterMs).toBeGreaterThan(50_000);
    expect(e503.details.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("refuses a PDF or an image where HTML was expected", async () => {
    routes.set("/report.pdf", (_q, res) =>
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n"),
    );
    routes.set("/chart", (_q, res) =>
      res.writeHead(200).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    );
    expect((await codeOf(fetchPage(`${base}/report.pdf`, opts()))).code).toBe(
      "NF_FETCH_CONTENT_TYPE",
    );
    expect((await codeOf(fetchPage(`${base}/chart`, opts()))).code).toBe("NF_FETCH_CONTENT_TYPE");
  });

  it("sends validators and reports 304 as unchanged", async () => {
    routes.set("/cond", (req, res) => {
      if (
        req.headers["if-none-match"] === '"v7"' ||
        req.headers["if-modified-since"] === "Tue, 24 Nov 2026 10:00:00 GMT"
      )
        res.writeHead(304).end();
      else res.writeHead(200, { "content-type": "text/html", etag: '"v7"' }).end("<p>fresh</p>");
    });
    const first = await fetchPage(`${base}/cond`, opts());
    expect(first.unchanged).toBe(false);
    const again = await fetchPage(`${base}/cond`, opts({ etag: first.etag }));
    expect(again.status).toBe(304);
    expect(again.unchanged).toBe(true);
    const bySince = await fetchPage(
      `${base}/cond`,
      opts({ lastModified: "Tue, 24 Nov 2026 10:00:00 GMT" }),
    );
    expect(bySince.unchanged).toBe(true);
  });

  it("sends the configured User-Agent", async () => {
    let seen = "";
    routes.set("/ua", (req, res) => {
      seen = req.headers["user-agent"] ?? "";
      res.writeHead(200, { "content-type": "text/html" }).end("<p>x</p>");
    });
    await fetchPage(`${base}/ua`, opts({ userAgent: "test-bot/1.0" }));
    expect(seen).toBe("test-bot/1.0");
  });
});

describe("robots.txt", () => {
  it("refuses a disallowed path, allows others and exposes Crawl-delay", async () => {
    routes.set(
      "/robots.txt",
      html("User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n", "text/plain"),
    );
    routes.set("/private/page", html("<p>secret</p>"));
    const robots = new RobotsCache({
      userAgent: "newsfigures",
      fetch: fetchPage,
      fetchOptions: { agent },
    });
    const err = await codeOf(fetchPage(`${base}/private/page`, opts({ robots })));
    expect([err.code, err.retryable]).toEqual(["NF_FETCH_ROBOTS_DISALLOWED", false]);
    expect((await fetchPage(`${base}/ok`, opts({ robots }))).status).toBe(200);
    expect(await robots.crawlDelayMs(`${base}/ok`)).toBe(2000);
  });

  it("re-checks robots on a redirect hop", async () => {
    routes.set("/robots.txt", html("User-agent: *\nDisallow: /private/\n", "text/plain"));
    routes.set("/to-private", (_q, res) => res.writeHead(302, { location: "/private/page" }).end());
    const robots = new RobotsCache({
      userAgent: "newsfigures",
      fetch: fetchPage,
      fetchOptions: { agent },
    });
    expect((await codeOf(fetchPage(`${base}/to-private`, opts({ robots })))).code).toBe(
      "NF_FETCH_ROBOTS_DISALLOWED",
    );
  });
});

describe("robots.txt availability", () => {
  it("treats a missing robots.txt as allow-all and a 5xx as disallow-for-now", async () => {
    const { createServer: mk } = await import("node:http");
    let robotsStatus = 404;
    const srv = mk((req, res) => {
      if (req.url === "/robots.txt") res.writeHead(robotsStatus).end("down");
      else res.writeHead(200, { "content-type": "text/html" }).end("<p>page</p>");
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/page`;
    try {
      const missing = new RobotsCache({
        userAgent: "newsfigures",
        fetch: fetchPage,
        fetchOptions: { agent },
      });
      expect((await fetchPage(url, opts({ robots: missing }))).status).toBe(200);
      robotsStatus = 503;
      const failing = new RobotsCache({
        userAgent: "newsfigures",
        fetch: fetchPage,
        fetchOptions: { agent },
      });
      const err = await codeOf(fetchPage(url, opts({ robots: failing })));
      expect([err.code, err.retryable]).toEqual(["NF_FETCH_ROBOTS_UNAVAILABLE", true]);
      expect(err.message).toMatch(/\(NF_FETCH_HTTP_503: .*HTTP 503/);
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    }
  });

  it("reports a site that cannot be reached with its own code and the whole cause, once", async () => {
    const { createServer: mk } = await import("node:net");
    const probe = mk();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const robots = new RobotsCache({
      userAgent: "newsfigures",
      fetch: fetchPage,
      fetchOptions: { agent },
    });
    const err = await codeOf(fetchPage(`http://127.0.0.1:${closedPort}/page`, opts({ robots })));
    expect([err.code, err.retryable]).toEqual(["NF_FETCH_ROBOTS_UNAVAILABLE", true]);
    expect(err.message).toMatch(/\(NF_FETCH_NETWORK: .*ECONNREFUSED/);
    expect(err.message.match(/NF_FETCH_/g)).toHaveLength(1);
  });

  it("refuses a site whose address is blocked as blocked, permanently, not as disallowed", async () => {
    const robots = new RobotsCache({
      userAgent: "newsfigures",
      fetch: fetchPage,
      fetchOptions: { agent },
    });
    const err = await codeOf(
      fetchPage("http://10.0.0.1/page", opts({ robots, totalTimeoutMs: 3000 })),
    );
    expect([err.code, err.retryable]).toEqual(["NF_FETCH_BLOCKED_ADDRESS", false]);
  });

  it("caps a Crawl-delay of hours", async () => {
    routes.set("/robots.txt", html("User-agent: *\nCrawl-delay: 7200\n", "text/plain"));
    const robots = new RobotsCache({
      userAgent: "newsfigures",
      fetch: fetchPage,
      fetchOptions: { agent },
    });
    expect(await robots.crawlDelayMs(`${base}/ok`)).toBe(MAX_CRAWL_DELAY_MS);
  });
});

describe("SSRF guard", () => {
  it("refuses loopback by default, in every spelling", async () => {
    routes.set("/ok", html("<p>fine</p>"));
    for (const url of [
      `${base}/ok`,
      `http://localhost:${port}/ok`,
      `http://2130706433:${port}/ok`,
      `http://0x7f.1:${port}/ok`,
      `http://[::ffff:127.0.0.1]:${port}/ok`,
      `http://[::1]:${port}/ok`,
    ]) {
      const err = await codeOf(fetchPage(url, { totalTimeoutMs: 3000 }));
      expect(err.code, url).toBe("NF_FETCH_BLOCKED_ADDRESS");
      expect(err.retryable).toBe(false);
    }
  });

  it("refuses a redirect to a private or metadata address even when private networks are allowed", async () => {
    routes.set("/to-metadata", (_q, res) =>
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    );
    routes.set("/to-private", (_q, res) =>
      res.writeHead(302, { location: "http://10.1.2.3/" }).end(),
    );
    const open = createFetchAgent({ allowPrivateNetwork: true });
    try {
      expect(
        (await codeOf(fetchPage(`${base}/to-metadata`, { agent: open, totalTimeoutMs: 3000 })))
          .code,
      ).toBe("NF_FETCH_BLOCKED_ADDRESS");
    } finally {
      await open.close();
    }
    // The test agent allows exactly 127.0.0.0/8: 10.1.2.3 is refused before any packet is sent.
    expect(
      (await codeOf(fetchPage(`${base}/to-private`, opts({ totalTimeoutMs: 3000 })))).code,
    ).toBe("NF_FETCH_BLOCKED_ADDRESS");
  });

  it("refuses non-http schemes and credentials in URLs", async () => {
    expect((await codeOf(fetchPage("file:///etc/passwd"))).code).toBe("NF_FETCH_BAD_URL");
    routes.set("/to-file", (_q, res) =>
      res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    );
    expect((await codeOf(fetchPage(`${base}/to-file`, opts()))).code).toBe("NF_FETCH_BAD_REDIRECT");
  });
});
