/**
 * Sitemap XML -> article references (a `<urlset>`, with Google News `<news:news>` when
 * present) or the child sitemaps of a `<sitemapindex>`. Pure; see remote.ts for following
 * an index over HTTP.
 */
import { NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import { normaliseDate } from "../parse/dates.js";
import { absoluteHttpUrl, assertNoEntities, createXmlParser, textOf } from "./feeds.js";

export type ParsedSitemap =
  | { kind: "urlset"; refs: ArticleRef[] }
  | { kind: "index"; sitemaps: Array<{ url: string; lastModified: string | null }> };

type Obj = Record<string, unknown>;

export function parseSitemap(xml: string, options: { url: string }): ParsedSitemap {
  const source = options.url;
  const text = xml.replace(/^\uFEFF/, "").trimStart();
  assertNoEntities(text, source);
  let doc: Obj;
  try {
    doc = createXmlParser().parse(text) as Obj;
  } catch (err) {
    throw new NewsfiguresError(
      "NF_SOURCE_BAD_SITEMAP",
      `${source}: not well-formed XML (${(err as Error).message})`,
      { cause: err },
    );
  }
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
    const seen = new Set<string>();
    const refs: ArticleRef[] = [];
    for (const u of urls) {
      const url = absoluteHttpUrl(textOf(u.loc), source);
      if (url === null || seen.has(url)) continue;
      seen.add(url);
      const news = (Array.isArray(u.news) ? u.news[0] : u.news) as Obj | undefined;
      refs.push({
        url,
        title: news ? textOf(news.title) : null,
        publishedAt:
          normaliseDate(news ? textOf(news.publication_date) : null) ??
          normaliseDate(textOf(u.lastmod)),
        source,
      });
    }
    return { kind: "urlset", refs };
  }
  throw new NewsfiguresError(
    "NF_SOURCE_BAD_SITEMAP",
    `${source}: neither <urlset> nor <sitemapindex>; not a sitemap`,
  );
}
