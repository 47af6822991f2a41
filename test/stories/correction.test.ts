// A correction ("An earlier version of this story said the vote would be held on 1 December. It will be
// held on 9 December.") withdraws a date, which is then no event of its own (events.ts). It still belongs
// to the story it corrects, by the same source, and moves the withdrawn event to its new date. Articles
// written for this test.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { parseArticle } from '../../src/articles/parse';
import { StoryIndex } from '../../src/stories/index';
import { VOTE, amendmentBy, correctionBy } from './correction-articles';
import { correctionOf, movedEvents, sameStory, signature, storyScore } from '../../src/stories/link';

const now = new Date('2026-11-24T12:00:00Z');
function parse(text: string) {
  const r = parseArticle(text, { now, origin: 'test' });
  if (!r.ok) throw new Error(r.error);
  return r.article;
}

const vote = parse(VOTE);
const correction = parse(correctionBy('Harbourside Gazette'));

describe('a correction of an earlier article', () => {
  it('withdraws 1 December and gives 9 December instead', () => {
    expect(correction.events.map((e) => e.date)).not.toContain('2026-12-01');
    expect(correctionOf(correction)).toEqual({ withdrawn: [{ date: '2026-12-01', to: '2026-12-09' }] });
    expect(correctionOf(vote)).toBeUndefined();
  });

  it('is on the story of the article it corrects, both ways', () => {
    expect(sameStory(storyScore(signature(correction), signature(vote)))).toBe(true);
    expect(sameStory(storyScore(signature(vote), signature(correction)))).toBe(true);
  });

  it('moves the withdrawn event of the older article to the corrected date', () => {
    const voteEvent = vote.events.find((e) => e.date === '2026-12-01')!;
    expect(movedEvents(signature(vote), signature(correction))).toEqual([{ description: voteEvent.description, from: '2026-12-01', to: '2026-12-09', eventId: voteEvent.id, toEnd: '2026-12-09', toPrecision: 'day' }]);
  });

  it('joins the story in the story index, whose supersession names the moved event', () => {
    const library = new MemoryLibrary();
    const index = new StoryIndex(library);
    library.upsert({ article: vote, origin: 'vote.txt', ingestedAt: now });
    library.upsert({ article: correction, origin: 'correction.txt', ingestedAt: now });
    expect(index.storyOf(vote.id)?.articles.map((t) => t.origin)).toEqual(['vote.txt', 'correction.txt']);
    expect(index.storyOf(correction.id)?.articles.map((t) => t.origin)).toEqual(['vote.txt', 'correction.txt']);
    const voteEvent = vote.events.find((e) => e.date === '2026-12-01')!;
    expect(index.supersededBy(correction.id)).toEqual([{ origin: 'vote.txt', eventId: voteEvent.id, from: '2026-12-01', to: '2026-12-09', toEnd: '2026-12-09', toPrecision: 'day' }]);
    expect(index.supersededBy(vote.id)).toEqual([]);
  });

  it('a correction that names no source, or only its web address, is of the story of its publisher', () => {
    const unnamed = parse(correctionBy('Harbourside Gazette').replace('source: Harbourside Gazette\n', ''));
    expect(unnamed.meta.source).toBeUndefined();
    expect(sameStory(storyScore(signature(unnamed), signature(vote)))).toBe(true);
    expect(movedEvents(signature(vote), signature(unnamed)).map((m) => [m.from, m.to])).toEqual([['2026-12-01', '2026-12-09']]);
    // by web address: the same host is the same publisher, another host another one
    const at = (host: string, text: string) => parse(text.replace(/source: [^\n]*\n/, `url: https://${host}/news/vote.html\n`));
    const original = at('www.harbourside.example', VOTE);
    expect(sameStory(storyScore(signature(at('harbourside.example', correctionBy(''))), signature(original)))).toBe(true);
    expect(sameStory(storyScore(signature(at('courier.example', correctionBy(''))), signature(original)))).toBe(false);
  });

  it("another source's correction is not of this story through the date it withdraws", () => {
    const other = parse(correctionBy('Coastal Courier'));
    expect(sameStory(storyScore(signature(other), signature(vote)))).toBe(false);
    expect(movedEvents(signature(vote), signature(other))).toEqual([]);
  });
});

describe('an amendment note ("This article has been amended … 9 December, not 1 December")', () => {
  it('withdraws 1 December, is on the story of the article it corrects and moves its event to 9 December', () => {
    const amended = parse(amendmentBy('Harbourside Gazette'));
    expect(amended.events.map((e) => e.date)).toEqual(['2026-12-09']);
    expect(correctionOf(amended)).toEqual({ withdrawn: [{ date: '2026-12-01', to: '2026-12-09' }] });
    expect(sameStory(storyScore(signature(amended), signature(vote)))).toBe(true);
    const voteEvent = vote.events.find((e) => e.date === '2026-12-01')!;
    expect(movedEvents(signature(vote), signature(amended))).toEqual([{ description: voteEvent.description, from: '2026-12-01', to: '2026-12-09', eventId: voteEvent.id, toEnd: '2026-12-09', toPrecision: 'day' }]);
  });
});
