/**
 * Query parameters of the API and the pages: the names and meanings of `query`/`export`
 * flags (entity, metric, kind, since, until, period, currency, min, max, article,
 * stored-since, limit) plus `sort` and `cursor` for paging. Checked once, here at the edge:
 * one zod pass checks each value's shape with the model's own enums and converts it with
 * the flags' own converters (dates, periods, amounts) into the RecordQuery `query` builds,
 * so one filter gives one answer whichever door it came in by, and nothing downstream
 * checks it again.
 */
import { z } from "zod";
import { isoDate, storedTimeBound } from "../cli/flags.js";
import { isNewsfiguresError, NewsfiguresError } from "../errors.js";
import { FigureKind, Metric } from "../model/index.js";
import { parsePeriodFilter } from "../store/query-sql.js";
import type { RecordKey, RecordQuery, RecordSort } from "../store/types.js";

/** The most rows one page of the API or the search page returns. */
export const MAX_PAGE = 1000;

const text = (max: number) => z.string().trim().min(1).max(max);

const FILTER_SHAPE = {
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
};

/** The orders of a result, as the `sort` parameter names them; the first is the default. */
export const SORTS = ["newest", "oldest", "largest", "smallest"] as const satisfies RecordSort[];
export const SORT_LABEL: Record<RecordSort, string> = {
  newest: "newest first (by publication date; undated last)",
  oldest: "oldest first (by publication date; undated last)",
  largest: "largest amount first (as stated, in any currency or unit)",
  smallest: "smallest amount first (as stated, in any currency or unit)",
};

export const FilterParams = z.strictObject(FILTER_SHAPE);
export type FilterParams = z.infer<typeof FilterParams>;

export const PageParams = z.strictObject({
  ...FILTER_SHAPE,
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  sort: z.enum(SORTS).default("newest"),
  /** Opaque to clients: where the next page starts, as `next` gave it. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/, "a cursor from a previous answer's next")
    .optional(),
});
export type PageParams = z.infer<typeof PageParams>;

/** The parameters as given (for links and the form) and the query they make. */
export interface Filtered<P> {
  params: P;
  query: RecordQuery;
}

/**
 * Parse `raw` (a request's query) with `schema` and convert its filters, in one pass; a bad
 * value is NF_SERVE_BAD_PARAM (400) naming the parameter.
 */
export function parseFilter<S extends typeof FilterParams | typeof PageParams>(
  schema: S,
  raw: unknown,
): Filtered<z.infer<S>> {
  return parseParams(
    schema.transform((p, ctx) => {
      try {
        return { params: p, query: queryOf(p) };
      } catch (err) {
        if (!isNewsfiguresError(err)) throw err;
        // The flag converters name the flag as `--since`; here it is a query parameter.
        ctx.addIssue({ code: "custom", message: err.message.replace(/^--/, "") });
        return z.NEVER;
      }
    }),
    raw,
  ) as Filtered<z.infer<S>>;
}

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

/**
 * The RecordQuery `query` builds from the same flags (without a limit), from values whose
 * shape zod has checked: what is left to convert is what zod cannot say (dates that exist,
 * periods, amounts written as `1e9` or `1_000`), with the flags' own converters.
 */
function queryOf(p: FilterParams): RecordQuery {
  const q: RecordQuery = {};
  if (p.entity !== undefined) q.entity = p.entity;
  if (p.metric !== undefined) q.metric = p.metric;
  if (p.kind !== undefined) q.kind = p.kind;
  if (p.since !== undefined) q.since = isoDate("--since", p.since);
  if (p.until !== undefined) q.until = isoDate("--until", p.until);
  if (p.period !== undefined) q.period = parsePeriodFilter(p.period);
  if (p.currency !== undefined) q.currency = p.currency;
  if (p.min !== undefined) q.min = amount("min", p.min);
  if (p.max !== undefined) q.max = amount("max", p.max);
  if (p.article !== undefined) q.articleId = p.article;
  if (p["stored-since"] !== undefined)
    q.storedSince = storedTimeBound("--stored-since", p["stored-since"]);
  return q;
}

/** As `query --min/--max` read an amount. */
function amount(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isFinite(n))
    throw new NewsfiguresError(
      "NF_SERVE_BAD_PARAM",
      `${name} "${value}" is not a number; write e.g. 1000000 or 1e9`,
    );
  return n;
}

/** The filters as they were given, for links that keep them (paging, downloads). */
export function filterEntries(p: FilterParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p))
    if (v !== undefined && k in FILTER_SHAPE) out[k] = String(v);
  return out;
}

/**
 * A page's `next` as the client carries it: the last row's place in the order, as
 * base64url JSON. Opaque to clients, but not trusted: `decodeCursor` checks it whole.
 */
export function encodeCursor(key: RecordKey): string {
  return Buffer.from(
    JSON.stringify([key.sort, key.value, key.articleId, key.spanStart, key.id]),
  ).toString("base64url");
}

const CursorJson = z.tuple([
  z.enum(SORTS),
  z.union([z.string().max(100), z.number().finite(), z.null()]),
  z.string().min(1).max(200),
  z.number().int().min(0),
  z.string().min(1).max(500),
]);

/** The key a cursor holds; anything else, or a cursor of another order, is NF_SERVE_BAD_CURSOR. */
export function decodeCursor(cursor: string | undefined, sort: RecordSort): RecordKey | null {
  if (cursor === undefined) return null;
  const bad = (why: string) =>
    new NewsfiguresError(
      "NF_SERVE_BAD_CURSOR",
      `cursor "${cursor.slice(0, 40)}${cursor.length > 40 ? "…" : ""}" ${why}; page on with the next link or cursor an answer gave, or start again without one`,
    );
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad("is not one this server made");
  }
  const parsed = CursorJson.safeParse(json);
  if (!parsed.success) throw bad("is not one this server made");
  const [cursorSort, value, articleId, spanStart, id] = parsed.data;
  if (cursorSort !== sort)
    throw bad(`belongs to sort=${cursorSort}, not sort=${sort}; keep the sort it was made for`);
  const byDate = sort === "newest" || sort === "oldest";
  if (byDate ? typeof value === "number" : typeof value !== "number")
    throw bad("is not one this server made");
  return { sort, value, articleId, spanStart, id };
}
