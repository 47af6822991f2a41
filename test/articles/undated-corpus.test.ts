// Issue 12's check: the 30 BBC articles of ../shared/corpus (real stories from 2004–2005, no dates in the
// files) loaded from a folder on 2026-11-28. No publication year other than 2004 or 2005 is asserted with
// certainty, no event is called upcoming in any reply, and with reminders on, none is scheduled:
// `/remind list` says why for each article instead. Real ingestion, real SQLite reminder store.
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ingestDirectory } from '../../src/articles/ingest';
import { eventYearIsCertain, yearIsCertain } from '../../src/articles/model';
import { eventStatus } from '../../src/articles/event-status';
import { whenReply } from '../../src/answers/when';
import { timelineReply } from '../../src/answers/timeline';
import { briefReply } from '../../src/answers/brief';
import { ManualClock } from '../../src/core/clock';
import { listReply } from '../../src/reminders/answers';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { ConsolePoster } from '../../src/transports/console/poster';
import { remindersOn, tempDbPath } from '../reminders/harness';
import { sharedPath } from '../support/shared-data';
import { asDiscord } from '../support/discord-markup';

const NOW = new Date('2026-11-28T12:00:00Z');
const dir = sharedPath('corpus/articles', 'the held-out news corpus');
const db = openDatabase(tempDbPath());
afterAll(() => db.close());

describe('the undated corpus ingested on 2026-11-28', async () => {
  const library = new MemoryLibrary();
  const report = await ingestDirectory(library, dir, NOW, { workers: 0 });
  const articles = library.list();

  it('ingests all 30 articles', () => {
    expect(report.failed).toEqual([]);
    expect(articles).toHaveLength(30);
  });

  it('asserts no publication year other than 2004 or 2005 with certainty, nor any other event year it cannot know', () => {
    for (const t of articles) {
      const { published } = t.article;
      if (published.date && yearIsCertain(published)) expect(['2004', '2005'], t.origin).toContain(published.date.slice(0, 4));
      // A certain event year of an undated article is one the text writes, or one its evidence fixes; never 2026.
      for (const e of t.article.events.filter(eventYearIsCertain)) expect(Number(e.date.slice(0, 4)), `${t.origin}: ${e.expression}`).toBeLessThan(2026);
    }
  });

  it('calls no event upcoming, in the model or in any reply', () => {
    for (const t of articles) {
      for (const e of t.article.events) expect(eventStatus(e, NOW), `${t.origin}: ${e.expression}`).not.toBe('upcoming');
      for (const reply of [whenReply(t, NOW), timelineReply(t, NOW), briefReply(t, NOW)]) {
        const text = JSON.stringify(asDiscord(reply));
        expect(text, t.origin).not.toMatch(/· upcoming|\(upcoming\)/);
        // Every Discord timestamp shown lies before now: a guessed year gets none.
        for (const m of text.matchAll(/<t:(\d+):[A-Za-z]>/g)) expect(Number(m[1]) * 1000, t.origin).toBeLessThan(NOW.getTime());
        // No empty fragments where a guessed year's timestamp was left out.
        expect(text, t.origin).not.toMatch(/· ·|· \)|\(\s*\)|undefined/);
      }
    }
  });

  it('schedules no reminder, and /remind list says why for each article with dates', async () => {
    const clock = new ManualClock(NOW.toISOString());
    const reminders = remindersOn({ store: new SqliteReminderStore(db), poster: new ConsolePoster(new PassThrough(), clock), clock, library });
    await reminders.start(null);
    await reminders.subscribe('111111111111111111', '222222222222222222');
    await reminders.syncLibrary();
    expect(await reminders.upcoming(100)).toEqual([]);
    const listing = await reminders.list('111111111111111111', 100);
    expect(listing.upcoming).toEqual([]);
    const withDays = articles.filter((t) => t.article.events.some((e) => e.precision === 'day' && !e.isPublication && e.qualifier !== 'alternative'));
    expect(withDays.length).toBeGreaterThanOrEqual(15);
    expect(listing.notScheduledCount).toBe(withDays.length);
    for (const n of listing.notScheduled) expect(['publication date unknown', 'year not certain'], n.headline).toContain(n.why);
    const field = listReply(listing).embeds?.[0].fields?.find((f) => f.name === 'Not scheduled');
    expect(field?.value).toMatch(/— publication date unknown/);
  });
});
