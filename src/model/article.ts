/**
 * Articles as they cross stage boundaries: what a source yields (ArticleRef), what the
 * parser makes of a page (ParsedArticle), what the extractor is given (ArticleInput) and
 * what it returns (ArticleResult, the line `extract` prints).
 */
import { z } from "zod";
import { EntityType, MetricRecord } from "./metric.js";

const IsoDateTime = z.iso.datetime({ offset: true });

export const ArticleEntity = z.object({
  name: z.string().min(1),
  type: EntityType,
  mentions: z.number().int().positive(),
});
export type ArticleEntity = z.infer<typeof ArticleEntity>;

/** A reference to an article found by a source (feed item, sitemap entry, URL, file). */
export const ArticleRef = z.object({
  url: z.string().min(1),
  title: z.string().nullable().default(null),
  publishedAt: IsoDateTime.nullable().default(null),
  source: z.string().min(1),
});
export type ArticleRef = z.infer<typeof ArticleRef>;

/** What the page parser takes out of HTML. `body` starts with the headline when known. */
export const ParsedArticle = z.object({
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  modifiedAt: IsoDateTime.nullable(),
  authors: z.array(z.string()),
  publisher: z.string().nullable(),
  language: z.string().nullable(),
  body: z.string(),
});
export type ParsedArticle = z.infer<typeof ParsedArticle>;

/** The extractor's input: one article's text and what is known about it. */
export const ArticleInput = z.object({
  source: z.string().min(1),
  body: z.string(),
  /** The headline; for a `.txt` article, its first line (which stays in the body). */
  title: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
  publishedAt: IsoDateTime.nullable().default(null),
  publisher: z.string().nullable().default(null),
  authors: z.array(z.string()).default([]),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

/** One line of `newsfigures extract`: see shared/spec/metric-record.md. */
export const ArticleResult = z.object({
  source: z.string().min(1),
  articleId: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  url: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  publisher: z.string().nullable(),
  authors: z.array(z.string()),
  entities: z.array(ArticleEntity),
  metrics: z.array(MetricRecord),
  /** Present with `--with-body`: the text the spans index. */
  body: z.string().optional(),
});
export type ArticleResult = z.infer<typeof ArticleResult>;

/**
 * What a source yields: one document's bytes and what is known of it before it is read.
 * Sources (files, fetched pages) make these; `parse/` turns one into a `PageArticle`.
 */
export interface SourceDocument {
  /** The name the article is stored under: a file path, a JSONL line's id, a feed's name. */
  source: string;
  bytes: Uint8Array;
  /** A Content-Type value; its charset wins over the page's own `<meta>`. */
  contentType: string;
  /** Where it was read from; a page's canonical link wins over it. */
  url: string | null;
  /** What a listing said of it (feed item): used where the page itself says nothing. */
  listed?: { title: string | null; publishedAt: string | null };
  /** What the document's own record names (a JSONL line's title, url): wins over the page. */
  named?: { title?: string; url?: string };
}

/** One article as the pipeline stores it: the extractor's input and the page it came from. */
export interface PageArticle {
  input: ArticleInput;
  /** The page as read (HTML bytes), kept so re-extraction never reads or fetches it again. */
  raw: Buffer | null;
  contentType: "text/plain" | "text/html";
}
