// The story index gives exactly what scoring every pair gives (the definition it replaces), while a
// change updates only the links of the articles it belongs to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryLibrary, type TrackedArticle } from '../../src/articles/library';
import { STORY_MAX, StoryIndex, publishedAt } from '../../src/stories/index';
import { movedEvents, sameStory, signature, storyScore } from '../../src/stories/link';
import { makeArticle } from '../feeds/article-builder';

const ORGS = [
  { name: 'Collective Security Treaty Organization', acronym: 'CSTO' },
  { name: 'Northern Grain Council', acronym: 'NGC' },
  { name: 'Baltic Railway Authority' },
  { name: 'United Nations', acronym: 'UN' },
];
const PEOPLE = ['Imangali Tasmagambetov', 'Anna Rossi', 'Boris Novak', 'Priya Sato'];
const PLACES = ['Tajikistan', 'Afghanistan', 'Riga', 'Geneva', 'Lima'];
const WORDS = ['border', 'plan', 'approve', 'strike', 'railway', 'summit', 'delayed', 'grain'];
const DATES = ['2024-11-28', '2024-12-05', '2025-01-10'];
const DESCRIPTIONS = ['council to approve the border plan', 'workers begin the railway strike', 'leaders hold the grain summit'];

const articleArb = fc.record({
  orgs: fc.subarray(ORGS, { maxLength: 2 }),
  people: fc.subarray(PEOPLE, { maxLength: 2 }),
  places: fc.subarray(PLACES, { maxLength: 3 }),
  words: fc.subarray(WORDS, { minLength: 1, maxLength: 4 }),
  events: fc.array(fc.record({ date: fc.constantFrom(...DATES), description: fc.constantFrom(...DESCRIPTIONS) }), { maxLength: 2 }),
  published: fc.constantFrom('2024-11-20', '2024-11-26', '2024-11-28'),
  origin: fc.integer({ min: 0, max: 11 }),
  source: fc.constantFrom(undefined, 'Test Wire', 'Harbour Post'),
  // A correction: "An earlier version of this story said it would be on <date>" (a date it withdraws).
  withdraws: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
});


function build(ops: { remove: boolean; spec: typeof articleArb extends fc.Arbitrary<infer T> ? T : never }[], common?: { share: number; floor: number }) {
  const library = new MemoryLibrary();
  const index = new StoryIndex(library, common);
  ops.forEach((op, n) => {
    const origin = `https://news.example/${op.spec.origin}`;
    if (op.remove) {
      library.removeOrigin(origin);
      return;
    }
    const article = makeArticle({
      id: `a${n}`,
      headline: op.spec.words.join(' '),
      organisations: op.spec.orgs,
      people: op.spec.people,
      places: op.spec.places,
      events: op.spec.events,
      published: op.spec.published,
      source: op.spec.source,
      paragraphs: op.spec.withdraws ? [`An earlier version of this story said it would be on ${op.spec.withdraws}.`] : undefined,
    });
    if (op.spec.withdraws) {
      const text = article.sentences[0].text;
      const start = text.indexOf(op.spec.withdraws);
      article.timexes = [{ text: op.spec.withdraws, type: 'date', value: op.spec.withdraws, sentence: 0, start, end: start + op.spec.withdraws.length }];
    }
    library.upsert({ article, origin, ingestedAt: new Date(Date.UTC(2024, 10, 28, 0, n)) });
  });
  return { library, index };
}

/** The definitions, by scoring every pair (with the index's common keys, which link nothing). */
function bruteForce(all: TrackedArticle[], common?: ReadonlySet<string>) {
  const sig = new Map(all.map((t) => [t.article.id, signature(t.article)]));
  const links = (a: TrackedArticle, b: TrackedArticle) => a !== b && sameStory(storyScore(sig.get(a.article.id)!, sig.get(b.article.id)!, common));
  const storyOf = (start: TrackedArticle) => {
    const members = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const current = queue.shift()!;
      for (const t of all) if (!members.has(t) && links(current, t)) (members.add(t), queue.push(t));
    }
    return [...members].sort((a, b) => publishedAt(a) - publishedAt(b) || a.article.headline.localeCompare(b.article.headline) || (a.article.id < b.article.id ? -1 : 1)).map((t) => t.article.id);
  };
  const superseded = (newer: TrackedArticle) =>
    all
      .filter((t) => t !== newer && t.origin !== newer.origin && publishedAt(t) <= publishedAt(newer) && links(newer, t))
      .flatMap((t) => movedEvents(sig.get(t.article.id)!, sig.get(newer.article.id)!).map((m) => `${t.origin} ${m.eventId} ${m.from} ${m.to}`))
      .sort();
  const linkingTo = (a: TrackedArticle) => all.filter((t) => links(t, a)).map((t) => t.article.id).sort();
  return { storyOf, superseded, linkingTo };
}

