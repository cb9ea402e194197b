/**
 * Query parameters of the API and the pages: the names and meanings of `query`/`export`
 * flags (entity, metric, kind, since, until, period, currency, min, max, article,
 * stored-since, limit) plus `cursor` for paging. zod checks their shape with the model's
 * own enums; the flags' converter then builds the same RecordQuery the CLI builds, so one
 * filter gives one answer whichever door it came in by.
 */
import { z } from "zod";
import { toFilter } from "../cli/commands/query.js";
import { isNewsfiguresError, NewsfiguresError } from "../errors.js";
import { FigureKind, Metric } from "../model/index.js";
import type { RecordQuery } from "../store/types.js";

/** The most rows one page of the API or the search page returns. */
export const MAX_PAGE = 1000;
/** How deep paging goes into one result; past it, narrow the filters or download. */
export const MAX_OFFSET = 10_000;

const text = (max: number) => z.string().trim().min(1).max(max);

export const FilterParams = z.strictObject({
  entity: text(200).optional(),
  metric: Metric.optional(),
  kind: FigureKind.optional(),
  since: text(40).optional(),
  until: text(40).optional(),
  period: text(100).optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code like USD")
    .optional(),
  min: text(40).optional(),
  max: text(40).optional(),
  article: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, "an article id: sha256: and 64 hex digits")
    .optional(),
  "stored-since": text(40).optional(),
});
export type FilterParams = z.infer<typeof FilterParams>;

export const PageParams = FilterParams.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  /** Opaque to clients: where the next page starts, as `next` gave it. */
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, "a cursor from a previous answer's next")
    .optional(),
});
export type PageParams = z.infer<typeof PageParams>;

export const DownloadParams = FilterParams;

/** Parse `raw` (a request's query) with `schema`; a bad value is NF_SERVE_BAD_PARAM (400). */
export function parseParams<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  // A form sends its empty fields as `entity=`: an empty field is no filter.
  const given = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ""),
  );
  const parsed = schema.safeParse(given);
  if (!parsed.success)
    throw new NewsfiguresError("NF_SERVE_BAD_PARAM", z.prettifyError(parsed.error), {
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) },
    });
  return parsed.data;
}

/** The same RecordQuery `query` builds from the same flags (without a limit). */
export async function filterOf(p: FilterParams): Promise<RecordQuery> {
  try {
    return await toFilter({
      ...(p.entity !== undefined ? { entity: p.entity } : {}),
      ...(p.metric !== undefined ? { metric: p.metric } : {}),
      ...(p.kind !== undefined ? { kind: p.kind } : {}),
      ...(p.since !== undefined ? { since: p.since } : {}),
      ...(p.until !== undefined ? { until: p.until } : {}),
      ...(p.period !== undefined ? { period: p.period } : {}),
      ...(p.currency !== undefined ? { currency: p.currency } : {}),
      ...(p.min !== undefined ? { min: p.min } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
      ...(p.article !== undefined ? { article: p.article } : {}),
      ...(p["stored-since"] !== undefined ? { storedSince: p["stored-since"] } : {}),
    });
  } catch (err) {
    // The flag converter names the flag as `--since`; here it is a query parameter.
    if (isNewsfiguresError(err))
      throw new NewsfiguresError("NF_SERVE_BAD_PARAM", err.message.replace(/^--/, ""), {
        cause: err,
      });
    throw err;
  }
}

/** Row offset of a page; bounded so no request reads more than MAX_OFFSET + MAX_PAGE rows. */
export function offsetOf(p: PageParams): number {
  const offset = p.cursor === undefined ? 0 : Number(p.cursor);
  if (offset > MAX_OFFSET)
    throw new NewsfiguresError(
      "NF_SERVE_TOO_DEEP",
      `paging stops ${MAX_OFFSET} rows into a result; narrow the filters or download the CSV/JSONL`,
    );
  return offset;
}

/** The filters as they were given, for links that keep them (paging, downloads). */
export function filterEntries(p: FilterParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = String(v);
  return out;
}
