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
