import { describe, expect, it } from 'vitest';
import { MemoryLibrary, type LibraryChange } from '../../src/articles/library';
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
