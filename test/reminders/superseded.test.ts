// A newer article on the same story that moves the key date supersedes the older article's reminder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestDirectory, ingestFile } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { CSTO_FOLLOW_UP as FOLLOW_UP } from './fixtures';
import { VOTE, correctionBy } from '../stories/correction-articles';
import { harness } from './harness';

const SEED = resolve(__dirname, '../../data/articles/csto-border-plan.txt');

// Also written for this test: the same story a day later, repeating the same date.
const REPEAT = `---
published: 2024-11-27
source: Test Wire
---
CSTO set to approve Tajikistan-Afghanistan border plan

The Collective Security Treaty Organization (CSTO) will approve the plan to strengthen the border between Tajikistan and Afghanistan on November 28, Secretary-General Imangali Tasmagambetov said.
`;

let fake: FakeDiscord;
let dir: string;
beforeEach(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'herald-superseded-'));
  copyFileSync(SEED, join(dir, 'csto-border-plan.txt'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a newer article moves the date', () => {
  it("the older article's reminder is cancelled, the newer one's scheduled; removing the newer one restores it", async () => {
    const now = new Date('2024-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    await ingestDirectory(library, dir, now);
    const h = await harness({ fake, start: now.toISOString(), articles: library.list(), stories: true });
    const upcoming = async () => (await h.reminders.upcoming()).map((u) => [u.at.toISOString(), u.description]);
    expect(await upcoming()).toEqual([['2024-11-28T09:00:00.000Z', 'CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan']]);

    const followUp = join(dir, 'csto-postponed.txt');
    writeFileSync(followUp, FOLLOW_UP);
    await ingestFile(h.library, followUp, now);
    await h.reminders.idle();
    expect((await upcoming()).map(([at]) => at)).toEqual(['2024-12-05T09:00:00.000Z']);
    const rows = h.db.prepare('SELECT origin, event_date, state FROM reminders ORDER BY id').all();
    expect(rows).toEqual([
      { origin: 'csto-border-plan.txt', event_date: '2024-11-28', state: 'cancelled' },
      { origin: 'csto-postponed.txt', event_date: '2024-12-05', state: 'pending' },
    ]);

    h.library.removeOrigin(followUp);
    await h.reminders.idle();
    expect((await upcoming()).map(([at]) => at)).toEqual(['2024-11-28T09:00:00.000Z']);
  });

  it('a newer article giving the same day for the same happening: one reminder, from the newer article', async () => {
    const now = new Date('2024-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    await ingestDirectory(library, dir, now);
    const h = await harness({ fake, start: now.toISOString(), articles: library.list(), stories: true });
    const repeat = join(dir, 'csto-repeat.txt');
    writeFileSync(repeat, REPEAT);
    await ingestFile(h.library, repeat, now);
    await h.reminders.idle();
    const pending = () => h.db.prepare("SELECT origin, event_date FROM reminders WHERE state = 'pending'").all();
    expect(pending()).toEqual([{ origin: 'csto-repeat.txt', event_date: '2024-11-28' }]);
    h.clock.set('2024-11-28T09:00:00Z');
    await h.reminders.runDue();
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);

    h.library.removeOrigin(repeat);
    await h.reminders.idle();
    // The seed's own reminder is not re-created for an instant already past.
    expect(pending()).toEqual([]);
  });
});

describe('a correction moves the date it withdraws', () => {
  it("one reminder remains, on the corrected date: the earlier article's withdrawn date has none", async () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const own = mkdtempSync(join(tmpdir(), 'herald-correction-'));
    try {
      writeFileSync(join(own, 'vote.txt'), VOTE);
      const library = new MemoryLibrary();
      await ingestDirectory(library, own, now);
      const h = await harness({ fake, start: now.toISOString(), articles: library.list(), stories: true });
      const pending = () => h.db.prepare("SELECT origin, event_date FROM reminders WHERE state = 'pending' ORDER BY id").all();
      expect(pending()).toEqual([{ origin: 'vote.txt', event_date: '2026-12-01' }]);

      const correction = join(own, 'correction.txt');
      writeFileSync(correction, correctionBy('Harbourside Gazette'));
      await ingestFile(h.library, correction, now);
      await h.reminders.idle();
      expect(pending()).toEqual([{ origin: 'correction.txt', event_date: '2026-12-09' }]);
      expect((await h.reminders.upcoming()).map((u) => u.at.toISOString())).toEqual(['2026-12-09T09:00:00.000Z']);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
