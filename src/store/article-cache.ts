// The parsed-article cache (src/articles/cache.ts) on SQLite. Writes are batched into one transaction
// per flush, because ingestion puts thousands of rows at once.
import { cachedFromRow, parserFingerprint, type ArticleCache, type CachedArticle } from '../articles/cache';
import type { Article } from '../articles/model';
import type { Db } from './db';

export { parserFingerprint, type ArticleCache, type CachedArticle } from '../articles/cache';

export class SqliteArticleCache implements ArticleCache {
  private pending = new Map<string, { hash: string; json: string; ingestedAt: string } | null>();
  private readonly select;
  private readonly upsert;
  private readonly delete;
  private readonly count;

  constructor(
    private readonly db: Db,
    private readonly parser: string = parserFingerprint(),
  ) {
    this.select = db.prepare('SELECT content_hash, parser, article_json, ingested_at FROM article_cache WHERE origin = ?');
    this.upsert = db.prepare(
      `INSERT INTO article_cache (origin, content_hash, parser, article_json, ingested_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET content_hash = excluded.content_hash, parser = excluded.parser,
         article_json = excluded.article_json, ingested_at = excluded.ingested_at`,
    );
    this.delete = db.prepare('DELETE FROM article_cache WHERE origin = ?');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM article_cache');
  }

  async get(origin: string, contentHash: string): Promise<CachedArticle | undefined> {
    const buffered = this.pending.get(origin);
    if (buffered === null) return undefined;
    const raw = buffered
      ? { content_hash: buffered.hash, parser: this.parser, article_json: buffered.json, ingested_at: buffered.ingestedAt }
      : this.select.get(origin);
    return raw === undefined ? undefined : cachedFromRow(raw, contentHash, this.parser);
  }

  put(origin: string, contentHash: string, article: Article, ingestedAt: Date, json?: string): void {
    this.pending.set(origin, { hash: contentHash, json: json ?? JSON.stringify(article), ingestedAt: ingestedAt.toISOString() });
    if (this.pending.size >= 500) this.flushNow();
  }

  remove(origin: string): void {
    this.pending.set(origin, null);
  }

  async flush(): Promise<void> {
    this.flushNow();
  }

  private flushNow(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    this.db.transaction(() => {
      for (const [origin, row] of entries) {
        if (row === null) this.delete.run(origin);
        else this.upsert.run(origin, row.hash, this.parser, row.json, row.ingestedAt);
      }
    })();
  }

  async size(): Promise<number> {
    this.flushNow();
    return (this.count.get() as { n: number }).n;
  }
}
