/**
 * Sites for the "no host can stall a run" tests, each logging when every request arrived.
 * Site A answers `/busy` with 429 (Retry-After: 2) and `/down` with 503 (Retry-After: 1)
 * forever, asks for Crawl-delay: 1, and has pages that redirect to private and metadata
 * addresses; site B is healthy.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { articleHtml } from "./helpers.js";

export interface Hit {
  path: string;
  at: number;
}

export interface LoggedSite {
  url: string;
  hits: Hit[];
  close(): Promise<void>;
}

/** Paths that redirect to addresses the guard refuses: link-local metadata, private, decimal, IPv4-mapped. */
export const PRIVATE_REDIRECTS: Record<string, string> = {
  "/to-metadata": "http://169.254.169.254/latest/meta-data/",
  "/to-private": "http://10.0.0.1/",
  "/to-decimal": "http://167772161/",
  "/to-mapped": "http://[::ffff:a00:1]/",
};

/** Pages refused for good: a body over the 100 KB cap, a redirect loop, a PDF, untyped binary data. */
export const PERMANENT = ["/huge", "/loop-a", "/report.pdf", "/blob"];

/** Site A: always-429 `/busy`, always-503 `/down`, normal `/news/N.html`, redirects to private addresses. */
export async function startTroubledSite(pages: number): Promise<LoggedSite> {
  const hits: Hit[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push({ path, at: performance.now() });
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nCrawl-delay: 1\n");
    } else if (path === "/feed.xml") {
      const links = [
        ...Array.from({ length: pages }, (_, i) => `/news/${i}.html`),
        "/busy",
        "/down",
        ...Object.keys(PRIVATE_REDIRECTS),
        ...PERMANENT,
      ];
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>A</title>${links.map((l) => `<item><title>${l}</title><link>${base}${l}</link></item>`).join("")}</channel></rss>`,
      );
    } else if (path === "/busy") {
      res.writeHead(429, { "retry-after": "2" }).end();
    } else if (path === "/down") {
      res.writeHead(503, { "retry-after": "1" }).end();
    } else if (path === "/huge") {
      res.writeHead(200, { "content-type": "text/html" }).end("<p>x</p>".repeat(40_000));
    } else if (path === "/loop-a" || path === "/loop-b") {
      res.writeHead(302, { location: path === "/loop-a" ? "/loop-b" : "/loop-a" }).end();
    } else if (path === "/blob") {
      // A PNG signature and NUL bytes, with no Content-Type.
      res
        .writeHead(200)
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    } else if (path === "/report.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n%\xff\n");
    } else if (PRIVATE_REDIRECTS[path]) {
      res.writeHead(302, { location: PRIVATE_REDIRECTS[path] }).end();
    } else {
      const m = /^\/news\/(\d+)\.html$/.exec(path);
      if (!m) res.writeHead(404).end();
      else
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(articleHtml(Number(m[1])));
    }
  });
  return listen(server, hits, (u) => {
    base = u;
  });
}

/** Site B: healthy article pages, no Crawl-delay. */
export async function startHealthySite(): Promise<LoggedSite> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push({ path, at: performance.now() });
    const m = /^\/b\/(\d+)\.html$/.exec(path);
    if (path === "/robots.txt") res.writeHead(404).end();
    else if (!m) res.writeHead(404).end();
    else
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(articleHtml(100 + Number(m[1])));
  });
  return listen(server, hits, () => {});
}

async function listen(
  server: Server,
  hits: Hit[],
  onUrl: (url: string) => void,
): Promise<LoggedSite> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  onUrl(url);
  return {
    url,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Gaps (ms) between consecutive requests in a log. */
export function gaps(hits: Hit[]): number[] {
  const t = hits.map((h) => h.at).sort((a, b) => a - b);
  return t.slice(1).map((x, i) => x - (t[i] as number));
}

export function troubledPipelineYaml(
  a: LoggedSite,
  b: LoggedSite,
  store: string,
  name: string,
  B_PAGES: number,
): string {
  return `name: ${name}
sources:
  - feed: ${a.url}/feed.xml
  - urls: [${Array.from({ length: B_PAGES }, (_, i) => `"${b.url}/b/${i}.html"`).join(", ")}]
fetch:
  allowPrivateNetwork: ["127.0.0.0/8"]
  perHostIntervalMs: 50
  maxBytes: 100000
  attempts: 3
  pauseHostAfter: 20
run:
  timeout: 90s
store: ${store}
`;
}
