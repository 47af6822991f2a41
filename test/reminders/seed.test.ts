// The seed article's approval reminder, end to end in one process: the real parser and ingestion, the
// real store and Discord poster against the fake Discord, a ManualClock, the due-scan called directly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ingestDirectory } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { embed, harness } from './harness';

const ARTICLES = resolve(__dirname, '../../data/articles');
let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await fake.close();
});

describe('the seed article', () => {
  it('posts the approval reminder at 09:00 UTC on 2024-11-28 to REMINDER_CHANNEL_ID, nothing a second before, once', async () => {
    const started = new Date('2024-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    await ingestDirectory(library, ARTICLES, started);
    const h = await harness({ fake, start: started.toISOString(), articles: library.list() });
    const channel = fake.channels.reminders;
    expect((await h.reminders.upcoming()).map((u) => [u.at.toISOString(), u.channelId])).toEqual([['2024-11-28T09:00:00.000Z', channel]]);

    h.clock.set('2024-11-28T08:59:59Z');
    await h.reminders.runDue();
    expect(fake.messages(channel)).toEqual([]);

    h.clock.set('2024-11-28T09:00:00Z');
    await h.reminders.runDue();
    const messages = fake.messages(channel);
    expect(messages).toHaveLength(1);
    const e = embed(messages[0]);
    expect(e.title).toBe('CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan');
    expect(e.description?.split('\n').slice(0, 2)).toEqual(['**Today:** <t:1732784400:D> (<t:1732784400:R>)', 'As written: “November 28”']);
    expect(e.description).toContain('> Azerbaijani media reported on Tuesday, November 26, that the CSTO is set to approve this plan on November 28.');
    expect(e.description).toContain('— Azerbaijani media reported');
    expect(e.fields).toEqual([{ name: 'Article', value: 'CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security' }]);
    expect(fake.mentionViolations()).toEqual([]);

    for (const t of ['2024-11-28T09:00:05Z', '2024-11-28T12:00:00Z', '2024-11-29T09:00:00Z']) {
      h.clock.set(t);
      await h.reminders.runDue();
    }
    expect(fake.messages(channel)).toHaveLength(1);
  });
});
