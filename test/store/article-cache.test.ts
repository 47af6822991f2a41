// The parsed-article cache and ingestion with it: a restart restores unchanged files without parsing,
// re-parses only what changed, and treats stale or unreadable rows as misses.
import { articleCacheContract } from './contract/article-cache';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, ingestDirectory, ingestFile, ingestOne } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { openDatabase, type Db } from '../../src/store/db';
import { OriginFilter, SqliteArticleCache } from '../../src/store/article-cache';
import { WalCheckpointer } from '../../src/store/checkpoint';
import { openSqliteStores, sqliteStores } from '../../src/store/stores';
import { makeArticle } from '../answers/helpers';

const NOW = new Date('2026-11-27T12:00:00Z');
const LATER = new Date('2026-11-28T12:00:00Z');

const story = (headline: string, body: string) => `${headline}\n\n${body}\n`;

describe('SqliteArticleCache', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('returns what was put for the same origin, content hash and parser', async () => {
    const cache = new SqliteArticleCache(db, 'parser-a');
    const article = makeArticle('Talks resume', ['Talks resume on Monday.']);
    cache.put('/a.txt', 'h1', article, NOW);
    await cache.flush();
    const again = await new SqliteArticleCache(db, 'parser-a').get('/a.txt', 'h1');
    expect(again?.article).toEqual(article);
    expect(again?.ingestedAt.toISOString()).toBe(NOW.toISOString());
  });

  it('misses on another content hash, another parser, or a row the model rejects', async () => {
    const article = makeArticle('Talks resume', ['Talks resume on Monday.']);
    const cache = new SqliteArticleCache(db, 'parser-a');
    cache.put('/a.txt', 'h1', article, NOW);
    await cache.flush();
    expect(await cache.get('/a.txt', 'h2')).toBeUndefined();
    expect(await new SqliteArticleCache(db, 'parser-b').get('/a.txt', 'h1')).toBeUndefined();
    db.prepare('UPDATE article_cache SET article_json = ? WHERE origin = ?').run('{"headline": 3}', '/a.txt');
    expect(await cache.get('/a.txt', 'h1')).toBeUndefined();
    db.prepare('UPDATE article_cache SET article_json = ? WHERE origin = ?').run('not json', '/a.txt');
    expect(await cache.get('/a.txt', 'h1')).toBeUndefined();
  });

  it('buffers puts until flushed, and serves them meanwhile', async () => {
    const cache = new SqliteArticleCache(db, 'p');
    cache.put('/a.txt', 'h1', makeArticle('A', ['One.']), NOW);
    expect((await cache.get('/a.txt', 'h1'))?.article.headline).toBe('A');
    expect((db.prepare('SELECT COUNT(*) AS n FROM article_cache').get() as { n: number }).n).toBe(0);
    expect(await cache.size()).toBe(1);
    cache.remove('/a.txt');
    expect(await cache.get('/a.txt', 'h1')).toBeUndefined();
    expect(await cache.size()).toBe(0);
  });
});

/** `db` with the SQL of every row read by a statement's get() recorded in `reads`. */
function countingReads(db: Db, reads: string[]): Db {
  const bound = (target: object, prop: string | symbol) => {
    const value = Reflect.get(target, prop) as unknown;
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return bound(target, prop);
      return (sql: string) => {
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(st, p) {
            if (p !== 'get') return bound(st, p);
            return (...args: unknown[]) => {
              reads.push(sql);
              return (st.get as (...a: unknown[]) => unknown)(...args);
            };
          },
        });
      };
    },
  });
}

describe('SqliteArticleCache, a file new to the folder', () => {
  it('is a miss said without reading the database; rows there or put since are still found', async () => {
    const db = openDatabase(':memory:');
    const before = new SqliteArticleCache(db, 'p');
    before.put('/old.txt', 'h1', makeArticle('Old', ['Old news.']), NOW);
    await before.flush();
    const reads: string[] = [];
    const cache = new SqliteArticleCache(countingReads(db, reads), 'p');
    const byOrigin = () => reads.filter((sql) => /WHERE origin = \?/.test(sql)).length;
    expect(await cache.get('/new.txt', 'h2')).toBeUndefined();
    expect(byOrigin()).toBe(0);
    expect((await cache.get('/old.txt', 'h1'))?.article.headline).toBe('Old');
    expect(byOrigin()).toBe(1);
    cache.put('/new.txt', 'h2', makeArticle('New', ['New news.']), NOW);
    await cache.flush();
    expect((await cache.get('/new.txt', 'h2'))?.article.headline).toBe('New');
    expect(byOrigin()).toBe(2);
    // Many puts outgrow the filter: it is made again, larger, and still knows every row.
    for (let i = 0; i < 5000; i++) cache.put(`/bulk-${i}.txt`, 'h', makeArticle(`Bulk ${i}`, ['Bulk.']), NOW);
    await cache.flush();
    for (let i = 0; i < 5000; i += 499) expect((await cache.get(`/bulk-${i}.txt`, 'h'))?.article.headline).toBe(`Bulk ${i}`);
    db.close();
  });
});

