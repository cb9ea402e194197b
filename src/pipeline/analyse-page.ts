/**
 * The CPU-bound half of an article: a source document (a file, a fetched page) -> article
 * -> records. Pure (no I/O), so it runs the same in-process (inline runs) and in a worker
 * thread (queue workers, see analysis-pool.ts): one path, the same rows whichever way a
 * document came. The one place that decides whether a document is long enough to be one.
 */
import { extractArticle } from "../extract/index.js";
import type { ArticleResult, PageArticle, SourceDocument } from "../model/index.js";
import { articleFromTextDocument, pageKindOf } from "../parse/text-article.js";

export interface PageTask {
  document: SourceDocument;
  /** Bodies shorter than this are not extracted (index and error pages). */
  minBodyChars: number;
}

export interface AnalysedPage {
  article: PageArticle;
  /** null when the body is too short to be an article. */
  result: ArticleResult | null;
  /** Figures the extractor found but dropped as invalid records. */
  warnings: number;
  timings: { parse: number; extract: number };
}

export type PageAnalyser = (task: PageTask) => Promise<AnalysedPage>;

export async function analysePage(task: PageTask): Promise<AnalysedPage> {
  const t0 = performance.now();
  const doc = task.document;
  // Plain text needs no HTML reader: text-only runs never load it.
  const article =
    pageKindOf(doc.contentType) === "text"
      ? articleFromTextDocument(doc)
      : (await import("../parse/page-article.js")).articleFromDocument(doc);
  const t1 = performance.now();
  if (article.input.body.trim().length < task.minBodyChars)
    return { article, result: null, warnings: 0, timings: { parse: t1 - t0, extract: 0 } };
  const { result, warnings } = extractArticle(article.input);
  return {
    article,
    result,
    warnings: warnings.length,
    timings: { parse: t1 - t0, extract: performance.now() - t1 },
  };
}

/** In-process, for inline runs. */
export const analyseInProcess: PageAnalyser = analysePage;
