/**
 * What a run did: one shape and one reducer for every path that stores articles (`ingest
 * PATH`, inline pipeline runs, queued runs, whose tracker in Redis keeps the same fields,
 * and `reprocess`), so the same input reports the same numbers whichever way it came.
 */
import { describeError, errorCode } from "../errors.js";
import type { ArticleOutcome } from "./run-article.js";

export interface RunFailure {
  source: string;
  code: string;
  message: string;
}

export interface RunSummary {
  /**
   * Article files and pages the run took on (after expanding folders), pages another run
   * held included; files that are not articles are only in `skipped`.
   */
  files: number;
  /** Found but not run: files that are not articles, pages another run holds. */
  skipped: string[];
  /** Articles stored or found stored unchanged. */
  articles: number;
  /** Articles new or re-extracted (records written). */
  changed: number;
  /** Articles already stored with the same extraction. */
  unchanged: number;
  /** Pages the server said had not changed since the last fetch (304). */
  notModified: number;
  /** Pages read but not articles (too short, not HTML or text). */
  notArticles: number;
  failed: RunFailure[];
  /** Records of the run's articles, and what changed in the store. */
  records: number;
  added: number;
  removed: number;
  updated: number;
  /** Figures the extractor found but dropped as invalid records. */
  warnings: number;
  byMetric: Record<string, number>;
  byEntity: Record<string, number>;
  durationMs: number;
}

export function emptySummary(): RunSummary {
  return {
    files: 0,
    skipped: [],
    articles: 0,
    changed: 0,
    unchanged: 0,
    notModified: 0,
    notArticles: 0,
    failed: [],
    records: 0,
    added: 0,
    removed: 0,
    updated: 0,
    warnings: 0,
    byMetric: {},
    byEntity: {},
    durationMs: 0,
  };
}

/**
 * The reducer: one article's outcome into the summary.
 *
 * @example
 * const s = emptySummary();
 * addOutcome(s, outcome); // s.articles === 1, s.records === outcome.result.metrics.length
 */
export function addOutcome(s: RunSummary, o: ArticleOutcome): RunSummary {
  if (o.status === "stored") s.changed++;
  else if (o.status === "unchanged") s.unchanged++;
  else if (o.status === "not-modified") s.notModified++;
  else s.notArticles++;
  if (o.status === "stored" || o.status === "unchanged") s.articles++;
  s.added += o.added;
  s.removed += o.removed;
  s.updated += o.updated;
  s.warnings += o.warnings;
  for (const m of o.result?.metrics ?? []) {
    s.records++;
    s.byMetric[m.metric] = (s.byMetric[m.metric] ?? 0) + 1;
    if (m.entity) s.byEntity[m.entity.name] = (s.byEntity[m.entity.name] ?? 0) + 1;
  }
  return s;
}

/** A failure of one input (or source) into the summary; the run goes on. */
export function addFailure(s: RunSummary, source: string, err: unknown): RunSummary {
  s.failed.push({ source, code: errorCode(err), message: describeError(err) });
  return s;
}
