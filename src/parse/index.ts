/**
 * HTML -> parsed article. `parseArticle` takes decoded HTML; page bytes as fetched or read
 * become articles in page-article.ts (`articleFromPage`), which decodes them first (BOM,
 * Content-Type charset, `<meta>`, else UTF-8). Metadata comes from JSON-LD / meta tags (metadata.ts), the body from our
 * boilerplate removal (body.ts): one paragraph per block, separated by blank lines. The
 * headline is the article's `title`, not part of the body, unless asked for (see
 * docs/decisions/0005-html-body-without-headline.md).
 * Pure: no I/O, no logging.
 */
import * as cheerio from "cheerio";
import type { ParsedArticle } from "../model/index.js";
import { extractBody } from "./body.js";
import { parseDom } from "./dom.js";
import { extractMetadata } from "./metadata.js";

export type { CharsetSource, DecodedPage } from "./charset.js";
export {
  charsetFromContentType,
  charsetFromMeta,
  decodePage,
  normaliseCharset,
} from "./charset.js";
export { extractMetadata } from "./metadata.js";

export interface ParseOptions {
  url?: string | null;
  /** Put the headline first in the body, as a `.txt` article has it (default false). */
  headline?: boolean;
}

export function parseArticle(html: string, options: ParseOptions = {}): ParsedArticle {
  // htmlparser2 (xml: { xmlMode: false }) rather than parse5: several times faster and
  // the body F1 is the same on the benchmark (see the pages issue's report).
  const $ = cheerio.load(parseDom(html), { xml: { xmlMode: false, decodeEntities: true } });
  const meta = extractMetadata($);
  const paragraphs = extractBody($.root()[0] as never, meta.title);
  const withHeadline = options.headline === true && meta.title !== null;
  if (withHeadline && paragraphs[0] !== undefined && paragraphs[0].trim() === meta.title)
    paragraphs.shift();
  const body = (withHeadline ? [meta.title, ...paragraphs] : paragraphs).join("\n\n");
  return {
    url: options.url ?? null,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    authors: meta.authors,
    publisher: meta.publisher,
    language: meta.language,
    body,
  };
}
