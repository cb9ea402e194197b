/**
 * Conversions between the model and table rows, shared by both backends: the queryable
 * columns of a record, the canonical JSON that decides "unchanged", the compressed page.
 */
import { createHash } from "node:crypto";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { canonicalUrl } from "../model/canonical-url.js";
import type { ArticleResult, MetricRecord } from "../model/index.js";
import type { SqlValue } from "./driver.js";

export const RECORD_COLUMNS = [
  "id",
  "article_id",
  "published_at",
  "kind",
  "metric",
  "entity_name",
  "entity_lc",
  "entity_type",
  "amount",
  "currency",
  "unit",
  "period_text",
  "period_fiscal",
  "period_year",
  "period_quarter",
  "period_start",
  "period_end",
  "period_ytd",
  "change_direction",
  "forecast",
  "span_start",
  "span_end",
  "text",
  "sentence",
  "record_json",
] as const;

export function recordValues(
  articleId: string,
  publishedAt: string | null,
  r: MetricRecord,
): SqlValue[] {
  const p = r.period;
  return [
    r.id,
    articleId,
    publishedAt,
    r.kind,
    r.metric,
    r.entity?.name ?? null,
    r.entity ? foldName(r.entity.name) : null,
    r.entity?.type ?? null,
    r.value.amount,
    r.value.currency,
    r.value.unit,
    p?.text ?? null,
    p ? p.fiscal : null,
    p?.year ?? null,
    p?.quarter ?? null,
    p?.start ?? null,
    p?.end ?? null,
    p ? p.ytd : null,
    r.change?.direction ?? null,
    r.forecast,
    r.span.start,
    r.span.end,
    r.text,
    r.sentence,
    JSON.stringify(r),
  ];
}

/** The case-folded name the entity filter compares: the same fold on write and on query. */
export function foldName(name: string): string {
  return name.toLowerCase();
}

/** JSON with sorted keys, so equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/** What "the same extraction" means: same metadata, entities and records (body aside). */
export function resultHash(result: ArticleResult): string {
  const { body: _body, ...rest } = result;
  return sha256(canonicalJson(rest));
}

export function sha256(data: string | Buffer): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** Brotli at a middle quality: pages shrink ~5x and ingest stays fast. */
export function compressRaw(raw: Buffer): Buffer {
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
}

export function decompressRaw(stored: Buffer, encoding: string | null): Buffer {
  return encoding === "br" ? brotliDecompressSync(stored) : stored;
}

/**
 * What makes stored rows one article: its URL in canonical form, or, for text without
 * one, the hash of its body (its id). A newer text at the same URL is a new revision.
 */
export function articleKeyOf(a: {
  url: string | null;
  canonicalUrl: string | null;
  articleId: string;
}): string {
  const u = a.url ?? a.canonicalUrl;
  return u === null || u === "" ? a.articleId : canonicalUrl(u);
}
