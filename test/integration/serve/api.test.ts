/**
 * The API answers what the CLI answers: for the same filters, /api/figures holds the rows
 * `query --format json` prints and the downloads are byte for byte what `export` writes,
 * on SQLite and on PostgreSQL. Also the API's refusals: bad parameters, unknown things,
 * writes, foreign Host headers, cross-origin reads.
 */
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { queueStatus } from "../../../src/cli/commands/status.js";
import { ingestFiles } from "../../../src/pipeline/ingest-files.js";
import { createQueues, createRedis } from "../../../src/queue/queues.js";
import { buildServer } from "../../../src/serve/server.js";
import type { Store } from "../../../src/store/index.js";
import { ROOT, runCli } from "../../helpers/cli.js";
import { backends } from "../store/backends.js";
import { COMPANIES, expectedOrder, generatedItems, PER_ARTICLE } from "../store/generated.js";

const all = backends("serve");
afterAll(async () => {
  for (const b of all) await b.cleanup();
});

/** Filters as `query` flags; the API takes the same names without the dashes. */
const FILTERS: Array<Record<string, string>> = [
  { entity: "Dell", metric: "backlog" },
  { entity: "technologies" },
  { kind: "percent", limit: "20" },
  { currency: "usd", min: "1e9" },
  { period: "2025" },
  { metric: "revenue", limit: "5" },
  { since: "2000-01-01", until: "2100-12-31", max: "1000000" },
  { "stored-since": "2020-01-01", limit: "1000" },
];

const flagsOf = (f: Record<string, string>) => Object.entries(f).flatMap(([k, v]) => [`--${k}`, v]);
const queryOf = (f: Record<string, string>) => new URLSearchParams(f).toString();

