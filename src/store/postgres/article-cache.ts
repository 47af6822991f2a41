// The parsed-article cache (src/articles/cache.ts) on PostgreSQL, shared by every process: a file that
// several processes ingest is parsed by the first and read back by the others. put() buffers; a full
// buffer is written in the background, flush() waits for every write.
import type pg from 'pg';
import { inTransaction } from './pool';
import { cachedFromRow, parserFingerprint, type ArticleCache, type CachedArticle } from '../../articles/cache';
import type { Article } from '../../articles/model';

type Entry = { hash: string; json: string; ingestedAt: string } | null;

export class PgArticleCache implements ArticleCache {
  private pending = new Map<string, Entry>();
  private writing: Promise<void> = Promise.resolve();
  private writeError: unknown = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly parser: string = parserFingerprint(),
  ) {}

  async get(origin: string, contentHash: string): Promise<CachedArticle | undefined> {
    const buffered = this.pending.get(origin);
    if (buffered === null) return undefined;
    if (buffered) return cachedFromRow({ content_hash: buffered.hash, parser: this.parser, article_json: buffered.json, ingested_at: buffered.ingestedAt }, contentHash, this.parser);
    const { rows } = await this.pool.query('SELECT content_hash, parser, article_json, ingested_at FROM article_cache WHERE origin = $1', [origin]);
    return rows[0] === undefined ? undefined : cachedFromRow(rows[0], contentHash, this.parser);
  }

  put(origin: string, contentHash: string, article: Article, ingestedAt: Date, json?: string): void {
    this.pending.set(origin, { hash: contentHash, json: json ?? JSON.stringify(article), ingestedAt: ingestedAt.toISOString() });
    if (this.pending.size >= 500) this.startWrite();
  }

  remove(origin: string): void {
    this.pending.set(origin, null);
  }

  async flush(): Promise<void> {
    this.startWrite();
    await this.writing;
    if (this.writeError) {
      const error = this.writeError;
      this.writeError = null;
      throw error;
    }
  }

  async size(): Promise<number> {
    await this.flush();
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM article_cache')).rows[0]?.n ?? 0;
  }

  private startWrite(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    this.writing = this.writing.then(() => this.write(entries)).catch((error) => {
      this.writeError = error;
    });
  }

  private async write(entries: [string, Entry][]): Promise<void> {
    const puts = entries.filter((e): e is [string, NonNullable<Entry>] => e[1] !== null);
    const removes = entries.filter(([, e]) => e === null).map(([origin]) => origin);
    await inTransaction(this.pool, async (client) => {
      if (removes.length > 0) await client.query('DELETE FROM article_cache WHERE origin = ANY($1::text[])', [removes]);
      for (let i = 0; i < puts.length; i += 100) {
        const chunk = puts.slice(i, i + 100);
        await client.query(
          `INSERT INTO article_cache (origin, content_hash, parser, article_json, ingested_at)
           SELECT o, h, $3, j, t FROM unnest($1::text[], $2::text[], $4::text[], $5::text[]) AS u(o, h, j, t)
           ON CONFLICT (origin) DO UPDATE SET content_hash = excluded.content_hash, parser = excluded.parser,
             article_json = excluded.article_json, ingested_at = excluded.ingested_at`,
          [chunk.map(([o]) => o), chunk.map(([, e]) => e.hash), this.parser, chunk.map(([, e]) => e.json), chunk.map(([, e]) => e.ingestedAt)],
        );
      }
    });
  }
}