describe('OriginFilter', () => {
  it('never says absent of what it holds, and rarely present of what it does not', () => {
    const filter = new OriginFilter(10_000);
    const path = (i: number) => `/srv/herald/articles/${i.toString(36)}-story.txt`;
    for (let i = 0; i < 10_000; i++) filter.add(path(i));
    for (let i = 0; i < 10_000; i++) expect(filter.mayHold(path(i))).toBe(true);
    let wrong = 0;
    for (let i = 10_000; i < 30_000; i++) if (filter.mayHold(path(i))) wrong++;
    expect(wrong / 20_000).toBeLessThan(0.02);
    expect(filter.full).toBe(false);
    for (let i = 10_000; i < 20_000; i++) filter.add(path(i));
    expect(filter.full).toBe(true);
  });
});

describe('ingestion with the cache', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-ingest-'));
    db = openDatabase(join(dir, 'herald.db'));
    writeFileSync(join(dir, 'a.txt'), story('Talks to resume in Geneva', 'Negotiators will meet in Geneva on 3 March to resume the talks.'));
    writeFileSync(join(dir, 'b.txt'), story('Budget on 16 March', 'The chancellor will deliver the Budget on 16 March, the Treasury said.'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses every file once, then restores them all on restart with no parse', async () => {
    const first = await ingestDirectory(new MemoryLibrary(), dir, NOW, { cache: new SqliteArticleCache(db, 'p'), workers: 0 });
    expect({ parsed: first.parsed, fromCache: first.fromCache, added: first.added.length }).toEqual({ parsed: 2, fromCache: 0, added: 2 });

    const library = new MemoryLibrary();
    const restart = await ingestDirectory(library, dir, LATER, { cache: new SqliteArticleCache(db, 'p'), workers: 0 });
    expect({ parsed: restart.parsed, fromCache: restart.fromCache, added: restart.added.length }).toEqual({ parsed: 0, fromCache: 2, added: 2 });
    // Restored articles keep the time they were first ingested.
    expect(library.list().map((t) => t.ingestedAt.toISOString())).toEqual([NOW.toISOString(), NOW.toISOString()]);
  });

  it('re-parses only the file that changed', async () => {
    await ingestDirectory(new MemoryLibrary(), dir, NOW, { cache: new SqliteArticleCache(db, 'p'), workers: 0 });
    writeFileSync(join(dir, 'b.txt'), story('Budget moved to 23 March', 'The chancellor will now deliver the Budget on 23 March.'));
    const library = new MemoryLibrary();
    const restart = await ingestDirectory(library, dir, LATER, { cache: new SqliteArticleCache(db, 'p'), workers: 0 });
    expect({ parsed: restart.parsed, fromCache: restart.fromCache }).toEqual({ parsed: 1, fromCache: 1 });
    expect(library.list().map((t) => t.article.headline).sort()).toEqual(['Budget moved to 23 March', 'Talks to resume in Geneva']);
  });

  it('re-parses everything when the parser changes', async () => {
    await ingestDirectory(new MemoryLibrary(), dir, NOW, { cache: new SqliteArticleCache(db, 'parser-1'), workers: 0 });
    const restart = await ingestDirectory(new MemoryLibrary(), dir, LATER, { cache: new SqliteArticleCache(db, 'parser-2'), workers: 0 });
    expect(restart.parsed).toBe(2);
  });

  it('keeps ingestFile as before: unchanged content is skipped, and it caches what it parses', async () => {
    const cache = new SqliteArticleCache(db, 'p');
    const library = new MemoryLibrary();
    const file = join(dir, 'a.txt');
    expect(await ingestFile(library, file, NOW, { cache })).toBe('added');
    expect(await ingestFile(library, file, NOW, { cache })).toBe('unchanged');
    expect(await cache.size()).toBe(1);
    expect(await ingestFile(library, join(dir, 'missing.txt'), NOW, { cache })).toMatchObject({ error: expect.stringContaining('ENOENT') });
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

articleCacheContract(async (parser) => {
  const db = openDatabase(':memory:');
  return { cache: new SqliteArticleCache(db, parser), close: async () => void db.close() };
});

describe('the cache on a database file, written by the database worker (issue 17)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-cache-worker-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Another connection holding the write lock, as a disk-stalled or long write would: a main-thread write would wait for it. */
  const holdWriteLock = (path: string) => {
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    return () => {
      other.exec('COMMIT');
      other.close();
    };
  };
  const rowOf = (path: string, origin: string) => {
    const check = new Database(path, { readonly: true });
    try {
      return check.prepare('SELECT content_hash FROM article_cache WHERE origin = ?').get(origin) as { content_hash: string } | undefined;
    } finally {
      check.close();
    }
  };

  it("a new file's row is handed over: ingestion neither waits for the commit nor blocks the event loop, and the row is committed", async () => {
    const path = join(dir, 'herald.db');
    const stores = openSqliteStores(path, { checkpoints: true, log: pino({ level: 'silent' }) });
    // Were the row written on this thread, it would wait here (then fail SQLITE_BUSY) while the lock is held.
    stores.db.pragma('busy_timeout = 200');
    const file = join(dir, 'new.txt');
    writeFileSync(file, story('Talks to resume in Geneva', 'Negotiators will meet in Geneva on 3 March to resume the talks.'));
    const library = new MemoryLibrary();
    const release = holdWriteLock(path);
    const done = await ingestOne(library, file, NOW, { cache: stores.articleCache });
    expect(done.outcome).toBe('added');
    expect(library.byOriginPath(file)).toBeDefined();
    // The watcher hands the row over once the article is settled. It is written on the worker's connection:
    // the main connection makes no change (no wall-clock bound here: speed is the benches' job).
    const mainChanges = () => (stores.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const changesBefore = mainChanges();
    const write = stores.articleCache.flush();
    let committed = false;
    void write.then(() => (committed = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(committed).toBe(false);
    // Meanwhile the cache serves it from memory.
    const hash = library.byOriginPath(file)!.article.contentHash;
    expect((await stores.articleCache.get(file, hash))?.article.headline).toBe('Talks to resume in Geneva');
    release();
    await write;
    expect(rowOf(path, file)?.content_hash).toBe(hash);
    expect(mainChanges()).toBe(changesBefore);
    await stores.close();
  });

  it('a row handed over is committed by close() (the shutdown on SIGTERM), and a restart restores the file without parsing it', async () => {
    const path = join(dir, 'herald.db');
    const stores = openSqliteStores(path, { checkpoints: true, log: pino({ level: 'silent' }) });
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    const file = join(articles, 'new.txt');
    writeFileSync(file, story('Budget on 16 March', 'The chancellor will deliver the Budget on 16 March, the Treasury said.'));
    const release = holdWriteLock(path);
    const done = await ingestOne(new MemoryLibrary(), file, NOW, { cache: stores.articleCache });
    expect(done.outcome).toBe('added');
    void stores.articleCache.flush();
    // The shutdown starts while the write waits for the lock; it ends once the row is in.
    const closing = stores.close();
    setTimeout(release, 200);
    await closing;
    const reopened = openSqliteStores(path, { checkpoints: true, log: pino({ level: 'silent' }) });
    const restart = await ingestDirectory(new MemoryLibrary(), articles, LATER, { cache: reopened.articleCache, workers: 0 });
    expect(restart).toMatchObject({ added: [file], parsed: 0, fromCache: 1 });
    await reopened.close();
  });

  it('a batch neither the worker nor the main connection could write fails the flush that waits for it, not every later one', async () => {
    const path = join(dir, 'herald.db');
    const db = openDatabase(path);
    db.pragma('busy_timeout = 0');
    const cache = new SqliteArticleCache(db, 'p', { writeCacheRows: async () => false });
    const release = holdWriteLock(path);
    cache.put('/a.txt', 'h1', makeArticle('A', ['One.']), NOW);
    await expect(cache.flush()).rejects.toThrow(/locked|busy/i);
    release();
    cache.put('/b.txt', 'h2', makeArticle('B', ['Two.']), NOW);
    await cache.flush();
    expect(db.prepare('SELECT origin FROM article_cache').all()).toEqual([{ origin: '/b.txt' }]);
    db.close();
  });

  it('close() still stops the worker and closes the database when the last cache rows cannot be written', async () => {
    const path = join(dir, 'herald.db');
    const db = openDatabase(path);
    db.pragma('busy_timeout = 0');
    // A checkpointer whose worker never started: its rows fall to the main connection, which the lock refuses.
    const stores = sqliteStores(db, new WalCheckpointer(db, { path }));
    const release = holdWriteLock(path);
    stores.articleCache.put('/a.txt', 'h1', makeArticle('A', ['One.']), NOW);
    await expect(stores.close()).rejects.toThrow(/locked|busy/i);
    release();
    expect(db.open).toBe(false);
  });

  it('writes on the main connection when the worker does not write', async () => {
    const db = openDatabase(join(dir, 'herald.db'));
    const cache = new SqliteArticleCache(db, 'p', { writeCacheRows: async () => false });
    cache.put('/a.txt', 'h1', makeArticle('A', ['One.']), NOW);
    await cache.flush();
    expect((db.prepare('SELECT COUNT(*) AS n FROM article_cache').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
