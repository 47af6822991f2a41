// The parsed-article cache (100–199): one row per origin, keyed by the content hash and the parser's
// fingerprint, so a restart reuses what was parsed before and re-parses only what changed.
import type { Dialect } from './dialect';
import type { Migration } from './migration';

export const articleCacheMigrations = (_d: Dialect): Migration[] => [
  {
    version: 100,
    name: 'article cache',
    sql: `
      CREATE TABLE article_cache (
        origin TEXT PRIMARY KEY,          -- file path or URL the article came from
        content_hash TEXT NOT NULL,       -- sha-256 hex of the raw text
        parser TEXT NOT NULL,             -- fingerprint of the parser that produced article_json
        article_json TEXT NOT NULL,       -- the Article, as JSON
        ingested_at TEXT NOT NULL         -- when this content was parsed and ingested
      );
    `,
  },
];
