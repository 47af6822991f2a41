// The parsed-article cache (src/articles/cache.ts) on SQLite. Writes are batched into one transaction
// per flush, because ingestion puts thousands of rows at once. With a database worker (Herald's
// WalCheckpointer, on a database file) the transactions run on the worker's own connection, so a write
// stalled by the disk holds no command: flush() hands the rows over at once and resolves when they are
// committed; until then get() serves them from memory. Without a worker (':memory:', tests) they are
// written here.
import { cachedFromRow, parserFingerprint, type ArticleCache, type CachedArticle } from '../articles/cache';
import type { Article } from '../articles/model';
import { CACHE_UPSERT, type CacheRowWrite } from './checkpoint';
import type { Db } from './db';

export { parserFingerprint, type ArticleCache, type CachedArticle } from '../articles/cache';

type Entry = { hash: string; json: string; ingestedAt: string } | null;

/** Writes cache rows off the main thread (WalCheckpointer.writeCacheRows); false: not written, the cache writes them itself. */
export interface CacheRowWriter {
  writeCacheRows(parser: string, rows: CacheRowWrite[]): Promise<boolean>;
}

export class SqliteArticleCache implements ArticleCache {
  private pending = new Map<string, Entry>();
  /** Rows handed to the writer and not yet committed, with the batch that holds each one's latest value. */
  private handedOver = new Map<string, { batch: number; entry: Entry }>();
  private writing = new Set<Promise<void>>();
  private batches = 0;
  /** A handed-over batch that could not be written at all, not yet reported by a flush(). */
  private failure: unknown;
  private readonly select;
  private readonly upsert;
  private readonly delete;
  private readonly count;

  constructor(
    private readonly db: Db,
    private readonly parser: string = parserFingerprint(),
    private readonly writer?: CacheRowWriter,
  ) {
    this.select = db.prepare('SELECT content_hash, parser, article_json, ingested_at FROM article_cache WHERE origin = ?');
    this.upsert = db.prepare(CACHE_UPSERT);
    this.delete = db.prepare('DELETE FROM article_cache WHERE origin = ?');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM article_cache');
  }

  async get(origin: string, contentHash: string): Promise<CachedArticle | undefined> {
    const buffered = this.pending.has(origin) ? this.pending.get(origin) : this.handedOver.get(origin)?.entry;
    if (buffered === null) return undefined;
    const raw = buffered
      ? { content_hash: buffered.hash, parser: this.parser, article_json: buffered.json, ingested_at: buffered.ingestedAt }
      : this.select.get(origin);
    return raw === undefined ? undefined : cachedFromRow(raw, contentHash, this.parser);
  }

  put(origin: string, contentHash: string, article: Article, ingestedAt: Date, json?: string): void {
    this.pending.set(origin, { hash: contentHash, json: json ?? JSON.stringify(article), ingestedAt: ingestedAt.toISOString() });
    if (this.pending.size >= 500) this.startWrite();
  }

  remove(origin: string): void {
    this.pending.set(origin, null);
  }

  /** Hands what put() and remove() buffered to the writer (or writes it here); resolves when every write so far is committed. */
  async flush(): Promise<void> {
    this.startWrite();
    while (this.writing.size > 0) await Promise.all([...this.writing]);
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  private startWrite(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    if (!this.writer) {
      this.writeHere(entries);
      return;
    }
    const batch = ++this.batches;
    for (const [origin, entry] of entries) this.handedOver.set(origin, { batch, entry });
    const rows = entries.map(([origin, e]): CacheRowWrite => (e === null ? [origin] : [origin, e.hash, e.json, e.ingestedAt]));
    const write = this.writer.writeCacheRows(this.parser, rows).then((ok) => {
      // Rows a later batch holds newer values of are left to that batch.
      const latest = entries.filter(([origin]) => this.handedOver.get(origin)?.batch === batch);
      try {
        if (!ok && this.db.open) this.writeHere(latest);
      } catch (error) {
        // Reported by the flush() under way or the next one, once: a failed batch must not fail every later flush (and close()).
        this.failure ??= error;
      } finally {
        for (const [origin] of latest) this.handedOver.delete(origin);
        this.writing.delete(write);
      }
    });
    this.writing.add(write);
  }

  private writeHere(entries: [string, Entry][]): void {
    this.db.transaction(() => {
      for (const [origin, row] of entries) {
        if (row === null) this.delete.run(origin);
        else this.upsert.run(origin, row.hash, this.parser, row.json, row.ingestedAt);
      }
    })();
  }

  async size(): Promise<number> {
    await this.flush();
    return (this.count.get() as { n: number }).n;
  }
}
