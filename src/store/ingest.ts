/**
 * Local files -> extraction -> store, inline (no queue). The CLI's `ingest` calls
 * `ingestFiles`. Fetched pages take another path (`src/pipeline/run-article.ts`): they
 * carry a fetch state and are saved in groups by the queue workers.
 */
import { existsSync } from "node:fs";
import { describeError, isNewsfiguresError } from "../errors.js";
import { extractArticle } from "../extract/index.js";
import { EXTRACTOR_VERSION } from "../extract/version.js";
import type { ArticleResult } from "../model/index.js";
import {
  expandPaths,
  isArticleFile,
  type LoadedArticle,
  loadArticles,
} from "../sources/local-files.js";
import type { ArticleRow, SaveOutcome, Store } from "./types.js";

export interface IngestFailure {
  source: string;
  code: string;
  message: string;
}

/** What one `ingest` did; the CLI prints it (a queued run reports in the same shape). */
export interface IngestSummary {
  /** Article files found (after expanding folders). */
  files: number;
  /** Files skipped because they are not .txt, .html or .jsonl. */
  skipped: string[];
  articles: number;
  /** Articles new or re-extracted (records written). */
  changed: number;
  /** Articles already stored with the same extraction. */
  unchanged: number;
  failed: IngestFailure[];
  /** Records of the ingested articles, and what changed in the store. */
  records: number;
  added: number;
  removed: number;
  updated: number;
  warnings: number;
  byMetric: Record<string, number>;
  byEntity: Record<string, number>;
  durationMs: number;
}

export interface IngestOptions {
  extractorVersion?: string;
  /** Called after each article (progress bars). */
  onArticle?: (source: string, outcome: SaveOutcome | null) => void;
  /** Called with the number of article files once folders are expanded. */
  onFiles?: (count: number) => void;
  onSkip?: (path: string) => void;
  now?: () => Date;
}

export function emptySummary(): IngestSummary {
  return {
    files: 0,
    skipped: [],
    articles: 0,
    changed: 0,
    unchanged: 0,
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

/** What the store keeps of a loaded article; `fetch` adds what an HTTP fetch knows. */
export function articleRowOf(
  loaded: LoadedArticle,
  result: ArticleResult,
  fetchedAt: Date,
  fetch: {
    url?: string | null;
    canonicalUrl?: string | null;
    etag?: string | null;
    lastModified?: string | null;
  } = {},
): ArticleRow {
  const input = loaded.input;
  return {
    articleId: result.articleId,
    source: input.source,
    url: fetch.url ?? input.url,
    canonicalUrl: fetch.canonicalUrl ?? (loaded.contentType === "text/html" ? input.url : null),
    title: input.title,
    publishedAt: input.publishedAt,
    publisher: input.publisher,
    authors: input.authors,
    fetchedAt: fetchedAt.toISOString(),
    etag: fetch.etag ?? null,
    lastModified: fetch.lastModified ?? null,
    raw: loaded.raw,
    contentType: loaded.contentType,
    body: input.body,
  };
}

/**
 * Extract one loaded article and store it (idempotent). Adds to `summary` when given.
 *
 * @example
 * const outcome = await saveArticle(store, loaded); // { changed: true, added: 12, ... }
 */
export async function saveArticle(
  store: Store,
  loaded: LoadedArticle,
  options: {
    extractorVersion?: string;
    now?: Date;
    summary?: IngestSummary;
    fetch?: Parameters<typeof articleRowOf>[3];
  } = {},
): Promise<SaveOutcome> {
  const { result, warnings } = extractArticle(loaded.input);
  const row = articleRowOf(loaded, result, options.now ?? new Date(), options.fetch);
  const outcome = await store.saveExtraction(
    row,
    result,
    options.extractorVersion ?? EXTRACTOR_VERSION,
  );
  const s = options.summary;
  if (s) {
    s.articles++;
    if (outcome.changed) s.changed++;
    else s.unchanged++;
    s.records += result.metrics.length;
    s.added += outcome.added;
    s.removed += outcome.removed;
    s.updated += outcome.updated;
    s.warnings += warnings.length;
    for (const m of result.metrics) {
      s.byMetric[m.metric] = (s.byMetric[m.metric] ?? 0) + 1;
      if (m.entity) s.byEntity[m.entity.name] = (s.byEntity[m.entity.name] ?? 0) + 1;
    }
  }
  return outcome;
}

/**
 * Ingest files and folders (.txt, .html, .jsonl) into a store. A file that fails is
 * counted and reported; the others go on.
 */
export async function ingestFiles(
  paths: string[],
  store: Store,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const skip = (p: string) => {
    summary.skipped.push(p);
    options.onSkip?.(p);
  };
  // A file named on the command line is skipped like one found in a folder when it is not
  // an article file; a missing path stays in, to be reported as not found.
  const files = (await expandPaths(paths, skip)).filter((p) => {
    if (p === "-" || isArticleFile(p) || !existsSync(p)) return true;
    skip(p);
    return false;
  });
  summary.files = files.length;
  options.onFiles?.(files.length);
  for await (const loaded of loadArticles(files)) {
    if (!loaded.ok) {
      summary.failed.push({
        source: loaded.failure.source,
        code: loaded.failure.error.code,
        message: loaded.failure.error.message,
      });
      options.onArticle?.(loaded.failure.source, null);
      continue;
    }
    const source = loaded.article.input.source;
    try {
      const outcome = await saveArticle(store, loaded.article, {
        summary,
        now: options.now?.() ?? new Date(),
        ...(options.extractorVersion ? { extractorVersion: options.extractorVersion } : {}),
      });
      options.onArticle?.(source, outcome);
    } catch (err) {
      // A store that is down fails every article alike: stop instead of repeating it.
      if (isNewsfiguresError(err) && err.code.startsWith("NF_STORE_")) throw err;
      summary.failed.push({
        source,
        code: isNewsfiguresError(err) ? err.code : "NF_INGEST_FAILED",
        message: describeError(err),
      });
      options.onArticle?.(source, null);
    }
  }
  summary.durationMs = Date.now() - started;
  return summary;
}
