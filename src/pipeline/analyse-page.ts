/**
 * The CPU-bound half of an article: a fetched page's bytes -> parsed article -> records.
 * Pure (no I/O), so it runs the same in-process (inline runs) and in a worker thread (queue
 * workers, see analysis-pool.ts): one path, the same rows whichever way a page came.
 */
import { extractArticle } from "../extract/index.js";
import type { ArticleResult } from "../model/index.js";
import { decodePage } from "../parse/charset.js";
import { htmlArticle, type LoadedArticle, textArticle } from "../sources/local-files.js";

export interface PageTask {
  /** "html" (also XHTML and untyped pages) or "text". */
  kind: "html" | "text";
  source: string;
  raw: Uint8Array;
  contentType: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** Bodies shorter than this are not extracted (index and error pages). */
  minBodyChars: number;
  /** What the feed said, for a page that does not say it itself. */
  title: string | null;
  publishedAt: string | null;
}

export interface AnalysedPage {
  loaded: LoadedArticle;
  /** null when the body is too short to be an article. */
  result: ArticleResult | null;
  timings: { parse: number; extract: number };
}

export type PageAnalyser = (task: PageTask) => Promise<AnalysedPage>;

export async function analysePage(task: PageTask): Promise<AnalysedPage> {
  const t0 = performance.now();
  const raw = Buffer.from(task.raw.buffer, task.raw.byteOffset, task.raw.byteLength);
  const text = decodePage(raw, task.contentType).text;
  let loaded: LoadedArticle;
  if (task.kind === "html") loaded = await htmlArticle(task.source, text, raw, task.finalUrl);
  else {
    loaded = textArticle(task.source, text);
    loaded.input.url = task.finalUrl;
  }
  if (loaded.input.title === null && task.title) loaded.input.title = task.title;
  if (loaded.input.publishedAt === null && task.publishedAt)
    loaded.input.publishedAt = task.publishedAt;
  const t1 = performance.now();
  if (loaded.input.body.trim().length < task.minBodyChars)
    return { loaded, result: null, timings: { parse: t1 - t0, extract: 0 } };
  const { result } = extractArticle(loaded.input);
  return { loaded, result, timings: { parse: t1 - t0, extract: performance.now() - t1 } };
}

/** In-process, for inline runs. */
export const analyseInProcess: PageAnalyser = analysePage;
