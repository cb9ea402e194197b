/**
 * Articles and records written for these tests. Records are built by hand (not by the
 * extractor) so the store's behaviour is tested apart from the extractor's current rules.
 */
import { articleIdOf, recordIdOf } from "../../../src/extract/ids.js";
import { ArticleResult, type MetricRecord } from "../../../src/model/index.js";
import type { ArticleRow } from "../../../src/store/index.js";

export const ORCHARD_TEXT = `Orchard Robotics lifts orders
Orchard Robotics said its order backlog reached $2.4 billion at the end of the third quarter of 2025, up 31% from a year earlier.
The company expects revenue of about $900 million in fiscal 2026.
Orchard employs 4,200 people.
`;

export const KESTREL_TEXT = `Kestrel Bank cuts costs
Kestrel Bank reported net income of €1.1 billion for the first half of 2025.
Kestrel Bank said its backlog of loan orders was $310 million.
`;

interface Spec {
  text: string;
  kind: MetricRecord["kind"];
  amount: number;
  metric: MetricRecord["metric"];
  entity?: string;
  currency?: string;
  unit?: string;
  period?: { text: string; year?: number; quarter?: number; fiscal?: boolean };
  forecast?: boolean;
  change?: "increase" | "decrease";
}

export function record(body: string, s: Spec): MetricRecord {
  const articleId = articleIdOf(body);
  const start = body.indexOf(s.text);
  if (start < 0) throw new Error(`test bug: "${s.text}" is not in the body`);
  const end = start + s.text.length;
  const line = body.slice(body.lastIndexOf("\n", start) + 1, body.indexOf("\n", start));
  return {
    id: recordIdOf(articleId, start, end, s.kind),
    kind: s.kind,
    text: s.text,
    span: { start, end },
    sentence: line,
    value: {
      amount: s.amount,
      currency: s.currency ?? null,
      unit: s.unit ?? null,
      approximate: false,
      bound: "exact",
      range: null,
    },
    rate: null,
    metric: s.metric,
    metricPhrase: null,
    entity: s.entity ? { name: s.entity, type: "organization" } : null,
    period: s.period
      ? {
          text: s.period.text,
          fiscal: s.period.fiscal ?? false,
          year: s.period.year ?? null,
          quarter: s.period.quarter ?? null,
          start: null,
          end: null,
          ytd: false,
        }
      : null,
    change: s.change ? { direction: s.change } : null,
    forecast: s.forecast ?? false,
  };
}

export function orchardRecords(): MetricRecord[] {
  const b = ORCHARD_TEXT;
  return [
    record(b, {
      text: "$2.4 billion",
      kind: "money",
      amount: 2.4e9,
      currency: "USD",
      metric: "backlog",
      entity: "Orchard Robotics",
      period: { text: "third quarter of 2025", year: 2025, quarter: 3 },
    }),
    record(b, {
      text: "31%",
      kind: "percent",
      amount: 31,
      unit: "percent",
      metric: "backlog",
      entity: "Orchard Robotics",
      change: "increase",
    }),
    record(b, {
      text: "$900 million",
      kind: "money",
      amount: 9e8,
      currency: "USD",
      metric: "revenue",
      entity: "Orchard Robotics",
      period: { text: "fiscal 2026", year: 2026, fiscal: true },
      forecast: true,
    }),
    record(b, {
      text: "4,200",
      kind: "count",
      amount: 4200,
      unit: "people",
      metric: "employees",
      entity: "Orchard Robotics",
    }),
  ];
}

export function kestrelRecords(): MetricRecord[] {
  const b = KESTREL_TEXT;
  return [
    record(b, {
      text: "€1.1 billion",
      kind: "money",
      amount: 1.1e9,
      currency: "EUR",
      metric: "net_income",
      entity: "Kestrel Bank",
      period: { text: "first half of 2025", year: 2025 },
    }),
    record(b, {
      text: "$310 million",
      kind: "money",
      amount: 3.1e8,
      currency: "USD",
      metric: "backlog",
      entity: "Kestrel Bank",
    }),
  ];
}

export function article(
  body: string,
  metrics: MetricRecord[],
  extra: Partial<ArticleRow> = {},
): { row: ArticleRow; result: ArticleResult } {
  const title = body.split("\n")[0] ?? null;
  const row: ArticleRow = {
    articleId: articleIdOf(body),
    source: "tests/orchard.txt",
    url: null,
    canonicalUrl: null,
    title,
    publishedAt: null,
    publisher: null,
    authors: [],
    fetchedAt: "2026-01-02T03:04:05.000Z",
    etag: null,
    lastModified: null,
    raw: null,
    contentType: "text/plain",
    body,
    ...extra,
  };
  const result = ArticleResult.parse({
    source: row.source,
    articleId: row.articleId,
    url: row.canonicalUrl ?? row.url,
    title,
    publishedAt: row.publishedAt,
    publisher: row.publisher,
    authors: row.authors,
    entities: [...new Set(metrics.flatMap((m) => (m.entity ? [m.entity.name] : [])))].map(
      (name) => ({ name, type: "organization", mentions: 2 }),
    ),
    metrics,
  });
  return { row, result };
}
