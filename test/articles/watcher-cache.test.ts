// The articles folder and the parsed-article cache: what a restart finds follows the folder.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock';
import { MemoryLibrary } from '../../src/articles/library';
import { ArticlesWatcher } from '../../src/articles/watcher';
import { openDatabase } from '../../src/store/db';
import { SqliteArticleCache } from '../../src/store/article-cache';
import type { ArticleCache } from '../../src/articles/cache';
import { silent, tempDir } from '../feeds/harness';

describe('articles folder with the article cache', () => {
  it('drops a removed file from the cache, so the cache holds the folder as it is, not every file it ever had', async () => {
    const dir = join(tempDir('herald-folder-cache-'), 'articles');
    mkdirSync(dir);
    const cache = new SqliteArticleCache(openDatabase(':memory:'));
    const library = new MemoryLibrary();
    const watcher = new ArticlesWatcher({ dir, library, clock: new ManualClock('2024-11-27T10:00:00Z'), log: silent, fsWatch: false, rescanMs: 0, ingest: { cache } });
    writeFileSync(join(dir, 'quay.txt'), 'Harbour board approves new quay\n\nThe Harbour Board approved the northern quay on Monday. Work starts on 3 March 2025.\n');
    writeFileSync(join(dir, 'ferry.txt'), 'Ferry talks resume\n\nTalks on the ferry timetable resume on Monday, a spokesman said.\n');
    await watcher.scan();
    expect(library.size()).toBe(2);
    expect(await cache.size()).toBe(2);
    rmSync(join(dir, 'quay.txt'));
    await watcher.scan();
    expect(library.size()).toBe(1);
    expect(await cache.size()).toBe(1);
    const ferry = library.byOriginPath(join(dir, 'ferry.txt'));
    expect((await cache.get(join(dir, 'ferry.txt'), ferry!.article.contentHash))?.article.id).toBe(ferry!.article.id);
    await watcher.stop();
  });

  it("a new file's cache row is handed over only once the article and its reminders are settled (issue 17)", async () => {
    const dir = join(tempDir('herald-folder-cache-'), 'articles');
    mkdirSync(dir);
    const real = new SqliteArticleCache(openDatabase(':memory:'));
    const steps: string[] = [];
    const cache: ArticleCache = {
      get: (origin, hash) => real.get(origin, hash),
      put: (...args) => (steps.push('put'), real.put(...args)),
      remove: (origin) => real.remove(origin),
      flush: () => (steps.push('flush'), real.flush()),
      size: () => real.size(),
    };
    const library = new MemoryLibrary();
    const settled = async () => void steps.push('settled');
    const watcher = new ArticlesWatcher({ dir, library, clock: new ManualClock('2024-11-27T10:00:00Z'), log: silent, rescanMs: 0, debounceMs: 20, ingest: { cache }, settled });
    await watcher.start();
    steps.length = 0;
    const file = join(dir, 'quay.txt');
    writeFileSync(file, 'Harbour board approves new quay\n\nThe Harbour Board approved the northern quay on Monday. Work starts on 3 March 2025.\n');
    const deadline = Date.now() + 10_000;
    while (!steps.includes('flush') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await watcher.idle();
    expect(steps).toEqual(['put', 'settled', 'flush']);
    expect((await real.get(file, library.byOriginPath(file)!.article.contentHash))?.article.headline).toBe('Harbour board approves new quay');
    await watcher.stop();
  });
});
