// Who sees an article (pure logic over the in-memory library): the operator's files are everyone's, a
// server's feed items that server's; a copy held by two origins shows each viewer an origin it may see.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ArticleScopes, ScopedLibrary } from '../../src/articles/scopes';
import { StoryIndex } from '../../src/stories/index';
import { makeArticle } from '../feeds/article-builder';

const at = new Date('2024-11-27T10:00:00Z');
const seed = makeArticle({ id: 'seed', headline: 'Alliance to approve border plan', organisations: [{ name: 'CSTO' }], places: ['Tajikistan', 'Afghanistan'], events: [{ date: '2024-11-28', description: 'CSTO to approve the border plan' }], published: '2024-11-26' });
const mine = makeArticle({ id: 'a1', headline: 'Border plan approval delayed', organisations: [{ name: 'CSTO' }], places: ['Tajikistan', 'Afghanistan'], events: [{ date: '2024-12-05', description: 'CSTO to approve the border plan' }], published: '2024-11-27' });
const copy = makeArticle({ id: 'c1', headline: 'Ferry strike in Aberdeen' });

function setup() {
  const library = new MemoryLibrary();
  const scopes = new ArticleScopes(library);
  library.upsert({ article: seed, origin: '/articles/seed.txt', ingestedAt: at });
  scopes.grant('https://a.example/1', 'A');
  library.upsert({ article: mine, origin: 'https://a.example/1', ingestedAt: at });
  scopes.grant('https://a.example/ferry', 'A');
  library.upsert({ article: copy, origin: 'https://a.example/ferry', ingestedAt: at });
  scopes.grant('https://b.example/ferry', 'B');
  library.upsert({ article: copy, origin: 'https://b.example/ferry', ingestedAt: at });
  return { library, scopes };
}

describe('per-server views of one library', () => {
  it('lists, resolves, suggests and counts only what the viewer may see', () => {
    const { library, scopes } = setup();
    const a = new ScopedLibrary(library, scopes, 'A');
    const b = new ScopedLibrary(library, scopes, 'B');
    const dm = new ScopedLibrary(library, scopes, null);
    expect(a.list().map((t) => t.article.id).sort()).toEqual(['a1', 'c1', 'seed']);
    expect(b.list().map((t) => t.article.id).sort()).toEqual(['c1', 'seed']);
    expect(dm.list().map((t) => t.article.id)).toEqual(['seed']);
    expect([a.size(), b.size(), dm.size(), library.size()]).toEqual([3, 2, 1, 3]);
    expect(b.get('a1')).toBeUndefined();
    expect(b.resolve('a1')).toBeUndefined();
    expect(b.resolve('Border plan approval delayed')).toBeUndefined();
    expect(b.suggest('delayed')).toEqual([]);
    expect(a.suggest('delayed').map((t) => t.article.id)).toEqual(['a1']);
    // No query: the newest article the viewer sees, never another server's.
    expect(b.resolve()?.article.id).not.toBe('a1');
  });

  it("shows each viewer an origin it may see: B's copy names B's link, never A's", () => {
    const { library, scopes } = setup();
    expect(library.get('c1')?.origin).toBe('https://a.example/ferry');
    expect(new ScopedLibrary(library, scopes, 'B').get('c1')?.origin).toBe('https://b.example/ferry');
    expect(new ScopedLibrary(library, scopes, 'A').get('c1')?.origin).toBe('https://a.example/ferry');
    expect(new ScopedLibrary(library, scopes, 'C').get('c1')).toBeUndefined();
  });

  it("walks a story only through articles the viewer sees; the operator's tools (undefined) see all", () => {
    const { library, scopes } = setup();
    const stories = new StoryIndex(library);
    const ids = (viewer: string | null | undefined) => stories.storyOf('seed', (t) => scopes.visible(t, viewer))?.articles.map((t) => t.article.id);
    expect(ids('A')).toEqual(['seed', 'a1']);
    expect(ids('B')).toEqual(['seed']);
    expect(ids(undefined)).toEqual(['seed', 'a1']);
    expect(stories.storyOf('a1', (t) => scopes.visible(t, 'B'))).toBeUndefined();
    expect(stories.bestLink(mine, 'https://a.example/1', (t) => scopes.visible(t, 'B'))?.tracked.article.id).toBe('seed');
    expect(stories.bestLink(seed, '/articles/seed.txt', (t) => scopes.visible(t, 'B'))).toBeUndefined();
  });

  it('a shared origin granted to a second server is seen by both; the operator granting it makes it everyone\'s', () => {
    const { library, scopes } = setup();
    const heard: string[] = [];
    scopes.onGrant((o) => heard.push(o));
    expect(scopes.grant('https://a.example/1', 'B')).toBe(true);
    expect(scopes.grant('https://a.example/1', 'B')).toBe(false);
    expect(new ScopedLibrary(library, scopes, 'B').get('a1')).toBeDefined();
    expect(new ScopedLibrary(library, scopes, null).get('a1')).toBeUndefined();
    scopes.grant('https://a.example/1', null);
    expect(new ScopedLibrary(library, scopes, null).get('a1')).toBeDefined();
    expect(heard).toEqual(['https://a.example/1', 'https://a.example/1']);
  });

  it('with no server-only origin every view is the whole library (the fast path)', () => {
    const library = new MemoryLibrary();
    const scopes = new ArticleScopes(library);
    library.upsert({ article: seed, origin: '/articles/seed.txt', ingestedAt: at });
    scopes.grant('https://g.example/1', null);
    expect(scopes.scoped).toBe(false);
    scopes.grant('https://a.example/1', 'A');
    expect(scopes.scoped).toBe(true);
    scopes.forget('https://a.example/1');
    expect(scopes.scoped).toBe(false);
  });
});
