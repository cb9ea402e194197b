/** How the server answers when the store fails: our errors keep their code, bugs keep their secrets. */
import { describe, expect, it } from "vitest";
import { queueStatus } from "../../../src/cli/commands/status.js";
import { NewsfiguresError } from "../../../src/errors.js";
import { createLogger } from "../../../src/log.js";
import { createQueues, createRedis } from "../../../src/queue/queues.js";
import { QUEUE_TIMEOUT_MS } from "../../../src/serve/deps.js";
import { buildServer } from "../../../src/serve/server.js";
import type { Store } from "../../../src/store/types.js";

function failingStore(err: Error): Store {
  const fail = async () => {
    throw err;
  };
  return {
    queryRecords: fail,
    pageRecords: fail,
    stats: fail,
    listRuns: fail,
    getArticle: fail,
  } as unknown as Store;
}

describe("serve errors", () => {
  it.each([
    [
      new NewsfiguresError(
        "NF_STORE_QUERY_FAILED",
        "the store at postgres://u:***@db/x did not answer",
        { retryable: true },
      ),
      503,
      "NF_STORE_QUERY_FAILED",
      "did not answer",
    ],
    [
      new NewsfiguresError("NF_STORE_ID_MISMATCH", "a stored record failed its schema"),
      500,
      "NF_STORE_ID_MISMATCH",
      "failed its schema",
    ],
    [new Error("secret detail at /srv/internal"), 500, "NF_SERVE_INTERNAL", "see its log"],
  ])("%s -> %i", async (err, status, code, text) => {
    const lines: string[] = [];
    const logger = createLogger({ level: "error" }, { write: (l: string) => lines.push(l) });
    const app = await buildServer({ store: failingStore(err), logger });
    try {
      const res = await app.inject({
        url: "/api/figures?metric=revenue",
        headers: { host: "127.0.0.1" },
      });
      expect(res.statusCode).toBe(status);
      const body = res.json() as { code: string; message: string };
      expect(body.code).toBe(code);
      expect(body.message).toContain(text);
      expect(res.body).not.toContain("/srv/internal");
      const page = await app.inject({ url: "/", headers: { host: "127.0.0.1" } });
      expect(page.statusCode).toBe(status);
      expect(page.headers["content-type"]).toMatch(/^text\/html/);
      expect(page.body).toContain(code);
      expect(lines.some((l) => JSON.parse(l).msg === "serve: request failed")).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe("serve with Redis down", () => {
  it("answers /api/queues 503 within a bound and keeps the overview up", async () => {
    // A port nothing listens on: the queue connection keeps retrying, as workers want.
    const redis = createRedis("redis://127.0.0.1:1");
    const queues = createQueues(redis, "nf-serve-down");
    const store = {
      stats: async () => ({
        articles: 0,
        records: 0,
        entities: 0,
        runs: 0,
        byMetric: [],
        topEntities: [],
      }),
      listRuns: async () => [],
      location: "sqlite::memory:",
    } as unknown as Store;
    const app = await buildServer({ store, queueStatus: () => queueStatus(queues) });
    try {
      const started = Date.now();
      const [api, page] = await Promise.all([
        app.inject({ url: "/api/queues", headers: { host: "127.0.0.1" } }),
        app.inject({ url: "/", headers: { host: "127.0.0.1" } }),
      ]);
      expect(Date.now() - started).toBeLessThan(QUEUE_TIMEOUT_MS + 5000);
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ code: "NF_SERVE_QUEUES_UNAVAILABLE" });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("NF_SERVE_QUEUES_UNAVAILABLE");
    } finally {
      await app.close();
      redis.disconnect();
    }
  });
});
