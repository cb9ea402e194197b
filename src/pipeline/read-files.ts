/**
 * Local files -> articles, without storing them: what `extract` prints and the golden
 * tests check. The same reading (sources/) and parsing (parse/) as every stored article.
 */
import type { PageArticle } from "../model/index.js";
import { articleFromTextDocument, pageKindOf } from "../parse/text-article.js";
import { type LoadFailure, readDocuments } from "../sources/local-files.js";

export type ArticleRead = { ok: true; article: PageArticle } | { ok: false; failure: LoadFailure };

/** Read and parse articles from files; yields failures in place instead of throwing. */
export async function* loadArticles(paths: string[]): AsyncGenerator<ArticleRead> {
  for await (const read of readDocuments(paths)) {
    if (!read.ok) {
      yield read;
      continue;
    }
    const doc = read.document;
    // The HTML reader is loaded on the first page, so text-only runs start fast.
    const article =
      pageKindOf(doc.contentType) === "text"
        ? articleFromTextDocument(doc)
        : (await import("../parse/page-article.js")).articleFromDocument(doc);
    yield { ok: true, article };
  }
}
