/**
 * A generated store for paging tests: `articles` articles of PER_ARTICLE valid records each,
 * many sharing a publication date (ties the order must break), amounts with repeats, one
 * article in every `undatedEvery` without a publication date, two companies in turn.
 */
import type { MetricRecord } from "../../../src/model/index.js";
import type { BulkItem } from "../../../src/store/index.js";

export const PER_ARTICLE = 10;
export const COMPANIES = ["Quillfield Mining", "Brackmoor Freight"];

export function generatedItems(articles: number, undatedEvery = 7): BulkItem[] {
  const items: BulkItem[] = [];
  for (let a = 0; a < articles; a++) {
    const articleId = `sha256:${(a + 1).toString(16).padStart(64, "0")}`;
    const name = COMPANIES[a % COMPANIES.length] as string;
    const dated = a % undatedEvery !== 3;
    // 17 distinct dates: about a dozen articles (over a hundred records) share each one.
    const publishedAt = dated
      ? `2025-${String(1 + (a % 12)).padStart(2, "0")}-${String(1 + (a % 17)).padStart(2, "0")}T08:00:00Z`
      : null;
    const body = `${name} reported figures. ${"Revenue was $1.2 billion. ".repeat(PER_ARTICLE)}`;
    const metrics: MetricRecord[] = [];
    for (let k = 0; k < PER_ARTICLE; k++) {
      const start = body.indexOf("$1.2 billion", 20 + k * 26);
      metrics.push({
        id: `gen-${a}-${k}`,
        kind: "money",
        text: "$1.2 billion",
        span: { start, end: start + 12 },
        sentence: "Revenue was $1.2 billion.",
        value: {
          amount: 1e6 * (1 + ((a * 31 + k * 7) % 89)),
          currency: "USD",
          unit: null,
          approximate: false,
          bound: "exact",
          range: null,
        },
        rate: null,
        metric: k % 2 === 0 ? "revenue" : "backlog",
        metricPhrase: k % 2 === 0 ? "revenue" : "backlog",
        entity: { name, type: "organization" },
        period: null,
        change: null,
        forecast: false,
      });
    }
    items.push({
      article: {
        articleId,
        source: `gen-${a}`,
        url: `https://gen.example/${a}`,
        canonicalUrl: null,
        title: `${name} figures ${a}`,
        publishedAt,
        publisher: null,
        authors: [],
        fetchedAt: `2026-01-${String(1 + (a % 28)).padStart(2, "0")}T00:00:00.000Z`,
        etag: null,
        lastModified: null,
        raw: null,
        contentType: "text/plain",
        body,
      },
      result: {
        source: `gen-${a}`,
        articleId,
        url: `https://gen.example/${a}`,
        title: `${name} figures ${a}`,
        publishedAt,
        publisher: null,
        authors: [],
        entities: [{ name, type: "organization", mentions: 1 }],
        metrics,
      },
    });
  }
  return items;
}

export interface Row {
  articleId: string;
  publishedAt: string | null;
  record: { id: string; span: { start: number }; value: { amount: number } };
}

const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order pageRecords promises, written out plainly: the test's oracle. */
export function expectedOrder<T extends Row>(
  rows: readonly T[],
  sort: "newest" | "oldest" | "largest" | "smallest",
): T[] {
  const tail = (x: T, y: T) =>
    byte(x.articleId, y.articleId) ||
    x.record.span.start - y.record.span.start ||
    byte(x.record.id, y.record.id);
  return [...rows].sort((x, y) => {
    if (sort === "largest" || sort === "smallest") {
      const d = x.record.value.amount - y.record.value.amount;
      return (sort === "largest" ? -d : d) || tail(x, y);
    }
    if (x.publishedAt === null || y.publishedAt === null)
      return (x.publishedAt === null ? 1 : 0) - (y.publishedAt === null ? 1 : 0) || tail(x, y);
    const d = byte(x.publishedAt, y.publishedAt);
    return (sort === "newest" ? -d : d) || tail(x, y);
  });
}
