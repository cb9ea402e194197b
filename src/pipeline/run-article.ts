/**
 * One article through the pipeline: fetch (conditional GET, paced per host), parse,
 * extract, store. Knows nothing of BullMQ: the queue's fetch and extract workers call the
 * two halves (`fetchArticle`, `storePage`), the inline runner calls `runArticle`.
 * Idempotent at the store: running it twice for the same page stores nothing new.
 */
import { fileURLToPath } from "node:url";
import { extractArticle } from "../extract/index.js";
import { EXTRACTOR_VERSION } from "../extract/version.js";
import { mediaType } from "../fetch/fetch-page.js";
import type { ArticleInput, ArticleRef, ArticleResult } from "../model/index.js";
import { type LoadedArticle, loadArticles } from "../sources/local-files.js";
import type { ArticleRow, SaveItem, SaveOutcome } from "../store/types.js";
import { analyseInProcess } from "./analyse-page.js";
import type { ArticleDeps, ConditionalHeaders, FetchedPage } from "./deps.js";
import { pacedFetch } from "./paced-fetch.js";
import type { ExtractOptions, FetchOptions } from "./schema.js";

export type ArticleStatus = "stored" | "unchanged" | "not-modified" | "skipped";

export interface ArticleOutcome {
  url: string;
  status: ArticleStatus;
  articleId: string | null;
  /** Why an article was skipped (too short, not HTML). */
  reason?: string;
  added: number;
  removed: number;
  updated: number;
  /** The extraction, for summaries; absent when nothing was extracted. */
  result?: ArticleResult;
  /** Where the time went (ms), for the outcome log line: parse, extract, save. */
  timings?: Record<string, number>;
}

export type FetchOutcome =
  | { kind: "not-modified"; url: string }
  | { kind: "page"; page: FetchedPage };

/** `file:` refs are local files (the `files` source); they are read, not fetched. */
export function isFileRef(ref: Pick<ArticleRef, "url">): boolean {
  return ref.url.startsWith("file:");
}

/**
 * Fetch one article page, paced per host and conditional on what the store remembers.
 * `known` is the remembered validators when the caller already read them (discovery reads
 * a feed's worth in one query); undefined asks the store.
 */
export async function fetchArticle(
  ref: ArticleRef,
  deps: ArticleDeps,
  options: FetchOptions,
  known?: ConditionalHeaders | null,
): Promise<FetchOutcome> {
  const state = known === undefined ? await deps.store.getFetchState(ref.url) : known;
  const page = await pacedFetch(
    ref.url,
    deps,
    options,
    state ? { etag: state.etag, lastModified: state.lastModified } : undefined,
  );
  if (page.notModified) return { kind: "not-modified", url: ref.url };
  return { kind: "page", page };
}

/** Parse, extract and store a fetched page; remembers its validators for the next conditional GET. */
export async function storePage(
  ref: ArticleRef,
  page: FetchedPage,
  deps: ArticleDeps,
  options: ExtractOptions,
): Promise<ArticleOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const type = mediaType(page.contentType) ?? "";
  const raw = page.body ?? Buffer.alloc(0);
  const html = type === "text/html" || type === "application/xhtml+xml" || type === "";
  if (!html && type !== "text/plain") {
    await rememberFetch(deps, page, null, now);
    return skipped(ref.url, `content type ${type} is not an article page`);
  }
  // Parse and extract where they cannot hold up the process (a worker thread in the queue).
  const analysed = await (deps.analyse ?? analyseInProcess)({
    kind: html ? "html" : "text",
    source: ref.source,
    raw,
    contentType: page.contentType,
    finalUrl: page.finalUrl,
    minBodyChars: options.minBodyChars,
    title: ref.title,
    publishedAt: ref.publishedAt,
  });
  const { loaded, result } = analysed;
  let outcome: ArticleOutcome;
  if (result === null) {
    outcome = skipped(
      ref.url,
      `body has ${loaded.input.body.trim().length} characters, fewer than extract.minBodyChars (${options.minBodyChars})`,
    );
    await rememberFetch(deps, page, null, now);
  } else {
    // A stored article's validators are written in its own save transaction.
    outcome = await saveExtracted(ref.url, loaded, result, deps, { page, now });
  }
  outcome.timings = {
    parse: round(analysed.timings.parse),
    extract: round(analysed.timings.extract),
    ...outcome.timings,
  };
  return outcome;
}

/** Read, extract and store every article in one local file (`.jsonl` may hold many). */
export async function storeFile(
  ref: ArticleRef,
  deps: ArticleDeps,
  options: ExtractOptions,
): Promise<ArticleOutcome[]> {
  const path = fileURLToPath(ref.url);
  const now = (deps.now ?? (() => new Date()))();
  const out: ArticleOutcome[] = [];
  for await (const loaded of loadArticles([path])) {
    if (!loaded.ok) throw loaded.failure.error;
    out.push(await saveLoaded(ref.url, loaded.article, deps, now));
  }
  return out;
}

