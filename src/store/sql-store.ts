/**
 * The one `Store` implementation, written once over `SqlDriver`: SQLite and PostgreSQL
 * differ only in their drivers (sqlite.ts, postgres.ts) and migrations, so one conformance
 * suite holds both to one behaviour. Each method hands over to the file that does the work:
 *
 * - write path: save.ts (checks, locks, groups; bulk insert), save-group.ts (one group's
 *   statements), urls.ts (fetch states, stored URLs), write-rows.ts (tuples per table);
 * - read path: read-records.ts (query, export), page-records.ts (ordered pages), read-articles.ts (articles, runs,
 *   revisions), stats.ts, read-rows.ts (rows back into types);
 * - SQL shared by both: sql.ts (placeholders, chunks, inserts), query-sql.ts (filters),
 *   rows.ts (record rows, hashes, compression), migrate.ts.
 */
import type { ArticleResult, MetricRecord } from "../model/index.js";
import type { SqlDriver } from "./driver.js";
import { migrate } from "./migrate.js";
import { pageRecords } from "./page-records.js";
import { getArticle, listArticles, listRevisions, listRuns } from "./read-articles.js";
import { exportRecords, queryRecords, readRecordsOf, storedDates } from "./read-records.js";
import { bulkInsert, saveExtractions } from "./save.js";
import { entityCounts, stats } from "./stats.js";
import type {
  ArticleFilter,
  ArticleRevision,
  ArticleRow,
  BulkItem,
  EntityCount,
  ExtractionRun,
  FetchState,
  RecordKey,
  RecordPage,
  RecordQuery,
  RecordSort,
  SaveItem,
  SaveOutcome,
  Store,
  StoredArticle,
  StoredRecord,
  StoreStats,
} from "./types.js";
import { getFetchStates, knownUrls, recentUrls, upsertFetchStates } from "./urls.js";

export class SqlStore implements Store {
  constructor(private readonly db: SqlDriver) {}

  get location(): string {
    return this.db.location;
  }
  get dialect(): "sqlite" | "postgres" {
    return this.db.dialect;
  }

  migrate(): Promise<void> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // Write path.

  async saveExtraction(
    article: ArticleRow,
    result: ArticleResult,
    extractorVersion: string,
  ): Promise<SaveOutcome> {
    const [out] = await this.saveExtractions([{ article, result }], extractorVersion);
    return out as SaveOutcome;
  }

  saveExtractions(items: readonly SaveItem[], extractorVersion: string): Promise<SaveOutcome[]> {
    return saveExtractions(this.db, items, extractorVersion);
  }

  bulkInsert(items: BulkItem[], extractorVersion: string): Promise<void> {
    return bulkInsert(this.db, items, extractorVersion);
  }

  async putFetchState(s: FetchState): Promise<void> {
    await upsertFetchStates(this.db, [s]);
  }

  // Read path.

  async getFetchState(url: string): Promise<FetchState | null> {
    return (await this.getFetchStates([url])).get(url) ?? null;
  }

  getFetchStates(urls: readonly string[]): Promise<Map<string, FetchState>> {
    return getFetchStates(this.db, urls);
  }

  knownUrls(urls: readonly string[]): Promise<Set<string>> {
    return knownUrls(this.db, urls);
  }

  recentUrls(urls: readonly string[], since: string): Promise<Set<string>> {
    return recentUrls(this.db, urls, since);
  }

  queryRecords(q: RecordQuery): Promise<StoredRecord[]> {
    return queryRecords(this.db, q);
  }

  pageRecords(
    q: RecordQuery,
    sort: RecordSort,
    after: RecordKey | null,
    limit: number,
  ): Promise<RecordPage> {
    return pageRecords(this.db, q, sort, after, limit);
  }

  storedDates(articleIds: readonly string[]): Promise<Map<string, string>> {
    return storedDates(this.db, articleIds);
  }

  exportRecords(pageSize = 1000, filter: RecordQuery = {}): AsyncIterable<StoredRecord> {
    return exportRecords(this.db, pageSize, filter);
  }

  async getRecords(articleId: string): Promise<MetricRecord[]> {
    return (await readRecordsOf(this.db, this.db, [articleId])).get(articleId) ?? [];
  }

  listArticles(filter: ArticleFilter = {}, pageSize = 100): AsyncIterable<StoredArticle> {
    return listArticles(this.db, filter, pageSize);
  }

  getArticle(articleId: string): Promise<StoredArticle | null> {
    return getArticle(this.db, articleId);
  }

  listRuns(articleId?: string, latest?: number): Promise<ExtractionRun[]> {
    return listRuns(this.db, articleId, latest);
  }

  listRevisions(urlOrArticleId: string): Promise<ArticleRevision[]> {
    return listRevisions(this.db, urlOrArticleId);
  }

  stats(): Promise<StoreStats> {
    return stats(this.db);
  }

  entityCounts(prefix: string, limit = 20): Promise<EntityCount[]> {
    return entityCounts(this.db, prefix, limit);
  }
}
