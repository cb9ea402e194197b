/**
 * Plain text -> article: the body is the text unchanged (BOM removed), the headline its
 * first non-empty line, which stays in the body. Pure, and free of the HTML reader.
 */
import type { PageArticle, SourceDocument } from "../model/index.js";
import { decodePage } from "./charset.js";

/** Media types an article page may have; anything else (PDF, images, JSON) is not one. */
export type PageKind = "html" | "text";

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The headline of a plain-text article: its first non-empty line. */
export function headlineOf(text: string): string | null {
  for (const line of text.split("\n", 5)) {
    const t = line.trim();
    if (t !== "") return t;
  }
  return null;
}

/** `text/html; charset=utf-8` -> `text/html`; null for no or an empty value. */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  const t = contentType?.split(";")[0]?.trim().toLowerCase();
  return t ? t : null;
}

/** Whether a Content-Type is an article page, and which kind: untyped pages are read as HTML. */
export function pageKindOf(contentType: string | null | undefined): PageKind | null {
  const t = mediaTypeOf(contentType);
  if (t === null || t === "text/html" || t === "application/xhtml+xml") return "html";
  return t === "text/plain" ? "text" : null;
}

/**
 * @example
 * articleFromText("Acme lifts sales\n\nRevenue rose 8%.", { source: "a.txt" }).input.title; // "Acme lifts sales"
 */
export function articleFromText(
  text: string,
  options: { source: string; url?: string | null },
): PageArticle {
  const body = stripBom(text);
  return {
    input: {
      source: options.source,
      body,
      title: headlineOf(body),
      url: options.url ?? null,
      publishedAt: null,
      publisher: null,
      authors: [],
    },
    raw: null,
    contentType: "text/plain",
  };
}

/** What a listing (feed item) or the document's own record (JSONL line) says, applied. */
export function withDocumentFacts(article: PageArticle, doc: SourceDocument): PageArticle {
  const input = article.input;
  if (doc.named?.title !== undefined) input.title = doc.named.title;
  if (doc.named?.url !== undefined) input.url = doc.named.url;
  if (input.title === null && doc.listed?.title) input.title = doc.listed.title;
  if (input.publishedAt === null && doc.listed?.publishedAt)
    input.publishedAt = doc.listed.publishedAt;
  return article;
}

/** A `text/plain` document -> article (see `articleFromDocument` for pages of any kind). */
export function articleFromTextDocument(doc: SourceDocument): PageArticle {
  const text = decodePage(doc.bytes, doc.contentType).text;
  return withDocumentFacts(articleFromText(text, { source: doc.source, url: doc.url }), doc);
}
