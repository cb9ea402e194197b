/**
 * One spelling per article URL, shared by the queue (job ids) and the store (an article's
 * identity): the same page reached through a tracking link is the same article.
 */

/** Query parameters that track campaigns and never change the page. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i;

/**
 * The canonical form of an article URL: lower-case scheme and host, no default port, no
 * fragment, no tracking parameters, remaining parameters sorted.
 *
 * @example
 * canonicalUrl("HTTPS://Example.com:443/a?utm_source=x&b=2&a=1#top"); // "https://example.com/a?a=1&b=2"
 */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.protocol === "file:") return u.href;
  u.hash = "";
  const kept = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = "";
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.href;
}
