import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MemoryLibrary, type TrackedArticle } from '../../src/articles/library';
import { ArticleScopes } from '../../src/articles/scopes';
import { ManualClock } from '../../src/core/clock';
import { NotScheduled } from '../../src/reminders/not-scheduled';
import { noReminderReason } from '../../src/reminders/plan';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { article, tracked } from './fixtures';
import { remindersOn, tempDbPath } from './harness';

const NOW = '2024-11-27T12:00:00Z';
const GUILD = '111111111111111111';

/** An article of a spec: a day-precise event, published fresh, long before, or undated (each gives a reason or none). */
function made(spec: { n: number; headline: number; published: 'fresh' | 'old' | 'unknown'; minute: number; noDays?: boolean }): TrackedArticle {
  const a = article(`Headline ${spec.headline} ${spec.n}`, spec.noDays ? [] : [{ date: '2024-12-05', description: 'the vote' }], undefined, spec.published === 'old' ? '2005-03-01' : '2024-11-26');
  const undated = spec.published === 'unknown' ? { ...a, published: { ...a.published, date: null } } : a;
  return tracked({ ...undated, id: `article-${spec.n}` }, `/articles/a-${spec.n}.txt`, new Date(Date.parse(NOW) - spec.minute * 60_000));
}

/** What the listing showed before the index: every article of the library asked, newest first. */
function walked(library: MemoryLibrary, limit: number, keep: (t: TrackedArticle) => boolean = () => true) {
  const all = library.list().filter(keep).flatMap((t) => {
    const why = noReminderReason(t);
    return why === undefined ? [] : [{ headline: t.article.headline, why }];
  });
  return { shown: all.slice(0, limit), count: all.length };
}

const specArb = fc.record({
  n: fc.integer({ min: 0, max: 12 }),
  headline: fc.integer({ min: 0, max: 3 }),
  published: fc.constantFrom('fresh' as const, 'old' as const, 'unknown' as const),
  // Few distinct minutes: ties on ingestion time, broken by headline, are common.
  minute: fc.integer({ min: 0, max: 4 }),
  noDays: fc.boolean(),
  remove: fc.boolean(),
});

describe('NotScheduled (the index behind /remind list\'s "Not scheduled")', () => {
  it('lists what walking every article lists, in the library\'s order, after any sequence of adds, edits and removals', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (ops, limit) => {
        const library = new MemoryLibrary();
        const index = new NotScheduled();
        library.onChange((change) => index.apply(change));
        for (const op of ops) {
          if (op.remove) library.removeOrigin(`/articles/a-${op.n}.txt`);
          else library.upsert(made(op));
        }
        expect(index.page(limit)).toEqual(walked(library, limit));
        const even = (t: TrackedArticle) => Number(t.article.id.split('-')[1]) % 2 === 0;
        expect(index.page(limit, even)).toEqual(walked(library, limit, even));
        const rebuilt = new NotScheduled();
        rebuilt.rebuild([...library.list()].reverse());
        expect(rebuilt.page(limit)).toEqual(walked(library, limit));
      }),
      { numRuns: 200 },
    );
  });
});

describe('/remind list at many articles', () => {
  async function setup(count: number) {
    const library = new MemoryLibrary();
    for (let n = 0; n < count; n++) library.upsert(made({ n, headline: n, published: n % 3 === 0 ? 'old' : 'fresh', minute: n }));
    const clock = new ManualClock(NOW);
    const scopes = new ArticleScopes(library);
    const reminders = remindersOn({ store: new SqliteReminderStore(openDatabase(tempDbPath())), library, clock, scopes });
    await reminders.start(null);
    await reminders.subscribe(GUILD, '222222222222222222');
    reminders.attach(library);
    await reminders.idle();
    return { library, reminders, scopes };
  }

  it('reads the articles it shows, not the whole library, on every call', async () => {
    const { library, reminders } = await setup(300);
    const expected = walked(library, 10);
    const list = vi.spyOn(library, 'list');
    const get = vi.spyOn(library, 'get');
    for (let i = 0; i < 5; i++) {
      const listing = await reminders.list(GUILD, 10);
      expect(listing.notScheduledCount).toBe(100);
      expect(listing.notScheduled).toEqual(expected.shown);
    }
    expect(list).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it('follows the library: a new archive article is listed first, a removed one is gone', async () => {
    const { library, reminders } = await setup(30);
    library.upsert(made({ n: 1000, headline: 1000, published: 'old', minute: -5 }));
    let listing = await reminders.list(GUILD, 3);
    expect(listing.notScheduled[0]).toEqual({ headline: 'Headline 1000 1000', why: 'published 2005' });
    expect(listing.notScheduledCount).toBe(11);
    library.removeOrigin('/articles/a-1000.txt');
    library.removeOrigin('/articles/a-0.txt');
    listing = await reminders.list(GUILD, 3);
    expect(listing.notScheduledCount).toBe(9);
    expect(listing).toMatchObject({ notScheduled: walked(library, 3).shown });
  });

  it('names no article of another server\'s feed (per-server libraries)', async () => {
    const { library, reminders, scopes } = await setup(30);
    const theirs = made({ n: 2000, headline: 2000, published: 'old', minute: -5 });
    library.upsert({ ...theirs, origin: 'https://other.example/item' });
    scopes.grant('https://other.example/item', '333333333333333333');
    const listing = await reminders.list(GUILD, 3);
    expect(listing.notScheduled.map((n) => n.headline)).not.toContain('Headline 2000 2000');
    expect(listing.notScheduledCount).toBe(10);
    await reminders.subscribe('333333333333333333', '444444444444444444');
    const owner = await reminders.list('333333333333333333', 3);
    expect(owner.notScheduled[0].headline).toBe('Headline 2000 2000');
    expect(owner.notScheduledCount).toBe(11);
  });
});
