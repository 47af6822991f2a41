import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { StoryIndex } from '../../src/stories/index';
import { movedEvents, sameStory, signature, storyScore } from '../../src/stories/link';
import { makeArticle } from '../feeds/article-builder';

const base = makeArticle({
  id: 'a1',
  headline: 'Alliance to approve border plan',
  organisations: [{ name: 'Collective Security Treaty Organization', acronym: 'CSTO' }],
  people: ['Imangali Tasmagambetov'],
  places: ['Tajikistan', 'Afghanistan'],
  events: [{ date: '2024-11-28', description: 'CSTO to approve the border plan' }],
  published: '2024-11-26',
});
const followUp = makeArticle({
  id: 'a2',
  headline: 'Border plan approval delayed',
  organisations: [{ name: 'CSTO', acronym: 'CSTO' }],
  people: ['Tasmagambetov'],
  places: ['Tajikistan', 'Afghanistan'],
  events: [{ date: '2024-12-05', description: 'CSTO to approve the border plan' }],
  published: '2024-11-28',
});
const unrelated = makeArticle({
  id: 'b1',
  headline: 'Ferry timetable changes',
  organisations: [{ name: 'Harbour Ferry Company' }],
  places: ['Scotland'],
  events: [{ date: '2024-12-09', description: 'winter timetable starts' }],
});
const sharesOneCountry = makeArticle({
  id: 'c1',
  headline: 'Earthquake in Afghanistan',
  places: ['Afghanistan', 'Pakistan'],
  organisations: [{ name: 'United Nations', acronym: 'UN' }],
});

describe('story linking', () => {
  it('links an article sharing the organisation, people, places and event with a tracked one', () => {
    const s = storyScore(signature(followUp), signature(base));
    expect(s.sharedEntities).toBe(4);
    expect(s.sharedEvents).toBe(1);
    expect(sameStory(s)).toBe(true);
  });

  it('does not link articles that share at most one place', () => {
    expect(sameStory(storyScore(signature(sharesOneCountry), signature(base)))).toBe(false);
    expect(sameStory(storyScore(signature(unrelated), signature(base)))).toBe(false);
  });

  it('finds the event whose date a newer article moved', () => {
    expect(movedEvents(signature(base), signature(followUp))).toEqual([
      { description: 'CSTO to approve the border plan', from: '2024-11-28', to: '2024-12-05', eventId: 'e1', toEnd: '2024-12-05', toPrecision: 'day' },
    ]);
    expect(movedEvents(signature(base), signature(base))).toEqual([]);
  });
});

describe('StoryIndex', () => {
  const library = () => {
    const lib = new MemoryLibrary();
    const index = new StoryIndex(lib);
    const at = new Date('2024-11-28T00:00:00Z');
    lib.upsert({ article: base, origin: 'https://news.example/a1', ingestedAt: at });
    lib.upsert({ article: unrelated, origin: 'https://news.example/b1', ingestedAt: at });
    lib.upsert({ article: followUp, origin: 'https://news.example/a2', ingestedAt: at });
    return { lib, index };
  };

  it('storyOf gives the whole story, oldest first, and a lone article as its own story', () => {
    const { index } = library();
    expect(index.storyOf('a2')?.articles.map((t) => t.article.id)).toEqual(['a1', 'a2']);
    expect(index.storyOf('a1')?.first.article.id).toBe('a1');
    expect(index.storyOf('b1')?.articles.map((t) => t.article.id)).toEqual(['b1']);
    expect(index.storyOf('nope')).toBeUndefined();
  });

  it('bestLink names the tracked article an update belongs to, with the moved date', () => {
    const { index } = library();
    const link = index.bestLink(followUp, 'https://news.example/a2');
    expect(link?.tracked.article.id).toBe('a1');
    expect(link?.moves).toEqual([{ description: 'CSTO to approve the border plan', from: '2024-11-28', to: '2024-12-05', eventId: 'e1', toEnd: '2024-12-05', toPrecision: 'day' }]);
    expect(index.bestLink(unrelated, 'https://news.example/b1')).toBeUndefined();
  });

  it('supersededBy names the older article\'s event a newer one moved (for reminders)', () => {
    const { index } = library();
    expect(index.supersededBy('a2')).toEqual([{ origin: 'https://news.example/a1', eventId: 'e1', from: '2024-11-28', to: '2024-12-05', toEnd: '2024-12-05', toPrecision: 'day' }]);
    expect(index.supersededBy('a1')).toEqual([]);
    expect(index.supersededBy('b1')).toEqual([]);
  });

  it('forgets removed articles', () => {
    const { lib, index } = library();
    lib.removeOrigin('https://news.example/a1');
    expect(index.storyOf('a2')?.articles.map((t) => t.article.id)).toEqual(['a2']);
  });
});
