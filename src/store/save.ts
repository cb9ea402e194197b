/**
 * The write path's entry points: `saveExtractions` checks what it is given, takes every
 * lock, and saves the items group by group in one transaction (see save-group.ts);
 * `bulkInsert` writes without diffing, for benchmarks and imports.
 */
import { NewsfiguresError } from "../errors.js";
import { ArticleResult } from "../model/index.js";
import type { SqlDriver } from "./driver.js";
import { articleKeyOf, RECORD_COLUMNS, recordValues, resultHash } from "./rows.js";
import { type CheckedItem, saveGroup } from "./save-group.js";
import { insertRows } from "./sql.js";
import type { BulkItem, SaveItem, SaveOutcome } from "./types.js";
import { ARTICLE_COLUMNS, articleValues, ENTITY_COLUMNS, entityRows } from "./write-rows.js";

/** Bulk rows skip hashing (the costliest step); a later save of such an article always replaces it. */
const BULK_HASH = "bulk";

/**
 * Save many articles (and their fetch states) in one transaction; outcomes in item order.
 *
 * @example
 * const [out] = await saveExtractions(db, [{ article: row, result }], EXTRACTOR_VERSION);
 */
export async function saveExtractions(
  db: SqlDriver,
  items: readonly SaveItem[],
  extractorVersion: string,
): Promise<SaveOutcome[]> {
  // Records are validated before they are stored: a bad one is a bug upstream, not data.
  const checked = items.map((item) => checkItem(item));
  if (checked.length === 0) return [];
  return db.transaction(async (c) => {
    // Every lock first, in one sorted pass: two writers of overlapping groups then queue
    // behind each other instead of deadlocking. Keys too: two revisions of one URL saved
    // at once must not both survive.
    await db.lockArticles(
      c,
      [...new Set(checked.flatMap((x) => [x.result.articleId, `key:${x.key}`]))].sort(),
    );
    const outcomes: SaveOutcome[] = [];
    // An article (or URL) twice in one call: later saves see the earlier ones, as if made
    // one after another, so the group is cut wherever a key repeats.
    for (const group of uniqueRuns(checked)) {
      outcomes.push(...(await saveGroup(c, db, group, extractorVersion)));
    }
    return outcomes;
  });
}

function checkItem(item: SaveItem): CheckedItem {
  const result = ArticleResult.parse(item.result);
  if (result.articleId !== item.article.articleId) {
    throw new NewsfiguresError(
      "NF_STORE_ID_MISMATCH",
      `article ${item.article.articleId} was given the extraction of ${result.articleId}; pass the result of extracting this article's body`,
    );
  }
  if (item.fetchState?.articleId != null && item.fetchState.articleId !== result.articleId) {
    throw new NewsfiguresError(
      "NF_STORE_ID_MISMATCH",
      `the fetch state of ${item.fetchState.url} names article ${item.fetchState.articleId}, not the article saved with it (${result.articleId})`,
    );
  }
  return { item, result, hash: resultHash(result), key: articleKeyOf(item.article) };
}

/** Consecutive runs of items in which no article id, key or fetch-state URL repeats. */
function uniqueRuns(items: CheckedItem[]): CheckedItem[][] {
  const runs: CheckedItem[][] = [];
  let run: CheckedItem[] = [];
  let keys = new Set<string>();
  for (const x of items) {
    const own = [
      `a:${x.result.articleId}`,
      `k:${x.key}`,
      ...(x.item.fetchState ? [`u:${x.item.fetchState.url}`] : []),
    ];
    if (own.some((k) => keys.has(k))) {
      runs.push(run);
      run = [];
      keys = new Set();
    }
    run.push(x);
    for (const k of own) keys.add(k);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Insert articles with their records and entities; rows already there are left as they are. */
export async function bulkInsert(
  db: SqlDriver,
  items: BulkItem[],
  extractorVersion: string,
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction(async (c) => {
    await insertRows(
      c,
      "articles",
      ARTICLE_COLUMNS,
      items.map((i) => articleValues(i.article, i.result, extractorVersion, BULK_HASH, now)),
      "ON CONFLICT DO NOTHING",
    );
    await insertRows(
      c,
      "records",
      RECORD_COLUMNS,
      items.flatMap((i) =>
        i.result.metrics.map((r) =>
          recordValues(i.article.articleId, i.result.publishedAt ?? i.article.publishedAt, r),
        ),
      ),
      "ON CONFLICT DO NOTHING",
    );
    await insertRows(
      c,
      "entities",
      ENTITY_COLUMNS,
      items.flatMap((i) => entityRows(i.article.articleId, i.result)),
      "ON CONFLICT DO NOTHING",
    );
  });
}
