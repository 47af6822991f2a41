// The parsed-article cache (src/articles/cache.ts) on SQLite. Writes are batched into one transaction
// per flush, because ingestion puts thousands of rows at once. With a database worker (Herald's
// WalCheckpointer, on a database file) the transactions run on the worker's own connection, so a write
// stalled by the disk holds no command: flush() hands the rows over at once and resolves when they are
// committed; until then get() serves them from memory. Without a worker (':memory:', tests) they are
// written here. Which origins have a row is kept in a small filter, so a file new to the folder (no row)
// costs no read of the database.
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
  /** The origins the table may hold a row for: every row there when it was made, and every put since (made at the first get()). */
  private known: OriginFilter | undefined;
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

  /**
   * The filter of origins, made (again, larger, once it holds more than it was made for) from the table's
   * origins, which SQLite reads from the origin index alone, and the rows not yet committed. The table is
   * written by this cache only (its own rows, by the database worker too), so what it was not told of is
   * not there.
   */
  private origins(): OriginFilter {
    if (this.known && !this.known.full) return this.known;
    const rows = (this.count.get() as { n: number }).n;
    const known = new OriginFilter(Math.max(rows, (this.known?.added ?? 0) * 2));
    for (const origin of this.db.prepare('SELECT origin FROM article_cache').pluck().iterate()) known.add(origin as string);
    for (const origin of this.pending.keys()) known.add(origin);
    for (const origin of this.handedOver.keys()) known.add(origin);
    this.known = known;
    return known;
  }

  async get(origin: string, contentHash: string): Promise<CachedArticle | undefined> {
    const buffered = this.pending.has(origin) ? this.pending.get(origin) : this.handedOver.get(origin)?.entry;
    if (buffered === null) return undefined;
    // A file new to the folder has no row: said by memory, not by a read of the database (issue 17).
    if (!buffered && !this.origins().mayHold(origin)) return undefined;
    const raw = buffered
      ? { content_hash: buffered.hash, parser: this.parser, article_json: buffered.json, ingested_at: buffered.ingestedAt }
      : this.select.get(origin);
    return raw === undefined ? undefined : cachedFromRow(raw, contentHash, this.parser);
  }

  put(origin: string, contentHash: string, article: Article, ingestedAt: Date, json?: string): void {
    this.known?.add(origin);
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

/**
 * A set of strings that may answer "present" for an absent one (rarely: about 1 in 200 at the size it is
 * made for), never "absent" for a present one: a Bloom filter of two bits per string, about 26 bits per
 * expected string (32 KB for 10,000 origins, where a Set of them would hold a megabyte).
 */
export class OriginFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private readonly capacity: number;
  added = 0;

  constructor(expected: number) {
    let size = 1 << 15;
    while (size < expected * 20) size *= 2;
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
    this.capacity = Math.max(1024, size >>> 4);
  }

  /** More strings added than it was made for: its false "present" grow more frequent. */
  get full(): boolean {
    return this.added > this.capacity;
  }

  add(text: string): void {
    const [a, b] = this.positions(text);
    this.bits[a >>> 5] |= 1 << (a & 31);
    this.bits[b >>> 5] |= 1 << (b & 31);
    this.added++;
  }

  mayHold(text: string): boolean {
    const [a, b] = this.positions(text);
    return (this.bits[a >>> 5] & (1 << (a & 31))) !== 0 && (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** Two bit positions from two independent string hashes (FNV-1a and a multiply-xor one). */
  private positions(text: string): [number, number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    return [(h1 >>> 0) & this.mask, (h2 >>> 0) & this.mask];
  }
}
