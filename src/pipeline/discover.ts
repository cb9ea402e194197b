/**
 * Sources -> article references. Feeds and sitemaps are fetched through the same paced
 * PageFetcher as pages and read by `src/sources` (RSS, Atom, JSON Feed, sitemaps and
 * sitemap indexes); `files` expand to `file:` refs relative to the pipeline file.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ArticleRef } from "../model/index.js";
import { decodePage } from "../parse/charset.js";
import { parseFeed } from "../sources/feeds.js";
import { expandPaths } from "../sources/local-files.js";
import { parseSitemap } from "../sources/sitemaps.js";
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
    refs =
      "feed" in source
        ? parseFeed(await fetchText(source.feed, fetchOpts, deps), { url: source.feed }).refs
        : await sitemapRefs(source.sitemap, fetchOpts, deps);
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
    return page.body ? decodePage(page.body, page.contentType).text : "";
  } finally {
    await deps.pacer.settle(url, options.perHostIntervalMs);
  }
}

/** Child sitemaps read from one index, at most; an index of indexes is not followed further. */
const MAX_CHILD_SITEMAPS = 50;

async function sitemapRefs(
  url: string,
  options: FetchOptions,
  deps: Pick<ArticleDeps, "fetcher" | "pacer">,
): Promise<ArticleRef[]> {
  const top = parseSitemap(await fetchText(url, options, deps), { url });
  if (top.kind === "urlset") return top.refs;
  const refs: ArticleRef[] = [];
  for (const child of top.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    const sub = parseSitemap(await fetchText(child.url, options, deps), { url: child.url });
    if (sub.kind === "urlset") refs.push(...sub.refs);
  }
  return refs;
}
