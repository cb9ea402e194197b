/**
 * What the store knows per URL, as discovery asks it: the validators of its last fetch
 * (for conditional GET), and whether an article is stored under it (by canonical URL or
 * URL), at all or recently enough to be asked for again. Each question is one query per
 * few hundred URLs.
 */
import type { SqlConn, SqlValue } from "./driver.js";
import { fetchStateOf } from "./read-rows.js";
import { chunks, insertRows, MAX_IN, marks, selectIn } from "./sql.js";
import type { FetchState } from "./types.js";
import { FETCH_STATE_COLUMNS, fetchStateValues } from "./write-rows.js";

/** Fetch states of many URLs; URLs never fetched are absent from the map. */
export async function getFetchStates(
  c: SqlConn,
  urls: readonly string[],
): Promise<Map<string, FetchState>> {
  const rows = await selectIn<Record<string, string | null>>(
    c,
    [...new Set(urls)],
    (list) =>
      `SELECT url, etag, last_modified, article_id, fetched_at FROM fetch_state WHERE url IN (${list})`,
  );
  return new Map(rows.map((row) => [String(row.url), fetchStateOf(row)]));
}

/** Remember these validators, replacing what was kept for the same URLs. */
export async function upsertFetchStates(c: SqlConn, states: FetchState[]): Promise<void> {
  await insertRows(
    c,
    "fetch_state",
    FETCH_STATE_COLUMNS,
    states.map(fetchStateValues),
    "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, article_id = excluded.article_id, fetched_at = excluded.fetched_at",
  );
}

/** Which of these URLs have a stored article. */
export function knownUrls(c: SqlConn, urls: readonly string[]): Promise<Set<string>> {
  return storedUrls(c, urls, "", []);
}

/** Of these URLs, those whose stored article was published (or else fetched) `since` or later. */
export function recentUrls(
  c: SqlConn,
  urls: readonly string[],
  since: string,
): Promise<Set<string>> {
  return storedUrls(c, urls, " AND COALESCE(published_at, fetched_at) >= ?", [since]);
}

/** The asked URLs matching a stored article's canonical URL or URL, where `andSql` holds too. */
async function storedUrls(
  c: SqlConn,
  urls: readonly string[],
  andSql: string,
  andParams: SqlValue[],
): Promise<Set<string>> {
  const asked = new Set(urls);
  const found = new Set<string>();
  for (const chunk of chunks([...asked], MAX_IN)) {
    const list = marks(chunk.length);
    const rows = await c.all<{ canonical_url: string | null; url: string | null }>(
      `SELECT canonical_url, url FROM articles WHERE (canonical_url IN (${list}) OR url IN (${list}))${andSql}`,
      [...chunk, ...chunk, ...andParams],
    );
    for (const r of rows) {
      if (r.canonical_url !== null && asked.has(r.canonical_url)) found.add(r.canonical_url);
      if (r.url !== null && asked.has(r.url)) found.add(r.url);
    }
  }
  return found;
}
