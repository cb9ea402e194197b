/**
 * A document becomes an article here, and only here: page bytes (HTML or plain text) ->
 * the extractor's input plus what the store keeps of the page. Pure: no I/O, no logging.
 * Plain text needs no HTML reader, so `articleFromText` lives in text-article.ts and
 * text-only callers never load cheerio.
 */
import type { PageArticle, SourceDocument } from "../model/index.js";
import { decodePage } from "./charset.js";
import { parseArticle } from "./index.js";
import {
  articleFromText,
  articleFromTextDocument,
  mediaTypeOf,
  withDocumentFacts,
} from "./text-article.js";

/**
 * Bytes as read or fetched -> article. `text/plain` is a text article (first line the
 * headline); anything else is read as HTML. The charset comes from a BOM, the
 * Content-Type, the page's `<meta>`, else UTF-8.
 *
 * @example
 * articleFromPage(bytes, { contentType: "text/html", url: "https://example.com/a", source: "feed" }).input.title;
 */
export function articleFromPage(
  bytes: Uint8Array,
  options: { contentType: string | null; url: string | null; source: string },
): PageArticle {
  const text = decodePage(bytes, options.contentType).text;
  if (mediaTypeOf(options.contentType) === "text/plain")
    return articleFromText(text, { source: options.source, url: options.url });
  const page = parseArticle(text, { url: options.url });
  return {
    input: {
      source: options.source,
      body: page.body,
      title: page.title,
      url: page.canonicalUrl ?? page.url,
      publishedAt: page.publishedAt,
      publisher: page.publisher,
      authors: page.authors,
    },
    raw: Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: "text/html",
  };
}

/** A source document -> article: its page read, then what the listing or its record names. */
export function articleFromDocument(doc: SourceDocument): PageArticle {
  if (mediaTypeOf(doc.contentType) === "text/plain") return articleFromTextDocument(doc);
  return withDocumentFacts(articleFromPage(doc.bytes, doc), doc);
}
