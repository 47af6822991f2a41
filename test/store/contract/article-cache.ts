// The ArticleCache contract, on SQLite (test/store/article-cache.test.ts runs the SQLite details) and
// PostgreSQL (test/postgres/stores.test.ts).
import { describe, expect, it } from 'vitest';
import type { ArticleCache } from '../../../src/articles/cache';
import { parseArticle } from '../../../src/articles/parse';

export type OpenArticleCache = (parser: string) => Promise<{ cache: ArticleCache; close(): Promise<void> }>;

const NOW = new Date('2026-11-27T10:00:00Z');

function article(headline: string) {
  const parsed = parseArticle(`${headline}\n\nTalks resume on 3 December 2026 in Geneva, officials said.`, { now: NOW, origin: '/a.txt' });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.article;
}

export function articleCacheContract(open: OpenArticleCache): void {
  describe('ArticleCache contract', () => {
    it('returns what was put for the same origin, content hash and parser, and misses otherwise', async () => {
      const a = await open('parser-a');
      const b = await open('parser-b');
      try {
        const talks = article('Talks resume');
        a.cache.put('/a.txt', 'h1', talks, NOW);
        expect((await a.cache.get('/a.txt', 'h1'))?.article.headline).toBe('Talks resume'); // buffered
        await a.cache.flush();
        const again = await a.cache.get('/a.txt', 'h1');
        expect(again?.article).toEqual(talks);
        expect(again?.ingestedAt.toISOString()).toBe(NOW.toISOString());
        expect(await a.cache.get('/a.txt', 'h2')).toBeUndefined();
        expect(await b.cache.get('/a.txt', 'h1')).toBeUndefined();
        expect(await a.cache.size()).toBe(1);
        a.cache.remove('/a.txt');
        expect(await a.cache.get('/a.txt', 'h1')).toBeUndefined();
        expect(await a.cache.size()).toBe(0);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('writes a large batch (more than one buffer) in full', async () => {
      const { cache, close } = await open('p');
      try {
        const one = article('Many');
        for (let i = 0; i < 1203; i++) cache.put(`/f${i}.txt`, `h${i}`, one, NOW);
        await cache.flush();
        expect(await cache.size()).toBe(1203);
        expect((await cache.get('/f1202.txt', 'h1202'))?.article.headline).toBe('Many');
      } finally {
        await close();
      }
    });
  });
}
