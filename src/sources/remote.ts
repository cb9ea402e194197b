/**
 * Read a source over HTTP: a feed, a sitemap (following sitemap indexes, bounded), or a
 * URL list. The fetcher is injected (the pipeline's paced, guarded page fetcher), so the
 * same guards, robots rules and pacing apply as for pages.
 */
import { NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import { parseFeed, uniqueByUrl } from "./feeds.js";
import { parseSitemap } from "./sitemaps.js";
import { parseUrlList } from "./url-list.js";

export type SourceKind = "feed" | "sitemap" | "urls";

export interface SourceDeps {
  /** The decoded text of the document at `url`. */
  fetchText: (url: string) => Promise<string>;
}

export interface SourceLimits {
  /** How deep to follow sitemap indexes (default 2). */
  maxDepth?: number;
  /** At most this many sitemap documents per call (default 50). */
  maxSitemaps?: number;
  /** Only child sitemaps modified at or after this instant (ISO); news sitemaps are recent. */
  sitemapsSince?: string | null;
}

export interface SourceResult {
  refs: ArticleRef[];
  /** Problems that did not stop the read (a child sitemap that failed, a bad list line). */
  warnings: string[];
}

export async function readSource(
  kind: SourceKind,
  url: string,
  deps: SourceDeps,
  limits: SourceLimits = {},
): Promise<SourceResult> {
  const get = deps.fetchText;
  if (kind === "feed") return { refs: parseFeed(await get(url), { url }).refs, warnings: [] };
  if (kind === "urls") {
    const r = parseUrlList(await get(url), url);
    return {
      refs: r.refs,
      warnings: r.rejected.map(
        (x) => `${url}:${x.line}: not an http(s) URL: ${x.text.slice(0, 80)}`,
      ),
    };
  }
  const maxDepth = limits.maxDepth ?? 2;
  const maxSitemaps = limits.maxSitemaps ?? 50;
  const since = limits.sitemapsSince ? Date.parse(limits.sitemapsSince) : null;
  const refs: ArticleRef[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const queue: Array<{ url: string; depth: number }> = [{ url, depth: 0 }];
  while (queue.length > 0 && seen.size < maxSitemaps) {
    const next = queue.shift() as { url: string; depth: number };
    if (seen.has(next.url)) continue;
    seen.add(next.url);
    try {
      const parsed = parseSitemap(await get(next.url), { url: next.url });
      if (parsed.kind === "urlset") refs.push(...parsed.refs);
      else if (next.depth < maxDepth) {
        for (const s of parsed.sitemaps) {
          if (since !== null && s.lastModified !== null && Date.parse(s.lastModified) < since)
            continue;
          queue.push({ url: s.url, depth: next.depth + 1 });
        }
      } else
        warnings.push(`${next.url}: sitemap index nested deeper than ${maxDepth}; not followed`);
    } catch (err) {
      if (next.depth === 0) throw err;
      warnings.push(
        `${next.url}: ${err instanceof NewsfiguresError ? `${err.code}: ` : ""}${(err as Error).message}`,
      );
    }
  }
  if (queue.length > 0)
    warnings.push(`${url}: stopped after ${maxSitemaps} sitemaps; ${queue.length} not read`);
  return { refs: uniqueByUrl(refs), warnings };
}
