/**
 * Counts for one `ingest` run, kept in a Redis hash so every worker can add to them and
 * the waiting CLI can draw progress and a summary. Scheduled runs (runId null) keep only
 * the per-pipeline "last run" record read by `status`.
 */
import type { Redis } from "ioredis";
import type { ArticleOutcome } from "../pipeline/run-article.js";
import { addOutcome, emptySummary, type RunSummary } from "../pipeline/summary.js";

/** The counters of a run summary that the hash keeps, each under its own name. */
const SUMMED = [
  "articles",
  "changed",
  "unchanged",
  "notModified",
  "notArticles",
  "records",
  "added",
  "removed",
  "updated",
  "warnings",
] as const;

/** What the workers' outcomes add up to: the same fields an inline run reports. */
export type TrackedSummary = Pick<RunSummary, (typeof SUMMED)[number] | "byMetric" | "byEntity">;

const TTL_S = 7 * 24 * 3600;
const MAX_LISTED = 1000;
/** The Redis list beside a run's hash that keeps the entries counted under each field. */
const LISTS = { failed: "failures", deferred: "deferred", skipped: "skips" } as const;

export function runKey(prefix: string, runId: string): string {
  return `${prefix}:nf:run:${runId}`;
}

export function lastRunKey(prefix: string): string {
  return `${prefix}:nf:last-run`;
}

export interface RunCounts {
  total: number;
  done: number;
  failed: number;
  /** Pages whose host was paused (circuit breaker): left for the next run. */
  deferred: number;
  /** References found but not run (in flight for another run, failed before). */
  skipped: number;
  /** Of `skipped`, the files of a `files:` source that are not articles (not references). */
  skippedFiles: number;
  discovered: boolean;
  /** Articles done by outcome status (`stored`, `unchanged`, `not-modified`, …). */
  statuses: Record<string, number>;
  /** The outcomes summed by the one reducer (`addOutcome`), as an inline run sums them. */
  summary: TrackedSummary;
}

