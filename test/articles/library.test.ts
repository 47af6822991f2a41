import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryLibrary, type LibraryChange, type TrackedArticle } from '../../src/articles/library';
import { makeArticle, track } from '../answers/helpers';

const a = makeArticle('Harbour plan approved', ['The council approved the harbour plan.'], { id: 'harbour-aaaa' });
const b = makeArticle('Harbour plan delayed', ['The council delayed the harbour plan.'], { id: 'harbour-bbbb' });

function library() {
  const lib = new MemoryLibrary();
  const changes: string[] = [];
  lib.onChange((c: LibraryChange) => changes.push(`${c.type} ${c.tracked.article.id} ${c.tracked.origin}${c.type !== 'removed' && c.previous ? ` (was ${c.previous.article.id} ${c.previous.origin})` : ''}`));
  return { lib, changes };
}

describe('MemoryLibrary with identical files', () => {
  it('a second file with the same text holds the same article and announces nothing', () => {
    const { lib, changes } = library();
    lib.upsert(track(a, undefined, '/d/one.txt'));
    expect(lib.upsert(track(a, undefined, '/d/two.txt'))).toEqual({ type: 'added', tracked: track(a, undefined, '/d/one.txt') });
    expect(changes).toEqual(['added harbour-aaaa /d/one.txt']);
    expect(lib.size()).toBe(1);
    expect(lib.byOriginPath('/d/two.txt')?.origin).toBe('/d/one.txt');
  });

  it('the article lives while any file holds it; the copy takes over when the first file goes', () => {
    const { lib, changes } = library();
    lib.upsert(track(a, undefined, '/d/one.txt'));
    lib.upsert(track(a, undefined, '/d/two.txt'));
    lib.upsert(track(a, undefined, '/d/three.txt'));
    expect(lib.removeOrigin('/d/two.txt')).toBeUndefined();
    expect(lib.removeOrigin('/d/one.txt')?.type).toBe('updated');
    expect(lib.get('harbour-aaaa')?.origin).toBe('/d/three.txt');
    expect(lib.removeOrigin('/d/three.txt')?.type).toBe('removed');
    expect(lib.size()).toBe(0);
    expect(changes).toEqual(['added harbour-aaaa /d/one.txt', 'updated harbour-aaaa /d/three.txt (was harbour-aaaa /d/one.txt)', 'removed harbour-aaaa /d/three.txt']);
  });

  it('editing one of two identical files keeps the old article in the other and adds the new one', () => {
    const { lib, changes } = library();
    lib.upsert(track(a, undefined, '/d/one.txt'));
    lib.upsert(track(a, undefined, '/d/two.txt'));
    lib.upsert(track(b, undefined, '/d/one.txt'));
    expect(lib.list().map((t) => [t.article.id, t.origin]).sort()).toEqual([['harbour-aaaa', '/d/two.txt'], ['harbour-bbbb', '/d/one.txt']]);
    expect(changes).toEqual(['added harbour-aaaa /d/one.txt', 'updated harbour-aaaa /d/two.txt (was harbour-aaaa /d/one.txt)', 'added harbour-bbbb /d/one.txt']);
  });

  it('editing a file that alone holds its article is an update, as before', () => {
    const { lib, changes } = library();
    lib.upsert(track(a, undefined, '/d/one.txt'));
    lib.upsert(track(b, undefined, '/d/one.txt'));
    expect(lib.size()).toBe(1);
    expect(changes).toEqual(['added harbour-aaaa /d/one.txt', 'updated harbour-bbbb /d/one.txt (was harbour-aaaa /d/one.txt)']);
  });
});

