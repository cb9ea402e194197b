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