describe('StoryIndex', () => {
  it('gives the same stories, links and superseded events as scoring every pair, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ remove: fc.boolean(), spec: articleArb }), { minLength: 1, maxLength: 30 }), (ops) => {
        const { library, index } = build(ops);
        const all = library.list();
        const brute = bruteForce(all);
        for (const t of all) {
          const id = t.article.id;
          expect(index.storyOf(id)?.articles.map((s) => s.article.id)).toEqual(brute.storyOf(t));
          expect(index.supersededBy(id).map((s) => `${s.origin} ${s.eventId} ${s.from} ${s.to}`).sort()).toEqual(brute.superseded(t));
          expect(index.linkingTo(id).map((l) => l.tracked.article.id).sort()).toEqual(brute.linkingTo(t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stays equal to scoring every pair while entities become common and ordinary again (small bounds)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ remove: fc.boolean(), spec: articleArb }), { minLength: 1, maxLength: 40 }), (ops) => {
        const { library, index } = build(ops, { share: 0.25, floor: 3 });
        const all = library.list();
        const common = index.commonKeys();
        // Every common key is widespread: named by more than half the bound (the margin before it is ordinary again).
        const df = new Map<string, number>();
        for (const t of all) for (const k of signature(t.article).profile.keys) df.set(k, (df.get(k) ?? 0) + 1);
        for (const k of common) expect(df.get(k) ?? 0).toBeGreaterThan(Math.max(3, Math.ceil(0.25 * all.length)) / 2);
        const brute = bruteForce(all, common);
        for (const t of all) {
          const id = t.article.id;
          expect(index.storyOf(id)?.articles.map((s) => s.article.id)).toEqual(brute.storyOf(t));
          expect(index.linkingTo(id).map((l) => l.tracked.article.id).sort()).toEqual(brute.linkingTo(t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps one copy of each key and word its signatures share, and drops a string with its last article', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ remove: fc.boolean(), spec: articleArb }), { minLength: 1, maxLength: 30 }), (ops) => {
        const { library, index } = build(ops);
        const held = new Set<string>();
        for (const t of library.list()) {
          const sig = index.signatureOf(t.article.id)!;
          // The shared signature says what a signature of its own says.
          const own = signature(t.article);
          expect(sig.profile.keys).toEqual(own.profile.keys);
          expect(sig.headlineWords).toEqual(own.headlineWords);
          expect(sig.events.map((e) => e.words)).toEqual(own.events.map((e) => e.words));
          expect([sig.source, sig.correction]).toEqual([own.source, own.correction]);
          if (sig.source) held.add(sig.source);
          for (const k of sig.profile.keys) held.add(k);
          for (const w of sig.headlineWords) held.add(w);
          for (const e of sig.events) for (const w of e.words) held.add(w);
        }
        expect(index.sharedStrings()).toBe(held.size);
        for (const origin of library.origins()) library.removeOrigin(origin);
        expect(index.sharedStrings()).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('names the touched articles of a change: the article and the articles on its story, not the rest', () => {
    const library = new MemoryLibrary();
    const index = new StoryIndex(library);
    const spec = { organisations: [ORGS[0]], people: [PEOPLE[0]], places: ['Tajikistan', 'Afghanistan'], published: '2024-11-26' };
    library.upsert({ article: makeArticle({ id: 'a1', headline: 'Alliance to approve border plan', ...spec }), origin: 'o1', ingestedAt: new Date(0) });
    library.upsert({ article: makeArticle({ id: 'b1', headline: 'Ferry timetable changes', places: ['Scotland'] }), origin: 'o2', ingestedAt: new Date(0) });
    const change = library.upsert({ article: makeArticle({ id: 'a2', headline: 'Border plan approval delayed', ...spec }), origin: 'o3', ingestedAt: new Date(0) });
    expect(index.touchedBy(change).sort()).toEqual(['a1', 'a2']);
    const removal = library.removeOrigin('o1')!;
    expect(index.touchedBy(removal).sort()).toEqual(['a1', 'a2']);
    expect(index.storyOf('a2')?.articles.map((t) => t.article.id)).toEqual(['a2']);
  });

  it('an entity turning common touches only the articles whose links it cuts, not every article naming it', () => {
    const library = new MemoryLibrary();
    // Common above 4 articles: the fifth naming Ruritania makes it common.
    const index = new StoryIndex(library, { share: 0.01, floor: 4 });
    const add = (id: string, headline: string, people: string[], places: string[]) =>
      library.upsert({ article: makeArticle({ id, headline, people, places, published: '2024-11-26' }), origin: `${id}.txt`, ingestedAt: new Date(0) });
    // w1–w2 share two people (w2 does not name Ruritania); x1–x2 share Ruritania and one person; y1–y2 Ruritania and three people.
    add('w1', 'Quarry reopens', ['Dmitri Delta', 'Elena Epsilon'], ['Ruritania']);
    add('w2', 'Mill closes', ['Dmitri Delta', 'Elena Epsilon'], []);
    add('x1', 'Ferry sails', ['Anna Alpha'], ['Ruritania']);
    add('x2', 'Harbour dredged', ['Anna Alpha'], ['Ruritania']);
    add('y1', 'Orchestra tours', ['Boris Beta', 'Carla Gamma', 'Karl Kappa'], ['Ruritania']);
    expect(index.commonKeys().size).toBe(0);
    expect(index.linkingTo('x2').map((l) => l.tracked.article.id)).toEqual(['x1']);
    const change = add('y2', 'Violinist retires', ['Boris Beta', 'Carla Gamma', 'Karl Kappa'], ['Ruritania']);
    expect([...index.commonKeys()]).toEqual(['place:ruritania']);
    // x1–x2 were linked through Ruritania and one person: cut. y1–y2 keep three people; w1–w2 never shared Ruritania.
    expect(index.linkingTo('x2')).toEqual([]);
    expect(index.linkingTo('y2').map((l) => l.tracked.article.id)).toEqual(['y1']);
    expect(index.linkingTo('w2').map((l) => l.tracked.article.id)).toEqual(['w1']);
    // Reminders reconcile what a change touches: the new article, its story, and the two articles of the cut link.
    expect(index.touchedBy(change).sort()).toEqual(['x1', 'x2', 'y1', 'y2']);
  });
});

describe('what does not link stories', () => {
  const at = (n: number) => new Date(Date.UTC(2024, 10, 1, 0, n));

  it('news agencies and outlets: two unrelated articles both citing Reuters, the Associated Press and their own source are two stories', () => {
    const library = new MemoryLibrary();
    const index = new StoryIndex(library);
    const outlets = [{ name: 'Reuters' }, { name: 'Associated Press', acronym: 'AP' }, { name: 'Daily Ledger' }, { name: 'Harbour Gazette' }];
    const a = makeArticle({ id: 'strike', headline: 'Dock workers strike in Riga', organisations: outlets, places: ['Riga'], published: '2024-11-26', source: 'Harbour Gazette' });
    const b = makeArticle({ id: 'vote', headline: 'Lima council votes on budget', organisations: outlets, places: ['Lima'], published: '2024-11-26', source: 'Harbour Gazette' });
    library.upsert({ article: a, origin: 'a.txt', ingestedAt: at(0) });
    library.upsert({ article: b, origin: 'b.txt', ingestedAt: at(1) });
    expect(signature(a).profile.keys).toEqual(['place:riga']);
    expect(index.storyOf('strike')?.articles.map((t) => t.article.id)).toEqual(['strike']);
    expect(index.linkingTo('vote')).toEqual([]);
  });

  it('entities named by a large share of the library: they link nothing, so unrelated stories do not chain through them', () => {
    const library = new MemoryLibrary();
    const index = new StoryIndex(library, { share: 0.1, floor: 5 });
    // 30 stories of two articles each; every article names Ruritania and the Ruritanian Broadcasting Union (not an outlet name).
    for (let s = 0; s < 30; s++) {
      for (const part of [0, 1]) {
        const article = makeArticle({
          id: `s${s}-${part}`,
          headline: part === 0 ? 'Harbour plan announced' : 'Harbour plan debated',
          organisations: [{ name: 'Ruritanian Broadcasting Union', acronym: 'RBU' }],
          people: [`Anna Minister${s}`, `Boris Deputy${s}`],
          places: ['Ruritania'],
          published: '2024-11-26',
        });
        library.upsert({ article, origin: `s${s}-${part}.txt`, ingestedAt: at(2 * s + part) });
      }
    }
    expect([...index.commonKeys()].sort()).toEqual(['org:rbu', 'place:ruritania']);
    for (let s = 0; s < 30; s++) expect(index.storyOf(`s${s}-0`)?.articles.map((t) => t.article.id).sort()).toEqual([`s${s}-0`, `s${s}-1`]);
    // Below the floor nothing is common: five articles naming one country are not yet "everyone".
    const small = new MemoryLibrary();
    const smallIndex = new StoryIndex(small, { share: 0.1, floor: 5 });
    for (let s = 0; s < 5; s++) small.upsert({ article: makeArticle({ id: `t${s}`, headline: `T ${s}`, places: ['Ruritania'] }), origin: `t${s}`, ingestedAt: at(s) });
    expect(smallIndex.commonKeys().size).toBe(0);
  });
});

describe('MemoryLibrary order', () => {
  it('keeps newest first (ties by headline) through any sequence of upserts and removals, as sorting would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ origin: fc.integer({ min: 0, max: 8 }), minute: fc.integer({ min: 0, max: 4 }), headline: fc.constantFrom('Alpha', 'beta', 'Gamma', 'delta', 'Épée'), remove: fc.boolean() }), { maxLength: 40 }),
        (ops) => {
          const library = new MemoryLibrary();
          ops.forEach((op, n) => {
            if (op.remove) library.removeOrigin(`o${op.origin}`);
            else library.upsert({ article: makeArticle({ id: `id${n}`, headline: op.headline }), origin: `o${op.origin}`, ingestedAt: new Date(op.minute * 60_000) });
          });
          const listed = library.list();
          const sorted = [...listed].sort((a, b) => b.ingestedAt.getTime() - a.ingestedAt.getTime() || a.article.headline.localeCompare(b.article.headline));
          expect(listed.map((t) => [t.ingestedAt.getTime(), t.article.headline])).toEqual(sorted.map((t) => [t.ingestedAt.getTime(), t.article.headline]));
          expect(listed.length).toBe(library.size());
          expect(library.resolve()?.article.id).toBe(listed[0]?.article.id);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('storyOf on a long chain of links', () => {
  it('stops at STORY_MAX articles, the closest first, and says the story goes on', () => {
    const library = new MemoryLibrary();
    const index = new StoryIndex(library);
    // Each article names its neighbours' people: a chain a0 – a1 – … – a79, every link backed by two entities.
    for (let i = 0; i < 80; i++) {
      const article = makeArticle({ id: `a${i}`, headline: `Chain ${i}`, people: [`Anna P${i}`, `Boris P${i + 1}`], places: [`Town${i}`, `Town${i + 1}`], published: '2024-11-26' });
      library.upsert({ article, origin: `o${i}`, ingestedAt: new Date(Date.UTC(2024, 10, 1, 0, i)) });
    }
    const story = index.storyOf('a40');
    expect(story?.articles).toHaveLength(STORY_MAX);
    expect(story?.truncated).toBe(true);
    // Breadth first from a40: the 49 nearest along the chain, 24 or 25 links either side.
    const ids = new Set(story?.articles.map((t) => Number(t.article.id.slice(1))));
    for (let d = 0; d <= 24; d++) expect(ids.has(40 - d) && ids.has(40 + d)).toBe(true);
    // Cut the chain at a2: a0–a1 is a story of two, whole.
    library.removeOrigin('o2');
    expect(index.storyOf('a1')?.articles.map((t) => t.article.id)).toEqual(['a0', 'a1']);
    expect(index.storyOf('a1')?.truncated).toBeUndefined();
  });
});