export class RunTracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async discovered(
    runId: string | null,
    pipeline: string,
    enqueued: number,
    found: number,
  ): Promise<void> {
    await this.redis.hset(
      lastRunKey(this.prefix),
      pipeline,
      JSON.stringify({ at: new Date().toISOString(), found, enqueued }),
    );
    if (!runId) return;
    const key = runKey(this.prefix, runId);
    await this.redis
      .multi()
      .hincrby(key, "total", enqueued)
      .hset(key, "discovered", "1")
      .expire(key, TTL_S)
      .exec();
  }

  /** Articles done, summed by the run reducer first: one HINCRBY per field, not per record. */
  async finished(runId: string | null, ...outcomes: ArticleOutcome[]): Promise<void> {
    if (!runId || outcomes.length === 0) return;
    const key = runKey(this.prefix, runId);
    const sum = emptySummary();
    for (const o of outcomes) addOutcome(sum, o);
    const add = new Map<string, number>([["done", outcomes.length]]);
    for (const o of outcomes) add.set(`s:${o.status}`, (add.get(`s:${o.status}`) ?? 0) + 1);
    for (const field of SUMMED) add.set(field, sum[field]);
    for (const [k, n] of Object.entries(sum.byMetric)) add.set(`m:${k}`, n);
    for (const [k, n] of Object.entries(sum.byEntity)) add.set(`e:${k}`, n);
    const m = this.redis.multi();
    for (const [field, n] of add) if (n !== 0) m.hincrby(key, field, n);
    await m.expire(key, TTL_S).exec();
  }

  /** More articles for the run (one file may hold several; counted as it is read). */
  async more(runId: string | null, n: number): Promise<void> {
    if (runId && n !== 0) await this.redis.hincrby(runKey(this.prefix, runId), "total", n);
  }

  async failed(runId: string | null, what: string, reason: string): Promise<void> {
    await this.note(runId, "failed", [{ what, reason }]);
  }

  /** A page left for the next run (its host is paused), with why. */
  async deferred(runId: string | null, what: string, reason: string): Promise<void> {
    await this.note(runId, "deferred", [{ what, reason }]);
  }

  /** Paths a source may not read: counted in the run's total as well as failed. */
  async refused(runId: string | null, paths: { what: string; reason: string }[]): Promise<void> {
    await this.note(runId, "failed", paths, "total");
  }

  /**
   * Counts the entries under `field` (and `alsoCount`, in the same transaction) and keeps
   * the first MAX_LISTED of them for the report.
   */
  private async note(
    runId: string | null,
    field: "failed" | "deferred" | "skipped",
    entries: { what: string; reason: string }[],
    alsoCount?: "total" | "skippedFiles",
  ): Promise<void> {
    if (!runId || entries.length === 0) return;
    const key = runKey(this.prefix, runId);
    const list = `${key}:${LISTS[field]}`;
    const m = this.redis.multi();
    if (alsoCount) m.hincrby(key, alsoCount, entries.length);
    await m
      .hincrby(key, field, entries.length)
      .rpush(list, ...entries.map((e) => JSON.stringify(e)))
      // A run's report shows the first ones; a host failing thousands of pages keeps Redis small.
      .ltrim(list, 0, MAX_LISTED - 1)
      .expire(list, TTL_S)
      .exec();
  }

  async read(runId: string): Promise<RunCounts> {
    const h = await this.redis.hgetall(runKey(this.prefix, runId));
    const statuses: Record<string, number> = {};
    const summary: TrackedSummary = { ...pickSummed(h), byMetric: {}, byEntity: {} };
    for (const [k, v] of Object.entries(h)) {
      if (k.startsWith("s:")) statuses[k.slice(2)] = Number(v);
      else if (k.startsWith("m:")) summary.byMetric[k.slice(2)] = Number(v);
      else if (k.startsWith("e:")) summary.byEntity[k.slice(2)] = Number(v);
    }
    return {
      total: Number(h.total ?? 0),
      done: Number(h.done ?? 0),
      failed: Number(h.failed ?? 0),
      deferred: Number(h.deferred ?? 0),
      skipped: Number(h.skipped ?? 0),
      skippedFiles: Number(h.skippedFiles ?? 0),
      discovered: h.discovered === "1",
      statuses,
      summary,
    };
  }

  /** References the run found but did not run, each with why. */
  async skip(runId: string | null, skipped: { what: string; reason: string }[]): Promise<void> {
    await this.note(runId, "skipped", skipped);
  }

  /** Files of a `files:` source that are not articles: listed as skipped, not counted as found. */
  async skipFiles(runId: string | null, files: { what: string; reason: string }[]): Promise<void> {
    await this.note(runId, "skipped", files, "skippedFiles");
  }

  async skips(runId: string): Promise<{ what: string; reason: string }[]> {
    return this.listed(runId, LISTS.skipped);
  }

  async failures(runId: string): Promise<{ what: string; reason: string }[]> {
    return this.listed(runId, LISTS.failed);
  }

  async deferrals(runId: string): Promise<{ what: string; reason: string }[]> {
    return this.listed(runId, LISTS.deferred);
  }

  private async listed(runId: string, list: string): Promise<{ what: string; reason: string }[]> {
    const rows = await this.redis.lrange(`${runKey(this.prefix, runId)}:${list}`, 0, 99);
    return rows.map((r) => JSON.parse(r) as { what: string; reason: string });
  }

  async lastRuns(): Promise<Record<string, { at: string; found: number; enqueued: number }>> {
    const h = await this.redis.hgetall(lastRunKey(this.prefix));
    return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, JSON.parse(v)]));
  }
}

function pickSummed(h: Record<string, string>): Omit<TrackedSummary, "byMetric" | "byEntity"> {
  const out = {} as Record<(typeof SUMMED)[number], number>;
  for (const field of SUMMED) out[field] = Number(h[field] ?? 0);
  return out;
}