describe('MemoryLibrary.resolve by headline', () => {
  // Headlines that normalise alike (case, punctuation) and ingestion times that tie: the first in the library's order wins.
  const HEADLINES = ['Harbour plan approved', 'HARBOUR plan: approved!', 'Harbour plan delayed', 'Port strike ends'];
  const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  /** What resolve() gave when it scanned every article in order. */
  const scanned = (lib: MemoryLibrary, query: string, keep?: (t: TrackedArticle) => boolean) => {
    const ok = (t: TrackedArticle | undefined) => t !== undefined && (!keep || keep(t));
    const exact = lib.get(query.trim());
    if (ok(exact)) return exact;
    const first = lib.list().find((t) => norm(t.article.headline) === norm(query) && ok(t));
    if (first) return first;
    const matches = lib.suggest(query, 2, keep);
    return matches.length === 1 ? matches[0] : undefined;
  };

  it('finds what scanning every article in order found, after any sequence of adds, edits and removals', () => {
    const op = fc.record({ n: fc.integer({ min: 0, max: 9 }), headline: fc.integer({ min: 0, max: 3 }), minute: fc.integer({ min: 0, max: 2 }), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const lib = new MemoryLibrary();
        for (const o of ops) {
          if (o.remove) lib.removeOrigin(`/d/${o.n}.txt`);
          else lib.upsert(track(makeArticle(HEADLINES[o.headline], [`Text ${o.n}.`], { id: `a-${o.n}-${o.headline}` }), new Date(Date.UTC(2026, 10, 27, 12, o.minute)), `/d/${o.n}.txt`));
        }
        const odd = (t: TrackedArticle) => Number(t.article.id.split('-')[1]) % 2 === 1;
        for (const query of [...HEADLINES, 'harbour plan approved', 'Harbour']) {
          expect(lib.resolve(query)).toEqual(scanned(lib, query));
          expect(lib.resolve(query, odd)).toEqual(scanned(lib, query, odd));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('MemoryLibrary.suggest (autocomplete)', () => {
  const WORDS = ['harbour', 'harb', 'plan', 'planning', 'port', 'ort', 'strike', 'café', 'Zürich'];
  const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  /** What suggest() gave when it tested every article in order. */
  const scanned = (lib: MemoryLibrary, query: string, limit: number, keep?: (t: TrackedArticle) => boolean) => {
    const words = norm(query).split(' ').filter(Boolean);
    const out: TrackedArticle[] = [];
    for (const t of lib.list()) {
      const haystack = `${norm(t.article.headline)} ${t.article.id}`;
      if (words.every((w) => haystack.includes(w)) && (!keep || keep(t))) {
        out.push(t);
        if (out.length >= limit) break;
      }
    }
    return out;
  };

  it('suggests what testing every article in order suggested, after any sequence of adds, edits and removals', () => {
    const headline = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const op = fc.record({ n: fc.integer({ min: 0, max: 12 }), headline, minute: fc.integer({ min: 0, max: 3 }), remove: fc.boolean() });
    const query = fc.oneof(fc.constantFrom('', ' ', 'harb', 'HARBOUR plan', 'ort', 'a-1', 'zur', 'CAFE', 'plan strike', 'nothing'), fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }).map((w) => w.join(' ')));
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(query, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 5 }), (ops, queries) => {
        const lib = new MemoryLibrary();
        const odd = (t: TrackedArticle) => Number(t.article.id.split('-')[1]) % 2 === 1;
        for (const o of ops) {
          if (o.remove) lib.removeOrigin(`/d/${o.n}.txt`);
          else lib.upsert(track(makeArticle(o.headline, [`Text ${o.n}.`], { id: `a-${o.n}-${o.minute}` }), new Date(Date.UTC(2026, 10, 27, 12, o.minute)), `/d/${o.n}.txt`));
          // Searches between changes: the search text is made again after each change.
          const [q, limit] = queries[o.n % queries.length];
          expect(lib.suggest(q, limit)).toEqual(scanned(lib, q, limit));
        }
        for (const [q, limit] of queries) {
          expect(lib.suggest(q, limit)).toEqual(scanned(lib, q, limit));
          expect(lib.suggest(q, limit, odd)).toEqual(scanned(lib, q, limit, odd));
        }
      }),
      { numRuns: 300 },
    );
  });
});