describe.each(all)("serve API on $name", (backend) => {
  let store: Store;
  let app: FastifyInstance;
  const spec = backend.spec("api");

  beforeAll(async () => {
    store = await backend.open("api");
    const done = await ingestFiles([resolve(ROOT, "fixtures")], store);
    expect(done.failed).toEqual([]);
    app = await buildServer({ store });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { host: "127.0.0.1:8080", ...headers } });

  it.each(FILTERS)("answers /api/figures as `query` does for %o", async (filter) => {
    const cli = await runCli(["query", ...flagsOf(filter), "--format", "json", "--store", spec]);
    expect(cli.stderr).toBe("");
    const expected = JSON.parse(cli.stdout) as unknown[];
    const res = await get(`/api/figures?${queryOf(filter)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: unknown[]; next: string | null };
    expect(body.items).toEqual(expected);
    if (filter.entity === "Dell") expect(expected.length).toBeGreaterThan(0);
  });

  it("pages through the whole answer with next, in query's order", async () => {
    const cli = await runCli(["query", "--limit", "1000", "--format", "json", "--store", spec]);
    const expected = JSON.parse(cli.stdout) as unknown[];
    expect(expected.length).toBeGreaterThan(40);
    const got: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/figures?limit=40${cursor ? `&cursor=${cursor}` : ""}`);
      const body = res.json() as { items: unknown[]; next: string | null };
      got.push(...body.items);
      cursor = body.next;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(Math.ceil(expected.length / 40));
    expect(got).toEqual(expected);
  });

  it.each([
    ["csv", { metric: "revenue" }],
    ["jsonl", {}],
    ["csv", { entity: "Dell", kind: "money" }],
  ] as const)("streams /api/figures.%s as `export` writes it (%o)", async (format, filter) => {
    const cli = await runCli(["export", ...flagsOf(filter), "--format", format, "--store", spec]);
    expect(cli.code).toBe(0);
    const res = await get(`/api/figures.${format}?${queryOf(filter)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="figures.${format}"`);
    expect(res.body).toBe(cli.stdout);
  });

  it("gives an article with its body and records, and an entity's figures by metric", async () => {
    const first = (await get("/api/figures?entity=Dell&metric=backlog&limit=1")).json() as {
      items: Array<{ articleId: string }>;
    };
    const id = first.items[0]?.articleId as string;
    const article = (await get(`/api/articles/${id}`)).json() as {
      article: { body: string; raw?: unknown };
      records: Array<{ text: string; span: { start: number; end: number } }>;
    };
    expect(article.article.raw).toBeUndefined();
    expect(article.records).toEqual(await store.getRecords(id));
    for (const r of article.records)
      expect(article.article.body.slice(r.span.start, r.span.end)).toBe(r.text);
    const entity = (await get("/api/entities/Dell%20Technologies")).json() as {
      name: string;
      metrics: Array<{ metric: string; count: number }>;
      series: Array<{
        metric: string;
        unit: string;
        points: Array<{ record: { value: { amount: number } } }>;
      }>;
    };
    expect(entity.name).toBe("Dell Technologies");
    const backlog = entity.series.find((s) => s.metric === "backlog" && s.unit === "USD");
    expect(backlog?.points.map((p) => p.record.value.amount)).toContain(51.3e9);
  });

  it("lists the entities a prefix names with their figures per metric, as query counts them", async () => {
    const cli = await runCli([
      "query",
      "--entity",
      "Dell",
      "--limit",
      "1000",
      "--format",
      "json",
      "--store",
      spec,
    ]);
    const rows = JSON.parse(cli.stdout) as Array<{
      record: { metric: string; entity: { name: string } };
    }>;
    const expected = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.record.entity.name}\u0000${r.record.metric}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const res = await get("/api/entities?entity=dell");
    expect(res.statusCode).toBe(200);
    const items = (
      res.json() as {
        items: Array<{
          name: string;
          count: number;
          byMetric: Array<{ metric: string; count: number }>;
        }>;
      }
    ).items;
    const got = new Map(
      items.flatMap((e) => e.byMetric.map((m) => [`${e.name}\u0000${m.metric}`, m.count] as const)),
    );
    expect(got).toEqual(expected);
    expect(items.map((e) => e.count)).toEqual(
      items.map((e) => e.byMetric.reduce((n, m) => n + m.count, 0)),
    );
    expect((await get("/api/entities")).statusCode).toBe(400);
  });

  it("refuses bad parameters with NF_SERVE_BAD_PARAM and a 400, naming the parameter", async () => {
    for (const q of [
      "metric=bogus",
      "kind=money&since=yesterday",
      "limit=0",
      "limit=5000",
      "min=lots",
      "currency=dollars",
      "article=123",
      "cursor=not%20one",
      "sort=biggest",
      "colour=red",
      "period=%20",
    ]) {
      const res = await get(`/api/figures?${q}`);
      expect(res.statusCode, q).toBe(400);
      const body = res.json() as { code: string; message: string };
      expect(body.code, q).toBe("NF_SERVE_BAD_PARAM");
      expect(body.message.length).toBeGreaterThan(5);
    }
    const other = (await get("/api/figures?limit=2&sort=largest")).json() as { next: string };
    const junk = Buffer.from(JSON.stringify(["newest", 5, "x", -1, ""])).toString("base64url");
    for (const q of ["cursor=abc", "cursor=99999", `cursor=${other.next}`, `cursor=${junk}`]) {
      const res = await get(`/api/figures?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json(), q).toMatchObject({ code: "NF_SERVE_BAD_CURSOR" });
      const html = await get(`/search?metric=revenue&${q}`);
      expect(html.statusCode, q).toBe(400);
      expect(html.body, q).toContain("cursor");
    }
    expect((await get("/api/articles/not-an-id")).statusCode).toBe(400);
    const missing = await get(`/api/articles/sha256:${"0".repeat(64)}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "NF_SERVE_ARTICLE_NOT_FOUND" });
    expect((await get("/api/entities/Nobody%20At%20All")).json()).toMatchObject({
      code: "NF_SERVE_ENTITY_NOT_FOUND",
    });
    expect((await get("/api/queues")).json()).toMatchObject({ code: "NF_SERVE_NO_QUEUES" });
    const page = await get("/search?metric=bogus");
    expect(page.statusCode).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
  });

  it("has no write endpoint, no CORS and a CSP without inline script", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"] as const) {
      const res = await app.inject({
        method,
        url: "/api/figures",
        headers: { host: "127.0.0.1" },
        payload: "{}",
      });
      expect(res.statusCode, method).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, method).toBeLessThan(500);
    }
    const res = await get("/api/stats", { origin: "http://evil.example" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/api/stats",
      headers: {
        host: "127.0.0.1",
        origin: "http://evil.example",
        "access-control-request-method": "GET",
      },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const csp = String((await get("/")).headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("default-src 'none'");
    // A page on another site that points a DNS name at 127.0.0.1 is refused.
    const rebound = await get("/api/stats", { host: "attacker.example:8080" });
    expect(rebound.statusCode).toBe(421);
    expect(rebound.json()).toMatchObject({ code: "NF_SERVE_BAD_HOST" });
    expect((await get("/api/stats", { host: "localhost:8080" })).statusCode).toBe(200);
  });
});

interface ApiRow {
  articleId: string;
  publishedAt: string | null;
  record: { id: string; span: { start: number }; value: { amount: number } };
}

