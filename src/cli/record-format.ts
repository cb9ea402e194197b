/** Stored records as CSV rows, JSON lines and table rows (query and export share these). */
import type { StoredRecord } from "../store/types.js";
import { formatAmount } from "./format-table.js";

export const CSV_HEADER = [
  "record_id",
  "article_id",
  "source",
  "url",
  "published_at",
  "kind",
  "text",
  "amount",
  "currency",
  "unit",
  "approximate",
  "bound",
  "range_min",
  "range_max",
  "rate",
  "metric",
  "metric_phrase",
  "entity",
  "entity_type",
  "period",
  "period_year",
  "period_quarter",
  "fiscal",
  "change",
  "forecast",
  "span_start",
  "span_end",
  "sentence",
];

export function csvRow(s: StoredRecord): string {
  const r = s.record;
  const p = r.period;
  return [
    r.id,
    s.articleId,
    s.source,
    s.url,
    s.publishedAt,
    r.kind,
    r.text,
    r.value.amount,
    r.value.currency,
    r.value.unit,
    r.value.approximate,
    r.value.bound,
    r.value.range?.min ?? null,
    r.value.range?.max ?? null,
    r.rate,
    r.metric,
    r.metricPhrase,
    r.entity?.name ?? null,
    r.entity?.type ?? null,
    p?.text ?? null,
    p?.year ?? null,
    p?.quarter ?? null,
    p?.fiscal ?? null,
    r.change?.direction ?? null,
    r.forecast,
    r.span.start,
    r.span.end,
    r.sentence,
  ]
    .map(csvCell)
    .join(",");
}

/** RFC 4180: quote when needed, double the quotes; null is an empty cell. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One JSON object per record: the article's facts, then the record as the spec defines it. */
export function jsonOf(s: StoredRecord): Record<string, unknown> {
  return {
    articleId: s.articleId,
    source: s.source,
    url: s.url,
    title: s.title,
    publishedAt: s.publishedAt,
    record: s.record,
  };
}

export const TABLE_HEADER = ["value", "metric", "entity", "period", "sentence", "source"];

export function tableRow(s: StoredRecord): string[] {
  const r = s.record;
  return [
    formatAmount(r.value),
    r.metric,
    r.entity?.name ?? "",
    r.period?.text ?? "",
    r.sentence,
    s.url ?? s.source,
  ];
}

/**
 * `export`'s output for these records: the CSV header (csv only), then lines gathered 1000
 * at a time so each write is a few hundred KB, not one syscall per record.
 */
export async function* exportChunks(
  records: AsyncIterable<StoredRecord>,
  csv: boolean,
): AsyncIterable<string> {
  if (csv) yield `${CSV_HEADER.join(",")}\n`;
  let chunk: string[] = [];
  for await (const r of records) {
    chunk.push(csv ? csvRow(r) : JSON.stringify(jsonOf(r)));
    if (chunk.length >= 1000) {
      yield `${chunk.join("\n")}\n`;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield `${chunk.join("\n")}\n`;
}
