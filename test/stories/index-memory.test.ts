// The story index's own memory per article (issue 17: 10,000 articles within 300 MB): its signatures'
// word and key lists and its link lists are arrays of exactly their length, not Sets, which took
// about 21.6 MB at the scale bench's 10,000 articles against 12.7 MB now. Measured here over 3,000
// generated articles with full garbage collections around the index's construction.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { StoryIndex } from '../../src/stories/index';
import { signature } from '../../src/stories/link';
import { makeArticle } from '../feeds/article-builder';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const BODIES = ['Harbour Board', 'Water Authority', 'Transit Council', 'Energy Agency', 'Port Commission', 'Housing Trust', 'Rail Office', 'Health Board'];
const TOWNS = ['Eastbay', 'Kestrel', 'Northport', 'Wexmoor', 'Hallam', 'Orrin', 'Lindale', 'Corrow', 'Ashby', 'Penmoor', 'Dunford'];
const PEOPLE = ['Lindgren', 'Reyes', 'Calder', 'Brandt', 'Haddon', 'Varga', 'Nandan', 'Okafor', 'Moreau', 'Sato', 'Quinn', 'Petrov', 'Tanaka'];
const WHAT = ['vote on the ferry terminal', 'budget hearing', 'strike over pay', 'bridge reopening', 'tariff review', 'election of a chair'];

/** Article `i` of a library where stories of about four articles share a body, a town and a person. */
function article(i: number) {
  const story = Math.floor(i / 4);
  const body = `${TOWNS[story % TOWNS.length]} ${BODIES[story % BODIES.length]} ${story}`;
  const what = WHAT[story % WHAT.length];
  return makeArticle({
    id: `a${i}`,
    headline: `${body} sets ${what} for ${1 + (i % 28)} March after delay ${i % 4}`,
    organisations: [{ name: body }],
    people: [`Anna ${PEOPLE[story % PEOPLE.length]}`, `Tomas ${PEOPLE[(story + i) % PEOPLE.length]}`],
    places: [TOWNS[story % TOWNS.length], TOWNS[(story * 7 + 3) % TOWNS.length]],
    events: [
      { date: `2027-03-${String(1 + (i % 28)).padStart(2, '0')}`, description: `${body} to hold the ${what}` },
      { date: `2027-04-${String(1 + (story % 28)).padStart(2, '0')}`, description: `report on the ${what} published by the ${body}` },
      { date: '2027-05-01', description: `${TOWNS[i % TOWNS.length]} council meets on the ${what}` },
    ],
    published: '2026-11-26',
  });
}

describe('the story index in memory', () => {
  it('keeps each signature list as an array of distinct items, in order', () => {
    const sig = signature(makeArticle({ id: 'x', headline: 'Vote on ferry vote delayed: council vote', places: ['Eastbay', 'Eastbay'], events: [{ date: '2027-03-01', description: 'council vote on the ferry' }] }));
    expect(sig.headlineWords).toEqual(['vote', 'ferry', 'delayed', 'council']);
    expect(sig.profile.keys).toEqual(['place:eastbay']);
    expect(sig.events.map((e) => e.words)).toEqual([['council', 'vote', 'ferry']]);
  });

  it('holds at most 1,800 bytes of its own per article over 3,000 articles', () => {
    const library = new MemoryLibrary();
    for (let i = 0; i < 3_000; i++) library.upsert({ article: article(i), origin: `a${i}.txt`, ingestedAt: new Date(Date.UTC(2026, 10, 26, 0, 0, i)) });
    const before = heapUsed();
    const index = new StoryIndex(library);
    const perArticle = (heapUsed() - before) / library.size();
    expect(index.storyOf('a5')?.articles.map((t) => t.article.id)).toEqual(expect.arrayContaining(['a4', 'a5', 'a6', 'a7']));
    // Sets: 2,450 bytes an article here; exact arrays: 1,440.
    expect(perArticle).toBeLessThan(1_800);
  }, 60_000);
});
