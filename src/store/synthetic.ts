/**
 * Synthetic articles and records for benchmarks: valid against the schema, spread over
 * many entities and all metrics, deterministic for a given index. Not used by the product.
 */
import { articleIdOf, recordIdOf } from "../extract/ids.js";
import { type ArticleResult, Metric, type MetricRecord } from "../model/index.js";
import type { BulkItem, RecordStore } from "./types.js";

export interface SyntheticOptions {
  articles: number;
  recordsPerArticle?: number;
  /** Distinct entity names ("Entity 00042 Holdings"); queries for one name hit about records / entities rows. */
  entities?: number;
  /** Articles per transaction. */
  batch?: number;
  extractorVersion?: string;
  onBatch?: (articlesDone: number) => void;
}

const METRICS = Metric.options;

/** Name of synthetic entity `n`, for building queries that hit. */
export function syntheticEntityName(n: number): string {
  return `Entity ${String(n).padStart(5, "0")} Holdings`;
}

/** Article `i` with `perArticle` records; deterministic. */
export function syntheticItem(i: number, perArticle = 100, entities = 5000): BulkItem {
  const figure = (j: number) => `$${(i % 997) + j + 1}.5 million`;
  const lines: string[] = [`Synthetic report ${i}`];
  for (let j = 0; j < perArticle; j++)
    lines.push(`${syntheticEntityName((i * 7 + j) % entities)} reported ${figure(j)} in 2025.`);
  const body = `${lines.join("\n")}\n`;
  const articleId = articleIdOf(body);
  const publishedAt = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString();
  const metrics: MetricRecord[] = [];
  let offset = (lines[0]?.length ?? 0) + 1;
  for (let j = 0; j < perArticle; j++) {
    const line = lines[j + 1] ?? "";
    const text = figure(j);
    const start = offset + line.indexOf(text);
    metrics.push({
      id: recordIdOf(articleId, start, start + text.length, "money"),
      kind: "money",
      text,
      span: { start, end: start + text.length },
      sentence: line,
      value: {
        amount: ((i % 997) + j + 1.5) * 1e6,
        currency: "USD",
        unit: null,
        approximate: false,
        bound: "exact",
        range: null,
      },
      rate: null,
      // A multiplicative hash so an entity's records spread over all metrics.
      metric: METRICS[((i * 2654435761 + j * 40503) >>> 0) % METRICS.length] ?? "other",
      metricPhrase: null,
      entity: { name: syntheticEntityName((i * 7 + j) % entities), type: "organization" },
      period: {
        text: "2025",
        fiscal: false,
        year: 2025,
        quarter: null,
        start: null,
        end: null,
        ytd: false,
      },
      change: null,
      forecast: false,
    });
    offset += line.length + 1;
  }
  const result: ArticleResult = {
    source: `synthetic/${i}`,
    articleId,
    url: null,
    title: lines[0] ?? null,
    publishedAt,
    publisher: null,
    authors: [],
    entities: [],
    metrics,
  };
  return {
    article: {
      articleId,
      source: `synthetic/${i}`,
      url: null,
      canonicalUrl: null,
      title: result.title,
      publishedAt,
      publisher: null,
      authors: [],
      fetchedAt: publishedAt,
      etag: null,
      lastModified: null,
      raw: null,
      contentType: "text/plain",
      body,
    },
    result,
  };
}

/**
 * Fill a store with `articles × recordsPerArticle` synthetic records through `bulkInsert`.
 *
 * @example
 * await seedSynthetic(store, { articles: 10_000, recordsPerArticle: 100 }); // 1,000,000 records
 */
export async function seedSynthetic(store: RecordStore, o: SyntheticOptions): Promise<void> {
  const per = o.recordsPerArticle ?? 100;
  const batch = o.batch ?? 100;
  for (let i = 0; i < o.articles; i += batch) {
    const items: BulkItem[] = [];
    for (let k = i; k < Math.min(o.articles, i + batch); k++)
      items.push(syntheticItem(k, per, o.entities ?? 5000));
    await store.bulkInsert(items, o.extractorVersion ?? "synthetic");
    o.onBatch?.(Math.min(o.articles, i + batch));
  }
}
