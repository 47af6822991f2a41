// Red-team scenario: two identical article files share one library entry. Deleting either one just
// before the reminder falls due must not lose the reminder; deleting both cancels it with a trace in
// /remind list. Real folder, real watcher, real SQLite store, posting through the fake Discord.
import { copyFileSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticlesWatcher } from '../../src/articles/watcher';
import { listReply } from '../../src/reminders/answers';
import { remindMeButtons } from '../../src/reminders/members';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { SEED_FILE } from '../answers/helpers';
import { harness, memberReminders, silent, type Harness } from '../reminders/harness';
import { asDiscord } from '../support/discord-markup';

let fake: FakeDiscord;
let dir: string;
let h: Harness;
let watcher: ArticlesWatcher;

beforeEach(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'herald-duplicate-'));
  copyFileSync(SEED_FILE, join(dir, 'seed.txt'));
  copyFileSync(SEED_FILE, join(dir, 'seed-copy.txt'));
  h = await harness({ fake, start: '2024-11-27T12:00:00Z', stories: true });
  watcher = new ArticlesWatcher({ dir, library: h.library, clock: h.clock, log: silent, fsWatch: false, rescanMs: 0 });
  await watcher.start();
  await h.reminders.idle();
});

afterEach(async () => {
  await watcher.stop();
  h.db.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function deleteAt(file: string, at: string): Promise<void> {
  h.clock.set(at);
  unlinkSync(join(dir, file));
  await watcher.scan();
  await h.reminders.idle();
}

const posted = () => fake.messages(fake.channels.reminders).map((m) => (m.embeds?.[0] as { title?: string } | undefined)?.title);

describe('an article held by two identical files', () => {
  it('is one article with one reminder', async () => {
    expect(h.library.size()).toBe(1);
    expect(h.db.prepare("SELECT count(*) AS n FROM reminders WHERE state = 'pending'").get()).toEqual({ n: 1 });
  });

  for (const file of ['seed-copy.txt', 'seed.txt']) {
    it(`deleting ${file} at 08:59:50 keeps the article and its reminder posts at 09:00, once`, async () => {
      await deleteAt(file, '2024-11-28T08:59:50Z');
      expect(h.library.size()).toBe(1);
      h.clock.set('2024-11-28T09:00:00Z');
      await h.reminders.runDue();
      h.clock.set('2024-11-28T09:00:30Z');
      await h.reminders.runDue();
      expect(posted()).toHaveLength(1);
      const listing = await h.reminders.list(fake.guildId);
      expect(listing.sent).toHaveLength(1);
      expect(listing.cancelled).toEqual([]);
    });
  }

  it('deleting both files cancels the reminder, and /remind list shows it as cancelled with the reason', async () => {
    await deleteAt('seed-copy.txt', '2024-11-28T08:59:40Z');
    await deleteAt('seed.txt', '2024-11-28T08:59:50Z');
    expect(h.library.size()).toBe(0);
    h.clock.set('2024-11-28T09:00:00Z');
    await h.reminders.runDue();
    expect(posted()).toEqual([]);
    const listing = await h.reminders.list(fake.guildId);
    expect(listing.upcoming).toEqual([]);
    expect(listing.cancelled).toHaveLength(1);
    expect(listing.cancelled[0].reason).toBe('the article was removed');
    const cancelled = listReply(listing).embeds?.[0].fields?.find((f) => f.name === 'Cancelled');
    expect(asDiscord(cancelled?.value)).toMatch(/^• due <t:\d+:f>: .+ — the article was removed$/);
  });
});

describe('a member\'s Remind me on an article held by two identical files', () => {
  it('follows the copy when the file its article is read from is deleted, and is sent once at 09:00', async () => {
    const members = await memberReminders(h);
    const [article] = h.library.list();
    const pressed = await members.remindMe({ userId: fake.users.member, guildId: fake.guildId }, remindMeButtons(article, h.clock.now())[0].customId, h.library);
    expect(pressed.ok).toBe(true);
    // Delete the file the article is read from now: the identical copy holds it.
    await deleteAt(article.origin.split('/').pop()!, '2024-11-28T08:59:50Z');
    await members.idle();
    const mine = await members.mine(fake.users.member, fake.guildId);
    expect(mine.ended).toEqual([]);
    expect(mine.upcoming).toHaveLength(1);
    h.clock.set('2024-11-28T09:00:00Z');
    expect(await members.runDue()).toMatchObject({ posted: 1 });
    h.clock.set('2024-11-28T09:00:30Z');
    expect(await members.runDue()).toMatchObject({ posted: 0 });
  });
});
