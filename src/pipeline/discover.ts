/**
 * Sources -> article references. Feeds and sitemaps are fetched through the same paced
 * PageFetcher as pages; `files` expand to `file:` refs relative to the pipeline file.
 * Feed parsing here is the minimal RSS/Atom/sitemap reader the pipeline needs until the
 * pages issue's `src/sources` readers are wired in.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import { expandPaths } from "../sources/local-files.js";
import type { ArticleDeps } from "./deps.js";
import type { FetchOptions, Pipeline, SourceSpec } from "./schema.js";

/** A short label for a source, for logs and job data. */
export function sourceLabel(source: SourceSpec): string {
  if ("feed" in source) return `feed:${source.feed}`;
  if ("sitemap" in source) return `sitemap:${source.sitemap}`;
  if ("urls" in source) return `urls:${source.urls.length}`;
  return `files:${[source.files].flat().join(",")}`;
}

/** Every article reference a source lists, in its order, without duplicates. */
export async function discoverRefs(
  pipeline: Pipeline,
  source: SourceSpec,
  deps: Pick<ArticleDeps, "fetcher" | "pacer">,
): Promise<ArticleRef[]> {
  const fetchOpts = pipeline.spec.fetch;
  let refs: ArticleRef[];
  if ("files" in source) {
    const paths = await expandPaths([source.files].flat().map((p) => resolve(pipeline.dir, p)));
    refs = paths.map((p) => ({
      url: pathToFileURL(p).href,
      title: null,
      publishedAt: null,
      source: "files",
    }));
  } else if ("urls" in source) {
    refs = source.urls.map((url) => ({ url, title: null, publishedAt: null, source: url }));
  } else {
    const url = "feed" in source ? source.feed : source.sitemap;
    const xml = await fetchText(url, fetchOpts, deps);
    refs = "feed" in source ? readFeed(xml, url) : readSitemap(xml, url);
  }
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)));
}

async function fetchText(
  url: string,
  options: FetchOptions,
  deps: Pick<ArticleDeps, "fetcher" | "pacer">,
): Promise<string> {
  await deps.pacer.pace(url, options.perHostIntervalMs);
  try {
    const page = await deps.fetcher.fetchPage(url, options);
    return page.body?.toString("utf8") ?? "";
  } finally {
    await deps.pacer.settle(url, options.perHostIntervalMs);
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  processEntities: true,
});

function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function text(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "#text" in v)
    return text((v as Record<string, unknown>)["#text"]);
  return null;
}

function isoDate(v: unknown): string | null {
  const t = text(v);
  if (!t) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** RSS 2.0 items or Atom entries -> refs. */
export function readFeed(body: string, feedUrl: string): ArticleRef[] {
  let doc: Record<string, any>;
  try {
    doc = xml.parse(body) as Record<string, any>;
  } catch (err) {
    throw new NewsfiguresError(
      "NF_SOURCE_BAD_FEED",
      `${feedUrl}: not a readable feed (${(err as Error).message})`,
      { retryable: false, cause: err },
    );
  }
  const out: ArticleRef[] = [];
  for (const item of list(doc.rss?.channel?.item)) {
    const url = absolute(
      text(item.link) ?? (item.guid?.["@isPermaLink"] !== "false" ? text(item.guid) : null),
      feedUrl,
    );
    if (url)
      out.push({
        url,
        title: text(item.title),
        publishedAt: isoDate(item.pubDate),
        source: feedUrl,
      });
  }
  for (const entry of list(doc.feed?.entry)) {
    const links = list(entry.link) as Record<string, string>[];
    const link = links.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? links[0];
    const url = absolute(link?.["@href"] ?? null, feedUrl);
    if (url)
      out.push({
        url,
        title: text(entry.title),
        publishedAt: isoDate(entry.published ?? entry.updated),
        source: feedUrl,
      });
  }
  if (!doc.rss && !doc.feed) {
    throw new NewsfiguresError(
      "NF_SOURCE_BAD_FEED",
      `${feedUrl}: neither RSS nor Atom; check the feed URL`,
      { retryable: false },
    );
  }
  return out;
}

export function readSitemap(body: string, sitemapUrl: string): ArticleRef[] {
  const doc = xml.parse(body) as Record<string, any>;
  return list(doc.urlset?.url)
    .map((u: Record<string, unknown>) => ({
      url: absolute(text(u.loc), sitemapUrl),
      publishedAt: isoDate(u.lastmod),
    }))
    .filter((u): u is { url: string; publishedAt: string | null } => u.url !== null)
    .map((u) => ({ url: u.url, title: null, publishedAt: u.publishedAt, source: sitemapUrl }));
}
