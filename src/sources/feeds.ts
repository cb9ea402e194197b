/**
 * Feed text -> article references: RSS 2.0 (and RSS 1.0/RDF), Atom and JSON Feed, parsed
 * with fast-xml-parser / JSON.parse. Pure: the caller fetches (fetchPage with
 * `accept: "feed"`). Links are resolved against the feed URL; only http(s) links are kept.
 */
import { XMLParser } from "fast-xml-parser";
import { type ErrorCode, NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import { normaliseDate } from "../parse/dates.js";

export interface FeedOptions {
  /** The feed's URL: base for relative links, and the refs' `source`. */
  url: string;
}

export type FeedKind = "rss" | "atom" | "jsonfeed" | "rdf";

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  refs: ArticleRef[];
}

const ARRAY_TAGS = new Set(["item", "entry", "link", "url", "sitemap", "category", "author"]);

type Obj = Record<string, unknown>;

/** One configured parser for feeds and sitemaps (reusable): namespaces dropped, attributes kept. */
const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

/**
 * Parse a feed or sitemap document (BOM and leading space already stripped). DTD entity
 * declarations are refused: a feed has no use for them and they enable expansion bombs.
 * `code` names the error: NF_SOURCE_BAD_FEED or NF_SOURCE_BAD_SITEMAP.
 */
export function parseXmlDocument(xml: string, source: string, code: ErrorCode): Obj {
  if (/<!ENTITY/i.test(xml.slice(0, 64 * 1024))) {
    throw new NewsfiguresError(
      code,
      `${source}: the document declares XML entities, which are refused; is this really a feed or sitemap?`,
    );
  }
  try {
    return XML.parse(xml) as Obj;
  } catch (err) {
    throw new NewsfiguresError(code, `${source}: not well-formed XML (${(err as Error).message})`, {
      cause: err,
    });
  }
}

/** Article references with each URL once, in first-seen order; nulls dropped. */
export function uniqueByUrl(refs: ReadonlyArray<ArticleRef | null>): ArticleRef[] {
  const seen = new Set<string>();
  const out: ArticleRef[] = [];
  for (const r of refs) {
    if (r === null || seen.has(r.url)) continue;
    seen.add(r.url);
    out.push(r);
  }
  return out;
}

export function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number") {
    const s = String(v)
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return s === "" ? null : s;
  }
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "object") return textOf((v as Obj)["#text"]);
  return null;
}

export function absoluteHttpUrl(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** A reference for a link as written (relative links resolved; non-http links dropped). */
function ref(
  link: string | null,
  title: string | null,
  date: string | null,
  source: string,
): ArticleRef | null {
  const url = absoluteHttpUrl(link, source);
  return url === null ? null : { url, title, publishedAt: normaliseDate(date), source };
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return textOf(links);
  const objs: Obj[] = links.map(
    (l): Obj => (typeof l === "object" && l !== null ? (l as Obj) : { "@_href": l }),
  );
  const alt =
    objs.find(
      (l) =>
        (l["@_rel"] ?? "alternate") === "alternate" &&
        (l["@_type"] === undefined || String(l["@_type"]).includes("html")),
    ) ?? objs[0];
  return alt ? textOf(alt["@_href"]) : null;
}

function rssLink(item: Obj): string | null {
  const links = item.link;
  if (Array.isArray(links)) {
    for (const l of links) {
      const t =
        typeof l === "object" && l !== null
          ? (textOf((l as Obj)["@_href"]) ?? textOf(l))
          : textOf(l);
      if (t) return t;
    }
  }
  const guid = item.guid as Obj | string | undefined;
  if (guid && (typeof guid === "string" || guid["@_isPermaLink"] !== "false")) return textOf(guid);
  return null;
}

/** Parse a feed; throws NF_SOURCE_BAD_FEED when the text is no feed we know. */
export function parseFeed(text: string, options: FeedOptions): ParsedFeed {
  const source = options.url;
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) return parseJsonFeed(trimmed, source);
  const doc = parseXmlDocument(trimmed, source, "NF_SOURCE_BAD_FEED");
  if (doc.rss && typeof doc.rss === "object") {
    const channel = ((doc.rss as Obj).channel ?? {}) as Obj;
    const items = (channel.item ?? []) as Obj[];
    const refs = items.map((it) =>
      ref(
        rssLink(it),
        textOf(it.title),
        textOf(it.pubDate) ?? textOf(it.date) ?? textOf(it.published),
        source,
      ),
    );
    return { kind: "rss", title: textOf(channel.title), refs: uniqueByUrl(refs) };
  }
  if (doc.feed && typeof doc.feed === "object") {
    const feed = doc.feed as Obj;
    const entries = (feed.entry ?? []) as Obj[];
    const refs = entries.map((e) =>
      ref(atomLink(e.link), textOf(e.title), textOf(e.published) ?? textOf(e.updated), source),
    );
    return { kind: "atom", title: textOf(feed.title), refs: uniqueByUrl(refs) };
  }
  if (doc.RDF && typeof doc.RDF === "object") {
    const rdf = doc.RDF as Obj;
    const items = (rdf.item ?? []) as Obj[];
    const refs = items.map((it) =>
      ref(textOf(it.link) ?? textOf(it["@_about"]), textOf(it.title), textOf(it.date), source),
    );
    return {
      kind: "rdf",
      title: textOf((rdf.channel as Obj | undefined)?.title),
      refs: uniqueByUrl(refs),
    };
  }
  throw new NewsfiguresError(
    "NF_SOURCE_BAD_FEED",
    `${source}: neither RSS, Atom nor JSON Feed (root element is ${
      Object.keys(doc)
        .filter((k) => !k.startsWith("?"))
        .join(", ") || "missing"
    })`,
  );
}

function parseJsonFeed(text: string, source: string): ParsedFeed {
  let doc: Obj;
  try {
    doc = JSON.parse(text) as Obj;
  } catch (err) {
    throw new NewsfiguresError(
      "NF_SOURCE_BAD_FEED",
      `${source}: not valid JSON (${(err as Error).message})`,
      { cause: err },
    );
  }
  if (
    typeof doc.version !== "string" ||
    !doc.version.includes("jsonfeed.org") ||
    !Array.isArray(doc.items)
  ) {
    throw new NewsfiguresError(
      "NF_SOURCE_BAD_FEED",
      `${source}: JSON without a jsonfeed.org "version" and "items"; not a JSON Feed`,
    );
  }
  const refs = (doc.items as Obj[]).map((it) =>
    ref(
      textOf(it.url) ?? textOf(it.external_url) ?? textOf(it.id),
      textOf(it.title),
      textOf(it.date_published) ?? textOf(it.date_modified),
      source,
    ),
  );
  return { kind: "jsonfeed", title: textOf(doc.title), refs: uniqueByUrl(refs) };
}
