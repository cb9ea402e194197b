/**
 * The JSON API under /api/: figures (a page of the whole answer in the asked order, each row
 * as `query --format json` prints it, with the cursor of the next page), downloads (what `export` writes, streamed page by page), one entity,
 * one article, the run history and the queues. Read-only: GET routes only.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { exportChunks, jsonOf } from "../cli/record-format.js";
import { NewsfiguresError } from "../errors.js";
import type { RoutedDeps } from "./deps.js";
import { FilterParams, PageParams, parseFilter, parseParams } from "./params.js";
import { readArticle, readEntity, readFigures } from "./reads.js";

const EntityListParams = z.strictObject({
  entity: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const RunParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(20),
});

export function registerApi(app: FastifyInstance, deps: RoutedDeps): void {
  const { store } = deps;

  app.get("/api/stats", async () => {
    const { stats, countedAt } = await deps.stats();
    return { ...stats, countedAt };
  });

  app.get("/api/figures", async (req) => {
    const filtered = parseFilter(PageParams, req.query);
    const page = await readFigures(store, filtered);
    return { items: page.items.map(jsonOf), sort: filtered.params.sort, next: page.next };
  });

  for (const format of ["csv", "jsonl"] as const)
    app.get(`/api/figures.${format}`, async (req, reply) => {
      const { query } = parseFilter(FilterParams, req.query);
      const stream = Readable.from(
        exportChunks(store.exportRecords(1000, query), format === "csv"),
      );
      return reply
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
        .header("content-disposition", `attachment; filename="figures.${format}"`)
        .send(stream);
    });

  app.get("/api/entities", async (req) => {
    const { entity, limit } = parseParams(EntityListParams, req.query);
    return { items: await store.entityCounts(entity, limit) };
  });

  app.get<{ Params: { name: string } }>("/api/entities/:name", async (req) => {
    const view = await readEntity(
      store,
      req.params.name,
      parseFilter(FilterParams, req.query).query,
    );
    return {
      name: view.name,
      truncated: view.truncated,
      metrics: view.metrics,
      series: view.timelines.map((t) => ({
        metric: t.metric,
        unit: t.unit,
        points: t.points.map((p) => ({
          x: new Date(p.x * 1000).toISOString(),
          basis: p.basis,
          ...jsonOf(p.stored),
        })),
      })),
    };
  });

  app.get<{ Params: { id: string } }>("/api/articles/:id", async (req) =>
    readArticle(store, req.params.id),
  );

  app.get("/api/runs", async (req) => {
    const { limit } = parseParams(RunParams, req.query);
    return { items: await store.listRuns(undefined, limit) };
  });

  app.get("/api/queues", async () => {
    if (!deps.queueStatus)
      throw new NewsfiguresError(
        "NF_SERVE_NO_QUEUES",
        "no queues here: start serve with REDIS_URL set to see them",
      );
    return deps.queueStatus();
  });
}
