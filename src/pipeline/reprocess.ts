/**
 * Re-run extraction over stored articles, from their stored body (nothing is fetched),
 * and replace their records; each article is replaced whole or not at all (several share
 * a transaction).
 */
import { describeError } from "../errors.js";
import { extractArticle } from "../extract/index.js";
import { EXTRACTOR_VERSION } from "../extract/version.js";
import type { ArticleInput, ArticleResult } from "../model/index.js";
import { diffRecords, type RecordDiff } from "../store/diff.js";
import { SaveBatcher } from "../store/save-batcher.js";
import type { ArticleFilter, SaveOutcome, Store, StoredArticle } from "../store/types.js";
import type { ArticleOutcome } from "./run-article.js";
import { addFailure, addOutcome, emptySummary, type RunSummary } from "./summary.js";

/** Articles read ahead of their saves at most (each holds its page and body in memory). */
const MAX_PENDING = 200;

export interface ArticleReprocess {
  articleId: string;
  source: string;
  title: string | null;
  fromVersion: string;
  toVersion: string;
  diff: RecordDiff;
  /** Written to the store (false on --dry-run, when nothing changed, or on error). */
  applied: boolean;
  error: string | null;
}

/** A run's summary (the same numbers as every other run), and how it was run. */
export interface ReprocessSummary extends RunSummary {
  dryRun: boolean;
  extractorVersion: string;
}

export interface ReprocessOptions extends ArticleFilter {
  dryRun?: boolean;
  extractorVersion?: string;
  /** The extractor to run; tests pass a changed rule here. */
  extract?: (input: ArticleInput) => ArticleResult;
  onArticle?: (r: ArticleReprocess) => void | Promise<void>;
}

/** The extractor's input, rebuilt from what the store kept. */
export function inputOf(a: StoredArticle): ArticleInput {
  return {
    source: a.source,
    body: a.body,
    title: a.title,
    url: a.canonicalUrl ?? a.url,
    publishedAt: a.publishedAt,
    publisher: a.publisher,
    authors: a.authors,
  };
}

/**
 * @example
 * const summary = await reprocessStore(store, { source: "fixtures/", dryRun: true, onArticle: print });
 */
export async function reprocessStore(
  store: Store,
  options: ReprocessOptions = {},
): Promise<ReprocessSummary> {
  const started = Date.now();
  const version = options.extractorVersion ?? EXTRACTOR_VERSION;
  const given = options.extract;
  const extract = given
    ? (input: ArticleInput) => ({ result: given(input), warnings: [] })
    : (input: ArticleInput) => extractArticle(input);
  const filter: ArticleFilter = {
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
  };
  const summary: ReprocessSummary = {
    ...emptySummary(),
    dryRun: options.dryRun === true,
    extractorVersion: version,
  };
  // Saves go through a group-commit batcher: on PostgreSQL one transaction per group instead
  // of one per article. Reports still come out in article order, each after its own save.
  const batcher = options.dryRun ? null : new SaveBatcher(store, version, { maxBatch: 100 });
  const pending: Array<{
    report: ArticleReprocess;
    outcome: ArticleOutcome | null;
    saved: Promise<SaveOutcome> | null;
  }> = [];
  const settle = async (keep: number) => {
    while (pending.length > keep) {
      const { report, outcome, saved } = pending.shift() as (typeof pending)[number];
      try {
        if (saved) report.applied = (await saved).changed;
        if (outcome) addOutcome(summary, outcome);
      } catch (err) {
        addFailure(summary, report.source, err);
        report.error = describeError(err);
      }
      await options.onArticle?.(report);
    }
  };
  for await (const stored of store.listArticles(filter)) {
    summary.files++;
    const { extractorVersion: fromVersion, ...article } = stored;
    const report: ArticleReprocess = {
      articleId: stored.articleId,
      source: stored.source,
      title: stored.title,
      fromVersion,
      toVersion: version,
      diff: { added: [], removed: [], changed: [], unchanged: 0 },
      applied: false,
      error: null,
    };
    let saved: Promise<SaveOutcome> | null = null;
    let outcome: ArticleOutcome | null = null;
    try {
      const { result, warnings } = extract(inputOf(stored));
      report.diff = diffRecords(await store.getRecords(stored.articleId), result.metrics);
      const differs =
        report.diff.added.length + report.diff.removed.length + report.diff.changed.length > 0;
      // Counted as the record diff says (also on --dry-run, where nothing is written).
      outcome = {
        url: stored.canonicalUrl ?? stored.url ?? stored.source,
        status: differs ? "stored" : "unchanged",
        articleId: stored.articleId,
        added: report.diff.added.length,
        removed: report.diff.removed.length,
        updated: report.diff.changed.length,
        warnings: warnings.length,
        result,
      };
      // A save is a no-op when nothing changed, so always offering it is safe and also
      // records entity or metadata changes that the record diff does not show.
      saved = batcher?.save({ article, result }) ?? null;
      // Settled (and reported) when its group commits; a rejection is handled there.
      saved?.catch(() => {});
    } catch (err) {
      addFailure(summary, stored.source, err);
      report.error = describeError(err);
    }
    pending.push({ report, outcome, saved });
    await settle(MAX_PENDING);
  }
  await settle(0);
  summary.durationMs = Date.now() - started;
  return summary;
}
