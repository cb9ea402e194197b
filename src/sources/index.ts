/** Sources: feeds, sitemaps, URL lists (pure parsers) and reading them over HTTP. */

export type { FeedKind, FeedOptions, ParsedFeed } from "./feeds.js";
export { parseFeed } from "./feeds.js";
export type { SourceDeps, SourceKind, SourceLimits, SourceResult } from "./remote.js";
export { readSource } from "./remote.js";
export type { ParsedSitemap } from "./sitemaps.js";
export { parseSitemap } from "./sitemaps.js";
export type { UrlListResult } from "./url-list.js";
export { parseUrlList } from "./url-list.js";
