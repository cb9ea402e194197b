/**
 * What is saved of an article: the one function that builds it, whichever way the article
 * came (a file, a fetched page, a file named by a queue job).
 */
import type { ArticleResult, PageArticle } from "../model/index.js";
import type { SaveItem } from "../store/types.js";

/** What an HTTP fetch knows of a page, remembered for the next conditional GET. */
export interface FetchFacts {
  /** The URL asked for. */
  url: string;
  etag: string | null;
  lastModified: string | null;
}

/**
 * The store's row for an article, with the page's validators when it was fetched. The URL
 * is the one asked for when fetched, else the one the article names (a page's canonical
 * link, a JSONL line's url); the canonical URL is the one the article names.
 *
 * @example
 * saveItemOf(article, result, null, new Date()).article.url; // "https://example.com/a" from <link rel=canonical>
 */
export function saveItemOf(
  article: PageArticle,
  result: ArticleResult,
  fetched: FetchFacts | null,
  fetchedAt: Date,
): SaveItem {
  const input = article.input;
  const at = fetchedAt.toISOString();
  return {
    article: {
      articleId: result.articleId,
      source: input.source,
      url: fetched?.url ?? input.url,
      canonicalUrl: input.url,
      title: input.title,
      publishedAt: input.publishedAt,
      publisher: input.publisher,
      authors: input.authors,
      fetchedAt: at,
      etag: fetched?.etag ?? null,
      lastModified: fetched?.lastModified ?? null,
      raw: article.raw,
      contentType: article.contentType,
      body: input.body,
    },
    result,
    ...(fetched
      ? {
          fetchState: {
            url: fetched.url,
            etag: fetched.etag,
            lastModified: fetched.lastModified,
            articleId: result.articleId,
            fetchedAt: at,
          },
        }
      : {}),
  };
}
