/**
 * PostgreSQL migrations, the same tables as SQLite's with native types. Kept as TypeScript
 * strings so `tsc` carries them into dist/. Never edit an applied migration: add the next.
 */
import type { Migration } from "./types.js";

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "articles, entities, records, runs, fetch state",
    sql: `
CREATE TABLE articles (
  article_id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT,
  canonical_url TEXT,
  title TEXT,
  published_at TEXT,
  publisher TEXT,
  authors JSONB NOT NULL DEFAULT '[]',
  fetched_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT NOT NULL,
  raw BYTEA,
  raw_encoding TEXT,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  result_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_fetched_at ON articles (fetched_at);
CREATE INDEX articles_source ON articles (source COLLATE "C");

CREATE TABLE entities (
  article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_lc TEXT COLLATE "C" NOT NULL,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article_id, name, type)
);
CREATE INDEX entities_name_lc ON entities (name_lc);

-- Timestamps stay ISO text (as in SQLite) so both backends compare and return them alike.
-- entity_lc is COLLATE "C" so a prefix is a byte range the btree can scan.
CREATE TABLE records (
  id TEXT COLLATE "C" PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
  published_at TEXT,
  kind TEXT NOT NULL,
  metric TEXT COLLATE "C" NOT NULL,
  entity_name TEXT,
  entity_lc TEXT COLLATE "C",
  entity_type TEXT,
  amount DOUBLE PRECISION NOT NULL,
  currency TEXT,
  unit TEXT,
  period_text TEXT,
  period_fiscal BOOLEAN,
  period_year INTEGER,
  period_quarter INTEGER,
  period_start TEXT,
  period_end TEXT,
  period_ytd BOOLEAN,
  change_direction TEXT,
  forecast BOOLEAN NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  record_json JSONB NOT NULL
);
CREATE INDEX records_entity_metric ON records (entity_lc, metric);
CREATE INDEX records_metric_published ON records (metric, published_at);
CREATE INDEX records_article ON records (article_id, span_start);
CREATE INDEX records_published ON records (published_at);

CREATE TABLE extraction_runs (
  id BIGSERIAL PRIMARY KEY,
  article_id TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  previous_version TEXT,
  ran_at TEXT NOT NULL,
  action TEXT NOT NULL,
  records INTEGER NOT NULL,
  added INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX extraction_runs_article ON extraction_runs (article_id, id);

CREATE TABLE fetch_state (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  article_id TEXT,
  fetched_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: "article identity by URL, replaced revisions kept",
    sql: `
-- One article per canonical URL (its body hash when it has none). Rows stored before
-- take their URL as written; new saves normalise it (tracking parameters dropped).
ALTER TABLE articles ADD COLUMN article_key TEXT;
UPDATE articles SET article_key = COALESCE(url, canonical_url, article_id);
CREATE INDEX articles_key ON articles (article_key);

CREATE TABLE article_revisions (
  id BIGSERIAL PRIMARY KEY,
  article_key TEXT NOT NULL,
  article_id TEXT NOT NULL,
  replaced_by TEXT NOT NULL,
  title TEXT,
  fetched_at TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  body TEXT NOT NULL,
  records_json TEXT NOT NULL,
  changes_json TEXT NOT NULL,
  added INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX article_revisions_key ON article_revisions (article_key, id);
CREATE INDEX article_revisions_article ON article_revisions (article_id);
`,
  },
  {
    version: 3,
    name: "records ordered by amount, for paging a result by size",
    sql: `
-- Search pages go largest or smallest first over the whole result: these let each page
-- seek into the order instead of sorting every match.
CREATE INDEX records_amount ON records (amount);
CREATE INDEX records_metric_amount ON records (metric, amount);
`,
  },
];