describe.each(all)("serve paging on a generated store on $name", (backend) => {
  const ARTICLES = 1_250;
  let store: Store;
  let app: FastifyInstance;
  const calls = new Map<string, number>();

  beforeAll(async () => {
    const real = await backend.open("paging");
    await real.bulkInsert(generatedItems(ARTICLES), "1.0.0");
    // Counts the store calls the routes make (the entity page's reads among them).
    store = new Proxy(real, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== "function") return v;
        return (...args: unknown[]) => {
          calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
          return v.apply(target, args);
        };
      },
    });
    app = await buildServer({ store });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const get = (url: string) => app.inject({ method: "GET", url, headers: { host: "127.0.0.1" } });

  async function pageAll(query: string): Promise<{ rows: ApiRow[]; pages: number }> {
    const rows: ApiRow[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/figures?${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode, `page ${pages}: ${res.body.slice(0, 200)}`).toBe(200);
      const body = res.json() as { items: ApiRow[]; next: string | null };
      rows.push(...body.items);
      cursor = body.next;
      pages++;
    } while (cursor !== null && pages < 1_000);
    return { rows, pages };
  }

  it("reaches every row past 10,000 with a small page size, each once, in order", async () => {
    const { rows, pages } = await pageAll("limit=250");
    expect(rows).toHaveLength(ARTICLES * PER_ARTICLE);
    expect(pages).toBe(Math.ceil((ARTICLES * PER_ARTICLE) / 250));
    expect(new Set(rows.map((r) => r.record.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.record.id)).toEqual(
      expectedOrder(rows, "newest").map((r) => r.record.id),
    );
    expect(rows.at(-1)?.publishedAt).toBeNull();
  }, 120_000);

  it.each(["largest", "smallest", "oldest"] as const)(
    "sorts the whole result %s first, across pages, not each page alone",
    async (sort) => {
      const { rows } = await pageAll(`metric=backlog&sort=${sort}&limit=1000`);
      expect(rows).toHaveLength((ARTICLES * PER_ARTICLE) / 2);
      expect(rows.map((r) => r.record.id)).toEqual(
        expectedOrder(rows, sort).map((r) => r.record.id),
      );
      const first = (await get(`/api/figures?metric=backlog&sort=${sort}&limit=5`)).json() as {
        items: ApiRow[];
        sort: string;
      };
      expect(first.sort).toBe(sort);
      expect(first.items.map((r) => r.record.id)).toEqual(rows.slice(0, 5).map((r) => r.record.id));
    },
    120_000,
  );

  it("pages the search page by its next link in the chosen order, and says the order", async () => {
    let url: string | null = "/search?metric=revenue&sort=largest&limit=250";
    const amounts: number[] = [];
    for (let n = 0; n < 3 && url !== null; n++) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("sorted over all matches: largest amount first");
      expect(res.body).toMatch(/<th aria-sort="descending"><a href="[^"]*sort=smallest/);
      for (const m of res.body.matchAll(/<td class="num" data-value="([^"]+)"/g))
        amounts.push(Number(m[1]));
      const next = /<a rel="next" href="([^"]+)"/.exec(res.body);
      url = next ? (next[1] as string).replace(/&amp;/g, "&") : null;
    }
    expect(amounts).toHaveLength(750);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it("reads the entity page's undated articles in one batch, not one by one", async () => {
    calls.clear();
    const res = await get(`/entity/${encodeURIComponent(COMPANIES[0] as string)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("dated by when it was stored");
    expect(calls.get("getArticle") ?? 0).toBe(0);
    expect(calls.get("storedDates")).toBe(1);
  });

  it("counts the overview once for many views and says when it counted", async () => {
    calls.clear();
    const first = await get("/");
    const second = await get("/");
    const api = (await get("/api/stats")).json() as { records: number; countedAt: string };
    expect(calls.get("stats")).toBe(1);
    expect(api.records).toBe(ARTICLES * PER_ARTICLE);
    expect(first.body).toContain(`<time datetime="${api.countedAt}">`);
    expect(second.body).toContain((ARTICLES * PER_ARTICLE).toLocaleString("en-US"));
  });
});

describe("serve with REDIS_URL", () => {
  it("shows the queues' counts on the API and the overview", async () => {
    const redis = createRedis(inject("redisUrl"));
    const queues = createQueues(redis, `${inject("runId")}-serve`);
    const backend = all[0];
    if (!backend) throw new Error("no backend");
    const store = await backend.open("queues");
    const app = await buildServer({ store, queueStatus: () => queueStatus(queues) });
    try {
      const res = await app.inject({ url: "/api/queues", headers: { host: "127.0.0.1" } });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { counts: Record<string, { waiting: number }>; failed: unknown[] };
      expect(Object.keys(body.counts).sort()).toEqual(["discover", "extract", "fetch"]);
      expect(body.counts.fetch?.waiting).toBe(0);
      const page = await app.inject({ url: "/", headers: { host: "127.0.0.1" } });
      expect(page.body).toContain("<h2>Queues</h2>");
    } finally {
      await app.close();
      await store.close();
      await queues.close();
      redis.disconnect();
    }
  });
});
