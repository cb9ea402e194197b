/**
 * A plain list of URLs (one a line; blank lines and `#` comments ignored) -> article
 * references. Lines that are not absolute http(s) URLs are returned as rejects so the
 * caller can report them with their line numbers.
 */
import type { ArticleRef } from "../model/index.js";

export interface UrlListResult {
  refs: ArticleRef[];
  rejected: Array<{ line: number; text: string }>;
}

export function parseUrlList(text: string, source: string): UrlListResult {
  const refs: ArticleRef[] = [];
  const rejected: UrlListResult["rejected"] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "" || line.startsWith("#")) return;
    let u: URL;
    try {
      u = new URL(line);
    } catch {
      rejected.push({ line: i + 1, text: line });
      return;
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") {
      rejected.push({ line: i + 1, text: line });
      return;
    }
    u.hash = "";
    if (seen.has(u.href)) return;
    seen.add(u.href);
    refs.push({ url: u.href, title: null, publishedAt: null, source });
  });
  return { refs, rejected };
}
