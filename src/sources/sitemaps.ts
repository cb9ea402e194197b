/**
 * Sitemap XML -> article references (a `<urlset>`, with Google News `<news:news>` when
 * present) or the child sitemaps of a `<sitemapindex>`. Pure; see remote.ts for following
 * an index over HTTP.
 */
import { NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import { normaliseDate } from "../parse/dates.js";
import { absoluteHttpUrl, parseXmlDocument, textOf, uniqueByUrl } from "./feeds.js";

export type ParsedSitemap =
  | { kind: "urlset"; refs: ArticleRef[] }
  | { kind: "index"; sitemaps: Array<{ url: string; lastModified: string | null }> };

type Obj = Record<string, unknown>;

export function parseSitemap(xml: string, options: { url: string }): ParsedSitemap {
  const source = options.url;
  const text = xml.replace(/^\uFEFF/, "").trimStart();
  const doc = parseXmlDocument(text, source, "NF_SOURCE_BAD_SITEMAP");
  if (doc.sitemapindex && typeof doc.sitemapindex === "object") {
    const entries = ((doc.sitemapindex as Obj).sitemap ?? []) as Obj[];
    const sitemaps = entries
      .map((e) => ({
        url: absoluteHttpUrl(textOf(e.loc), source),
        lastModified: normaliseDate(textOf(e.lastmod)),
      }))
      .filter((e): e is { url: string; lastModified: string | null } => e.url !== null);
    return { kind: "index", sitemaps };
  }
  if (doc.urlset && typeof doc.urlset === "object") {
    const urls = ((doc.urlset as Obj).url ?? []) as Obj[];
    const refs = urls.map((u): ArticleRef | null => {
      const url = absoluteHttpUrl(textOf(u.loc), source);
      if (url === null) return null;
      const news = (Array.isArray(u.news) ? u.news[0] : u.news) as Obj | undefined;
      return {
        url,
        title: news ? textOf(news.title) : null,
        publishedAt:
          normaliseDate(news ? textOf(news.publication_date) : null) ??
          normaliseDate(textOf(u.lastmod)),
        source,
      };
    });
    return { kind: "urlset", refs: uniqueByUrl(refs) };
  }
  throw new NewsfiguresError(
    "NF_SOURCE_BAD_SITEMAP",
    `${source}: neither <urlset> nor <sitemapindex>; not a sitemap`,
  );
}
