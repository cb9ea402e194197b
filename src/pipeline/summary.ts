/**
 * What a run did, tallied as it goes, and the summary a person reads at the end.
 */
import { describeError, errorCode } from "../errors.js";
import type { IngestSummary } from "../store/ingest.js";
import type { ArticleOutcome, ArticleStatus } from "./run-article.js";

export interface RunFailure {
  what: string;
  code: string;
  message: string;
}

export class RunTally {
  readonly pipeline: string;
  readonly statuses: Record<ArticleStatus, number> = {
    stored: 0,
    unchanged: 0,
    "not-modified": 0,
    skipped: 0,
  };
  readonly metrics = new Map<string, number>();
  readonly entities = new Map<string, number>();
  readonly failures: RunFailure[] = [];
  figures = 0;
  added = 0;
  removed = 0;
  updated = 0;

  constructor(pipeline: string) {
    this.pipeline = pipeline;
  }

  add(o: ArticleOutcome): void {
    this.statuses[o.status]++;
    this.added += o.added;
    this.removed += o.removed;
    this.updated += o.updated;
    if (!o.result) return;
    for (const m of o.result.metrics) {
      this.figures++;
      this.metrics.set(m.metric, (this.metrics.get(m.metric) ?? 0) + 1);
      if (m.entity) this.entities.set(m.entity.name, (this.entities.get(m.entity.name) ?? 0) + 1);
    }
  }

  fail(what: string, err: unknown): void {
    this.failures.push({ what, code: errorCode(err), message: describeError(err) });
  }

  get articles(): number {
    return this.statuses.stored + this.statuses.unchanged;
  }
}

/** The tally in the shape of the store's ingest summary, so both print alike. */
export function toIngestSummary(t: RunTally, refs: number, durationMs: number): IngestSummary {
  return {
    files: refs,
    skipped: [],
    articles: t.articles,
    changed: t.statuses.stored,
    unchanged: t.statuses.unchanged,
    failed: t.failures.map((f) => ({ source: f.what, code: f.code, message: f.message })),
    records: t.figures,
    added: t.added,
    removed: t.removed,
    updated: t.updated,
    warnings: 0,
    byMetric: Object.fromEntries(t.metrics),
    byEntity: Object.fromEntries(t.entities),
    durationMs,
  };
}
