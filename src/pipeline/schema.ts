/**
 * The pipeline file: what a user writes in `pipelines/*.yaml`. Objects are strict so a
 * misspelt key is an error that names it, not a setting silently ignored.
 */
import { z } from "zod";

/** `15m`, `1h`, `30s`, `1d`, `500ms`. */
export const DURATION_RE = /^(\d+)\s*(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function durationMs(text: string): number {
  const m = DURATION_RE.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

const Duration = z
  .string()
  .regex(DURATION_RE, { message: 'must be a duration such as "30s", "15m", "1h" or "1d"' })
  .refine((s) => durationMs(s) >= 60_000, {
    message: "must be at least 1m (feeds are not polled faster than once a minute)",
  });

const CRON_RE = /^\S+(\s+\S+){4,5}$/;

export const Schedule = z.union([
  z.strictObject({
    cron: z.string().regex(CRON_RE, {
      message: 'must be a cron pattern with 5 or 6 fields, e.g. "*/15 * * * *"',
    }),
    tz: z.string().optional(),
  }),
  z.strictObject({ every: Duration }),
]);
export type Schedule = z.infer<typeof Schedule>;

const HttpUrl = z.string().refine((s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s), {
  message: "must be an absolute http:// or https:// URL",
});

export const SourceSpec = z.union([
  z.strictObject({ feed: HttpUrl }),
  z.strictObject({ sitemap: HttpUrl }),
  z.strictObject({ urls: z.array(HttpUrl).min(1) }),
  /** Paths are relative to the pipeline file's folder. */
  z.strictObject({ files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }),
]);
export type SourceSpec = z.infer<typeof SourceSpec>;

/** The `fetch:` section of a pipeline file (named apart from `fetchPage`'s own options). */
export const FetchSpec = z.strictObject({
  /** Let the pipeline reach private and loopback addresses: true, or a list of CIDRs such as ["127.0.0.0/8"] (off by default: SSRF guard). */
  allowPrivateNetwork: z.union([z.boolean(), z.array(z.string().min(1)).min(1)]).default(false),
  /** Minimum time between two requests to one host, across every worker; robots.txt Crawl-delay raises it. */
  perHostIntervalMs: z.number().int().min(0).max(600_000).default(1000),
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  respectRobots: z.boolean().default(true),
  userAgent: z.string().min(1).optional(),
  /** Tries per page, the first included; 429 and 503 count too, waiting at least their Retry-After. */
  attempts: z.number().int().min(1).max(20).default(5),
  /** Consecutive failed requests to one host in one run after which its other pages wait for the next run; 0: never. */
  pauseHostAfter: z.number().int().min(0).max(1000).default(10),
  /**
   * Re-check stored articles younger than this (published, or fetched when undated) on
   * every poll, with a conditional GET, so corrections arrive; unset: a stored URL is not
   * fetched again.
   */
  recheckWithin: Duration.optional(),
});
export type FetchSpec = z.infer<typeof FetchSpec>;

/** The `extract:` section of a pipeline file (named apart from `extractArticle`'s options). */
export const ExtractSpec = z.strictObject({
  /** Pages and files whose parsed body is shorter than this are not articles (index pages, errors): skipped. */
  minBodyChars: z.number().int().min(0).default(200),
});
export type ExtractSpec = z.infer<typeof ExtractSpec>;

/** `20s`, `30m`, `2h`: like Duration, but down to a second. */
const RunDuration = z
  .string()
  .regex(DURATION_RE, { message: 'must be a duration such as "90s", "30m" or "2h"' })
  .refine((s) => durationMs(s) >= 1000 && durationMs(s) <= 7 * 86_400_000, {
    message: "must be between 1s and 7d",
  });

export const RunOptions = z.strictObject({
  /** Ceiling of one run: `ingest` waits at most this long; what is left is reported as not done. */
  timeout: RunDuration.default("30m"),
  /** References taken from one source per poll (a feed may list tens of thousands); the rest wait for the next poll. */
  maxRefsPerSource: z.number().int().min(1).max(100_000).default(1000),
});
export type RunOptions = z.infer<typeof RunOptions>;

export const PipelineSpec = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, {
    message:
      "must be lower-case letters, digits, - or _ (it names the job scheduler and the log lines)",
  }),
  description: z.string().optional(),
  schedule: Schedule.optional(),
  sources: z
    .array(SourceSpec)
    .min(1, { message: "needs at least one source (feed, sitemap, urls or files)" }),
  fetch: FetchSpec.default(FetchSpec.parse({})),
  extract: ExtractSpec.default(ExtractSpec.parse({})),
  run: RunOptions.default(RunOptions.parse({})),
  /** `sqlite:PATH` (relative to the working directory) or `postgres://…`; default: NEWSFIGURES_STORE. */
  store: z.string().min(1).optional(),
});
export type PipelineSpec = z.infer<typeof PipelineSpec>;

/** A pipeline as loaded: its spec and where it came from (paths resolve against `dir`). */
export interface Pipeline {
  spec: PipelineSpec;
  file: string;
  dir: string;
}