/**
 * The whole pipeline for one article: what the inline runner calls.
 *
 * @example
 * const outcomes = await runArticle({ url: "https://example.com/a", title: null, publishedAt: null, source: "feed" }, deps, spec);
 */
export async function runArticle(
  ref: ArticleRef,
  deps: ArticleDeps,
  options: { fetch: FetchOptions; extract: ExtractOptions },
): Promise<ArticleOutcome[]> {
  const started = Date.now();
  try {
    let outcomes: ArticleOutcome[];
    if (isFileRef(ref)) {
      outcomes = await storeFile(ref, deps, options.extract);
    } else {
      const fetched = await fetchArticle(ref, deps, options.fetch);
      outcomes =
        fetched.kind === "not-modified"
          ? [
              {
                url: ref.url,
                status: "not-modified",
                articleId: null,
                added: 0,
                removed: 0,
                updated: 0,
              },
            ]
          : [await storePage(ref, fetched.page, deps, options.extract)];
    }
    for (const o of outcomes) logOutcome(deps, o, Date.now() - started);
    return outcomes;
  } catch (err) {
    deps.logger.warn(
      { err, stage: "article", outcome: "failed", ms: Date.now() - started },
      "article failed",
    );
    throw err;
  }
}

/** Debug level: an inline run prints a summary; the queue workers log each job at info. */
function logOutcome(deps: Pick<ArticleDeps, "logger">, o: ArticleOutcome, ms: number): void {
  deps.logger.debug(
    {
      stage: "article",
      outcome: o.status,
      articleId: o.articleId,
      added: o.added,
      removed: o.removed,
      updated: o.updated,
      reason: o.reason,
      ms,
    },
    `article ${o.status}`,
  );
}

/** A file's article: the user named it, so it is extracted whatever its length. */
async function saveLoaded(
  url: string,
  loaded: LoadedArticle,
  deps: ArticleDeps,
  now: Date,
): Promise<ArticleOutcome> {
  const input: ArticleInput = loaded.input;
  const t0 = performance.now();
  const { result } = extractArticle(input);
  const outcome = await saveExtracted(url, loaded, result, deps, { page: null, now });
  outcome.timings = { extract: round(performance.now() - t0), ...outcome.timings };
  return outcome;
}

/** Store an extraction (with the page's validators when it was fetched). */
async function saveExtracted(
  url: string,
  loaded: LoadedArticle,
  result: ArticleResult,
  deps: ArticleDeps,
  meta: { page: FetchedPage | null; now: Date },
): Promise<ArticleOutcome> {
  const input: ArticleInput = loaded.input;
  const t1 = performance.now();
  const row: ArticleRow = {
    articleId: result.articleId,
    source: input.source,
    url: meta.page ? meta.page.url : null,
    canonicalUrl: input.url,
    title: input.title,
    publishedAt: input.publishedAt,
    publisher: input.publisher,
    authors: input.authors,
    fetchedAt: meta.now.toISOString(),
    etag: meta.page?.etag ?? null,
    lastModified: meta.page?.lastModified ?? null,
    raw: loaded.raw,
    contentType: loaded.contentType,
    body: input.body,
  };
  const item: SaveItem = {
    article: row,
    result,
    ...(meta.page
      ? {
          fetchState: {
            url: meta.page.url,
            etag: meta.page.etag,
            lastModified: meta.page.lastModified,
            articleId: result.articleId,
            fetchedAt: row.fetchedAt,
          },
        }
      : {}),
  };
  const saved = deps.save
    ? await deps.save(item)
    : ((await deps.store.saveExtractions([item], EXTRACTOR_VERSION))[0] as SaveOutcome);
  const timings = { save: round(performance.now() - t1) };
  return {
    url,
    status: saved.changed ? "stored" : "unchanged",
    articleId: saved.articleId,
    added: saved.added,
    removed: saved.removed,
    updated: saved.updated,
    result,
    timings,
  };
}

async function rememberFetch(
  deps: ArticleDeps,
  page: FetchedPage,
  articleId: string | null,
  now: Date,
): Promise<void> {
  if (page.etag === null && page.lastModified === null && articleId === null) return;
  await deps.store.putFetchState({
    url: page.url,
    etag: page.etag,
    lastModified: page.lastModified,
    articleId,
    fetchedAt: now.toISOString(),
  });
}

function skipped(url: string, reason: string): ArticleOutcome {
  return { url, status: "skipped", articleId: null, reason, added: 0, removed: 0, updated: 0 };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
