/**
 * One article through the pipeline: fetch (conditional GET, paced per host) or read (a
 * file), parse, extract, store. Knows nothing of BullMQ: the queue's fetch and extract
 * workers call the halves (`fetchArticle`, then `storePage` or `storeFile`), the inline
 * runner calls `runArticle`. Both halves end in `storeDocument`: one path for every
 * document. Idempotent at the store: running it twice for the same page stores nothing new.
 */
import { fileURLToPath } from "node:url";
import { EXTRACTOR_VERSION } from "../extract/version.js";
import type { ArticleRef, ArticleResult, SourceDocument } from "../model/index.js";
import { pageKindOf } from "../parse/text-article.js";
import { readDocuments } from "../sources/local-files.js";
import type { SaveOutcome } from "../store/types.js";
import { analyseInProcess } from "./analyse-page.js";
import type { ArticleDeps, ConditionalHeaders, PageResponse } from "./deps.js";
import { pacedFetch } from "./paced-fetch.js";
import { type FetchFacts, saveItemOf } from "./save-item.js";
import type { ExtractSpec, FetchSpec } from "./schema.js";

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
  /** Figures the extractor found but dropped as invalid records. */
  warnings: number;
  /** The extraction, for summaries; absent when nothing was extracted. */
  result?: ArticleResult;
  /** Where the time went (ms), for the outcome log line: parse, extract, save. */
  timings?: Record<string, number>;
}

export type FetchOutcome =
  | { kind: "not-modified"; url: string }
  | { kind: "page"; page: PageResponse };

/** `file:` refs are local files (the `files` source); they are read, not fetched. */
export function isFileRef(ref: Pick<ArticleRef, "url">): boolean {
  return ref.url.startsWith("file:") || ref.url === STDIN_URL;
}

/** The ref of standard input, which only a one-off pipeline (`ingest -`) lists. */
export const STDIN_URL = "stdin:";

/** The path a file ref names (`-` for standard input). */
export function pathOfRef(ref: Pick<ArticleRef, "url">): string {
  return ref.url === STDIN_URL ? "-" : fileURLToPath(ref.url);
}

/**
 * Fetch one article page, paced per host and conditional on what the store remembers.
 * `known` is the remembered validators when the caller already read them (discovery reads
 * a feed's worth in one query); undefined asks the store.
 */
export async function fetchArticle(
  ref: ArticleRef,
  deps: ArticleDeps,
  options: FetchSpec,
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
  page: PageResponse,
  deps: ArticleDeps,
  options: ExtractSpec,
): Promise<ArticleOutcome> {
  const fetched: FetchFacts = { url: page.url, etag: page.etag, lastModified: page.lastModified };
  const type = page.contentType;
  if (pageKindOf(type) === null) {
    await rememberFetch(deps, fetched, now(deps));
    return skipped(ref.url, `content type ${type} is not an article page`);
  }
  const doc: SourceDocument = {
    source: ref.source,
    bytes: page.body ?? Buffer.alloc(0),
    contentType: type,
    url: page.finalUrl,
    listed: { title: ref.title, publishedAt: ref.publishedAt },
  };
  return storeDocument(ref.url, doc, deps, options, fetched);
}

/**
 * Read, extract and store every article in one local file (`.jsonl` may hold many). The
 * ref's source names the file's articles (the path as the pipeline or command line named it).
 */
export async function storeFile(
  ref: ArticleRef,
  deps: ArticleDeps,
  options: ExtractSpec,
): Promise<ArticleOutcome[]> {
  const path = pathOfRef(ref);
  // Refs written before file refs carried their path say only "files".
  const label = ref.source === "files" ? path : ref.source;
  const out: ArticleOutcome[] = [];
  for await (const read of readDocuments([path], () => label)) {
    if (!read.ok) throw read.failure.error;
    out.push(await storeDocument(ref.url, read.document, deps, options, null));
  }
  return out;
}

/**
 * A document -> article -> records -> store: the one path every article takes. Too short
 * a body (extract.minBodyChars) is skipped, whichever way the document came.
 */
export async function storeDocument(
  url: string,
  doc: SourceDocument,
  deps: ArticleDeps,
  options: ExtractSpec,
  fetched: FetchFacts | null,
): Promise<ArticleOutcome> {
  const at = now(deps);
  // Parse and extract where they cannot hold up the process (a worker thread in the queue).
  const analysed = await (deps.analyse ?? analyseInProcess)({
    document: doc,
    minBodyChars: options.minBodyChars,
  });
  const { article, result } = analysed;
  let outcome: ArticleOutcome;
  if (result === null) {
    outcome = skipped(
      url,
      `body has ${article.input.body.trim().length} characters, fewer than extract.minBodyChars (${options.minBodyChars})`,
    );
    if (fetched) await rememberFetch(deps, fetched, at);
  } else {
    // A stored article's validators are written in its own save transaction.
    const t0 = performance.now();
    const item = saveItemOf(article, result, fetched, at);
    const saved = deps.save
      ? await deps.save(item)
      : ((await deps.store.saveExtractions([item], EXTRACTOR_VERSION))[0] as SaveOutcome);
    outcome = {
      url,
      status: saved.changed ? "stored" : "unchanged",
      articleId: saved.articleId,
      added: saved.added,
      removed: saved.removed,
      updated: saved.updated,
      warnings: analysed.warnings,
      result,
      timings: { save: round(performance.now() - t0) },
    };
  }
  outcome.timings = {
    parse: round(analysed.timings.parse),
    extract: round(analysed.timings.extract),
    ...outcome.timings,
  };
  return outcome;
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
  options: { fetch: FetchSpec; extract: ExtractSpec },
  /** The validators `planRefs` found for the URL; undefined asks the store. */
  known?: ConditionalHeaders | null,
): Promise<ArticleOutcome[]> {
  const started = Date.now();
  try {
    let outcomes: ArticleOutcome[];
    if (isFileRef(ref)) {
      outcomes = await storeFile(ref, deps, options.extract);
    } else {
      const fetched = await fetchArticle(ref, deps, options.fetch, known);
      outcomes =
        fetched.kind === "not-modified"
          ? [notModified(ref.url)]
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
      warnings: o.warnings,
      reason: o.reason,
      ms,
    },
    `article ${o.status}`,
  );
}

/** A page that is not stored still has its validators remembered, so it is not fetched whole again. */
async function rememberFetch(deps: ArticleDeps, page: FetchFacts, at: Date): Promise<void> {
  if (page.etag === null && page.lastModified === null) return;
  await deps.store.putFetchState({
    url: page.url,
    etag: page.etag,
    lastModified: page.lastModified,
    articleId: null,
    fetchedAt: at.toISOString(),
  });
}

function now(deps: Pick<ArticleDeps, "now">): Date {
  return (deps.now ?? (() => new Date()))();
}

function skipped(url: string, reason: string): ArticleOutcome {
  return {
    url,
    status: "skipped",
    articleId: null,
    reason,
    added: 0,
    removed: 0,
    updated: 0,
    warnings: 0,
  };
}

/** A 304 answer: nothing to do. */
export function notModified(url: string): ArticleOutcome {
  return {
    url,
    status: "not-modified",
    articleId: null,
    added: 0,
    removed: 0,
    updated: 0,
    warnings: 0,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
