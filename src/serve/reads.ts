/**
 * What the API and the pages read from the store, each bounded: a page of figures, one
 * entity's figures (the newest ENTITY_LIMIT), one article with its records. Both doors
 * call these, so a page shows exactly what its API answer holds.
 */
import { NewsfiguresError } from "../errors.js";
import type { MetricRecord } from "../model/index.js";
import { foldName } from "../store/rows.js";
import type { RecordQuery, Store, StoredArticle, StoredRecord } from "../store/types.js";
import { decodeCursor, encodeCursor, type Filtered, type PageParams } from "./params.js";
import { placeRecords, type Timeline, timelines } from "./timeline.js";

/** Figures one entity page reads at most (its newest); the chart is measured at this size. */
export const ENTITY_LIMIT = 10_000;
export interface FigurePage {
  items: StoredRecord[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/**
 * One page of the whole result in the asked order, from where the cursor says: every row
 * is reachable by following `next` (a malformed cursor is NF_SERVE_BAD_CURSOR).
 */
export async function readFigures(
  store: Store,
  { params, query }: Filtered<PageParams>,
): Promise<FigurePage> {
  const after = decodeCursor(params.cursor, params.sort);
  const page = await store.pageRecords(query, params.sort, after, params.limit);
  return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
}

export interface EntityView {
  name: string;
  /** Figures read; equal to ENTITY_LIMIT when older ones were left out. */
  read: number;
  truncated: boolean;
  metrics: Array<{ metric: string; count: number }>;
  timelines: Timeline[];
  /** Figures with no period date, publication date or stored date (none in practice). */
  unplaced: number;
}

/** Figures whose entity is exactly `name` (case-insensitive), newest first, grouped by metric. */
export async function readEntity(
  store: Store,
  name: string,
  filter: RecordQuery = {},
): Promise<EntityView> {
  const rows = await store.queryRecords({ ...filter, entity: name, limit: ENTITY_LIMIT });
  const folded = foldName(name.trim());
  const own = rows.filter((s) => s.record.entity && foldName(s.record.entity.name) === folded);
  if (own.length === 0)
    throw new NewsfiguresError(
      "NF_SERVE_ENTITY_NOT_FOUND",
      `no stored figure belongs to "${name}"; search for part of the name`,
    );
  // Undated articles are placed at their stored date, read for all of them at once.
  const storedAt = await store.storedDates(
    own.filter((s) => s.publishedAt === null).map((s) => s.articleId),
  );
  const points = placeRecords(own, storedAt);
  const counts = new Map<string, number>();
  for (const s of own) counts.set(s.record.metric, (counts.get(s.record.metric) ?? 0) + 1);
  return {
    name: own[0]?.record.entity?.name ?? name,
    read: rows.length,
    truncated: rows.length === ENTITY_LIMIT,
    metrics: [...counts]
      .map(([metric, count]) => ({ metric, count }))
      .sort((a, b) => b.count - a.count),
    timelines: timelines(points),
    unplaced: own.length - points.length,
  };
}

export interface ArticleView {
  article: Omit<StoredArticle, "raw">;
  records: MetricRecord[];
}

export async function readArticle(store: Store, articleId: string): Promise<ArticleView> {
  if (!/^sha256:[0-9a-f]{64}$/.test(articleId))
    throw new NewsfiguresError(
      "NF_SERVE_BAD_PARAM",
      `"${articleId.slice(0, 80)}" is not an article id; ids are sha256: and 64 hex digits`,
    );
  const article = await store.getArticle(articleId);
  if (article === null)
    throw new NewsfiguresError("NF_SERVE_ARTICLE_NOT_FOUND", `no stored article ${articleId}`);
  const { raw: _raw, ...rest } = article;
  return { article: rest, records: await store.getRecords(articleId) };
}
