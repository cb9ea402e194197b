/**
 * Article metadata from the page head: JSON-LD (NewsArticle and its kin, also inside
 * `@graph` and arrays), then Open Graph / article:* / twitter:* / plain meta tags, then
 * `<time>` and `<title>`. Runs before the body extractor mutates the tree. Pure: no I/O.
 */
import type { CheerioAPI } from "cheerio";
import { normaliseDate } from "./dates.js";
import { ARTICLE_TYPES, TITLE_SEPARATORS } from "./patterns.js";

export interface PageMetadata {
  canonicalUrl: string | null;
  title: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  authors: string[];
  publisher: string | null;
  language: string | null;
}

type Json = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, flattened through arrays and `@graph`. */
export function jsonLdNodes($: CheerioAPI): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o["@graph"] !== undefined) visit(o["@graph"], depth + 1);
  };
  $('script[type="application/ld+json"]').each((_i, el) => {
    const raw = $(el)
      .text()
      .replace(/^\s*<!--|-->\s*$/g, "")
      .replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, "");
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines); the meta tags still count.
    }
  });
  return out;
}

function typesOf(o: Json): string[] {
  const t = o["@type"];
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

function str(v: unknown): string | null {
  if (typeof v === "string") {
    const s = v.replace(/\s+/g, " ").trim();
    return s === "" ? null : s;
  }
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

function nameOf(v: unknown): string[] {
  if (typeof v === "string") return str(v) ? [str(v) as string] : [];
  if (Array.isArray(v)) return v.flatMap(nameOf);
  if (v !== null && typeof v === "object") {
    const n = str((v as Json).name);
    return n ? [n] : [];
  }
  return [];
}

/**
 * The page's `<meta>` tags by `property`, `name` and `itemprop`, read in one walk: the
 * head is asked for some thirty keys, and a selector query per key walked the whole page
 * each time. As with `$('meta[property=k], meta[name=k], meta[itemprop=k]').first()`, the
 * first tag carrying a key decides it, even when it has no content.
 */
type MetaIndex = Map<string, string | undefined>;

function metaIndex($: CheerioAPI): MetaIndex {
  const index: MetaIndex = new Map();
  $("meta").each((_i, el) => {
    const attrs = el.attribs;
    for (const key of [attrs.property, attrs.name, attrs.itemprop]) {
      if (key !== undefined && !index.has(key)) index.set(key, attrs.content);
    }
  });
  return index;
}

function meta(index: MetaIndex, ...keys: string[]): string | null {
  for (const k of keys) {
    const s = str(index.get(k));
    if (s) return s;
  }
  return null;
}

/** A `<title>` without the " – Site name" suffix when the site name is known. */
function cleanDocTitle(title: string | null, site: string | null): string | null {
  if (!title) return null;
  for (const sep of TITLE_SEPARATORS) {
    const i = title.lastIndexOf(sep);
    if (i > 0) {
      const tail = title.slice(i + sep.length).trim();
      if (
        site === null ||
        tail.toLowerCase() === site.toLowerCase() ||
        tail.length < title.length / 3
      )
        return title.slice(0, i).trim();
    }
  }
  return title;
}

export function extractMetadata($: CheerioAPI): PageMetadata {
  const nodes = jsonLdNodes($);
  const article =
    nodes.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)) && o.headline !== undefined) ??
    nodes.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t))) ??
    null;
  const ld = article ?? {};
  const tags = metaIndex($);

  const site =
    nameOf(ld.publisher)[0] ?? meta(tags, "og:site_name", "application-name", "publisher") ?? null;
  // Fallbacks that walk the document run only when the head did not answer.
  const title =
    str(ld.headline) ??
    meta(tags, "og:title", "twitter:title", "headline") ??
    str($("h1").first().text()) ??
    cleanDocTitle(str($("title").first().text()), site);

  const publishedAt =
    normaliseDate(str(ld.datePublished)) ??
    normaliseDate(
      meta(
        tags,
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "pubdate",
        "publish-date",
        "date",
        "dc.date",
        "DC.date.issued",
        "sailthru.date",
        "parsely-pub-date",
      ),
    ) ??
    // A <time> inside the article before any other (a header's clock or a related story's).
    normaliseDate(str($("article time[datetime]").first().attr("datetime"))) ??
    normaliseDate(str($("time[datetime]").first().attr("datetime")));
  const modifiedAt =
    normaliseDate(str(ld.dateModified)) ??
    normaliseDate(meta(tags, "article:modified_time", "og:updated_time", "dateModified"));

  let authors = nameOf(ld.author);
  if (authors.length === 0) {
    const m = meta(tags, "author", "article:author", "parsely-author", "sailthru.author");
    if (m && !/^https?:/i.test(m)) authors = [m];
  }
  if (authors.length === 0) {
    const a = str($('[rel="author"], [itemprop="author"] [itemprop="name"]').first().text());
    if (a) authors = [a];
  }

  const canonical =
    $('link[rel="canonical"]').attr("href") ?? meta(tags, "og:url") ?? str(ld.url) ?? null;
  const language =
    str($("html").attr("lang")) ??
    meta(tags, "og:locale", "language", "content-language") ??
    str(ld.inLanguage) ??
    null;

  return {
    canonicalUrl: canonical ? canonical.trim() : null,
    title,
    publishedAt,
    modifiedAt,
    authors: [...new Set(authors)],
    publisher: site,
    language,
  };
}
