/**
 * The read path for articles and their history: stored articles in id-ordered pages (what
 * reprocess walks), one article, the run history, and the revisions a URL went through.
 */
import { canonicalUrl } from "../model/canonical-url.js";
import type { SqlConn, SqlValue } from "./driver.js";
import {
  type ArticleDbRow,
  articleRevisionOf,
  type DbRow,
  extractionRunOf,
  storedArticle,
} from "./read-rows.js";
import { marks } from "./sql.js";
import type { ArticleFilter, ArticleRevision, ExtractionRun, StoredArticle } from "./types.js";

export async function* listArticles(
  c: SqlConn,
  filter: ArticleFilter,
  pageSize: number,
): AsyncIterable<StoredArticle> {
  let after = "";
  const parts: string[] = ["article_id > ?"];
  const params: SqlValue[] = [];
  if (filter.since !== undefined) {
    parts.push("fetched_at >= ?");
    params.push(filter.since);
  }
  if (filter.source !== undefined) {
    parts.push("(source = ? OR substr(source, 1, ?) = ?)");
    params.push(filter.source, filter.source.length, filter.source);
  }
  for (;;) {
    const rows = await c.all<ArticleDbRow>(
      `SELECT * FROM articles WHERE ${parts.join(" AND ")} ORDER BY article_id LIMIT ${pageSize}`,
      [after, ...params],
    );
    for (const row of rows) yield storedArticle(row);
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]?.article_id);
  }
}

export async function getArticle(c: SqlConn, articleId: string): Promise<StoredArticle | null> {
  const row = (
    await c.all<ArticleDbRow>("SELECT * FROM articles WHERE article_id = ?", [articleId])
  )[0];
  return row ? storedArticle(row) : null;
}

/** The run history in order; with `latest`, only the newest that many, newest first. */
export async function listRuns(
  c: SqlConn,
  articleId: string | undefined,
  latest: number | undefined,
): Promise<ExtractionRun[]> {
  const order =
    latest === undefined
      ? "ORDER BY id"
      : `ORDER BY id DESC LIMIT ${Math.max(1, Math.floor(latest))}`;
  const rows = await c.all<DbRow>(
    `SELECT * FROM extraction_runs ${articleId === undefined ? "" : "WHERE article_id = ?"} ${order}`,
    articleId === undefined ? [] : [articleId],
  );
  return rows.map(extractionRunOf);
}

/** The replaced revisions of one article, oldest first, by a URL or any revision's id. */
export async function listRevisions(
  c: SqlConn,
  urlOrArticleId: string,
): Promise<ArticleRevision[]> {
  const keys = new Set<string>();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(urlOrArticleId)) {
    keys.add(urlOrArticleId);
    keys.add(canonicalUrl(urlOrArticleId));
  } else {
    const rows = await c.all<{ article_key: string }>(
      "SELECT article_key FROM articles WHERE article_id = ? UNION SELECT article_key FROM article_revisions WHERE article_id = ?",
      [urlOrArticleId, urlOrArticleId],
    );
    for (const r of rows) if (r.article_key !== null) keys.add(r.article_key);
  }
  if (keys.size === 0) return [];
  const rows = await c.all<DbRow>(
    `SELECT * FROM article_revisions WHERE article_key IN (${marks(keys.size)}) ORDER BY id`,
    [...keys],
  );
  return rows.map(articleRevisionOf);
}
