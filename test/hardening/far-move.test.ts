// Red-team scenario (issue 10, finding 3, within a server): an item saying the approval was postponed to
// "15 March 2099" cancelled the operator's reminder and scheduled one for 2099, silently. Now a date that
// moves by a year or more, or to more than two years ahead, is held: the reminder keeps the earlier date,
// nothing is scheduled for the far date, the announcement names both sources and says it is held, and an
// admin confirms or rejects it with /remind moves (Manage Server). A move of a week still applies at once.
import { asDiscord } from '../support/discord-markup';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import remind from '../../commands/remind';
import { ingestDirectory, ingestFile } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import type { Caller } from '../../src/core/command';
import { CommandRouter } from '../../src/core/router';
import type { Services } from '../../src/services';
import { Status } from '../../src/core/status-snapshot';
import { renderAnnouncement } from '../../src/feeds/announcement';
import { isFarMove } from '../../src/reminders/holds';
import type { MemberReminders } from '../../src/reminders/member-reminders';
import { remindMeButtons } from '../../src/reminders/members';
import { SqliteMoveHolds } from '../../src/store/holds-sqlite';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { SEED_FILE } from '../e2e/bot-harness';
import { harness, memberReminders, silent, type Harness } from '../reminders/harness';

const postponed = (date: string) => `---
published: 2024-11-27
source: Test Wire
url: https://wire.example/postponed
---
CSTO postpones approval of Tajikistan-Afghanistan border plan

The Collective Security Treaty Organization (CSTO) will approve the plan to strengthen the border between Tajikistan and Afghanistan on ${date}, its Secretary-General Imangali Tasmagambetov said on Wednesday.

The plan includes several stages, among them the full deployment along the border.
`;

let fake: FakeDiscord;
let dir: string;
let h: Harness;
let router: CommandRouter;
let members: MemberReminders;

beforeEach(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'herald-far-move-'));
  copyFileSync(SEED_FILE, join(dir, 'csto-border-plan.txt'));
  const now = new Date('2024-11-27T12:00:00Z');
  const library = new MemoryLibrary();
  await ingestDirectory(library, dir, now);
  h = await harness({ fake, start: now.toISOString(), articles: library.list(), stories: true, scopes: true, holds: true, configChannelId: null });
  await h.reminders.subscribe(fake.guildId, fake.channels.reminders);
  members = await memberReminders(h, { holds: new SqliteMoveHolds(h.db) });
  const services: Services = { articles: h.library, status: new Status(now, h.library), reminders: h.reminders, members };
  router = new CommandRouter({ commands: [remind], services, clock: h.clock, log: silent });
});
afterEach(async () => {
  h.db.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin: () => Caller = () => ({ userId: fake.users.admin, guildId: fake.guildId, channelId: fake.channels.general, canManageGuild: true });
const member: () => Caller = () => ({ userId: fake.users.member, guildId: fake.guildId, channelId: fake.channels.general, canManageGuild: false });
const pending = () => h.db.prepare("SELECT origin, event_date FROM reminders WHERE state = 'pending' AND lead_days = 0 ORDER BY event_date").all();

async function ingest(date: string): Promise<void> {
  const file = join(dir, 'csto-postponed.txt');
  writeFileSync(file, postponed(date));
  await ingestFile(h.library, file, h.clock.now());
  await h.reminders.idle();
}

describe('a date moved by years', () => {
  it('is held: the earlier reminder stays, nothing for 2099, until an admin confirms with /remind moves', async () => {
    await ingest('15 March 2099');
    expect(pending()).toEqual([{ origin: 'csto-border-plan.txt', event_date: '2024-11-28' }]);

    const listed = await router.run({ command: 'remind', options: { subcommand: 'moves' }, caller: admin() });
    expect(asDiscord(listed.content)).toMatch(/28 November 2024 → \*\*15 March 2099\*\*/);
    expect(listed.buttons?.map((b) => b.label)).toEqual(['Confirm the first', 'Reject the first']);
    const confirm = listed.buttons![0].customId;

    // A member cannot decide (Manage Server is checked in code for buttons too).
    expect((await router.button(confirm, member())).content).toMatch(/Manage Server/);
    expect(pending()).toEqual([{ origin: 'csto-border-plan.txt', event_date: '2024-11-28' }]);

    const done = await router.button(confirm, admin());
    expect(done.content).toMatch(/^Confirmed: .* is now on 15 March 2099; its reminder moved\./);
    expect(done.content).toMatch(/No date move is waiting/);
    await h.reminders.idle();
    expect(pending()).toEqual([{ origin: 'csto-postponed.txt', event_date: '2099-03-15' }]);
    // Decided once: the button again is refused.
    expect((await router.button(confirm, admin())).content).toMatch(/already confirmed/);
  });

  it("another server's admin can neither decide a move nor learn from its button whether it was decided", async () => {
    const other = fake.addGuild();
    await h.reminders.subscribe(other.guildId, other.general);
    await ingest('15 March 2099');
    const confirm = (await router.run({ command: 'remind', options: { subcommand: 'moves' }, caller: admin() })).buttons![0].customId;
    const otherAdmin: Caller = { ...admin(), guildId: other.guildId, channelId: other.general };
    const notTheirs = "That date move is not one of this server's.";
    expect((await router.button(confirm, otherAdmin)).content).toMatch(new RegExp(`^${notTheirs}`));
    await router.button(confirm, admin());
    // Decided in its own server: the other server is told the same as before, not "already confirmed".
    expect((await router.button(confirm, otherAdmin)).content).toMatch(new RegExp(`^${notTheirs}`));
    expect((await router.button(confirm, admin())).content).toMatch(/already confirmed/);
  });

  it('a member\'s own reminder (Remind me) stays on the earlier date while held, and follows the move once an admin confirms it', async () => {
    const seed = h.library.list().find((t) => t.origin.endsWith('csto-border-plan.txt'))!;
    const pressed = await router.button(remindMeButtons(seed, h.clock.now())[0].customId, member());
    expect(pressed.content).toMatch(/28 November 2024/);
    const mine = async () => (await members.mine(fake.users.member, fake.guildId)).upcoming.map((r) => r.eventDate);
    await ingest('15 March 2099');
    await members.idle();
    expect(await mine()).toEqual(['2024-11-28']);

    const listed = await router.run({ command: 'remind', options: { subcommand: 'moves' }, caller: admin() });
    await router.button(listed.buttons![0].customId, admin());
    await h.reminders.idle();
    await members.idle();
    expect(await mine()).toEqual(['2099-03-15']);
  });

  it('is logged once as held, not at every reconciliation of its story', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const logged = await harness({ fake, start: h.clock.now().toISOString(), articles: h.library.list(), stories: true, scopes: true, holds: true, configChannelId: null, log });
    try {
      await logged.reminders.subscribe(fake.guildId, fake.channels.reminders);
      const file = join(dir, 'csto-postponed.txt');
      writeFileSync(file, postponed('15 March 2099'));
      await ingestFile(logged.library, file, logged.clock.now());
      await logged.reminders.idle();
      await logged.reminders.subscribe(fake.guildId, fake.channels.general);
      await logged.reminders.idle();
      expect(lines.filter((l) => l.includes('date move held')).length).toBe(1);
    } finally {
      logged.db.close();
    }
  });

  it('rejected: the earlier reminder stays and posts on its day', async () => {
    await ingest('15 March 2099');
    const listed = await router.run({ command: 'remind', options: { subcommand: 'moves' }, caller: admin() });
    const done = await router.button(listed.buttons![1].customId, admin());
    expect(done.content).toMatch(/^Rejected: .* stays on 28 November 2024\./);
    await h.reminders.idle();
    expect(pending()).toEqual([{ origin: 'csto-border-plan.txt', event_date: '2024-11-28' }]);
    h.clock.set('2024-11-28T09:00:00Z');
    await h.reminders.runDue();
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
  });

  it('a move of a week applies at once, with nothing held', async () => {
    await ingest('December 5');
    expect(pending()).toEqual([{ origin: 'csto-postponed.txt', event_date: '2024-12-05' }]);
    expect((await router.run({ command: 'remind', options: { subcommand: 'moves' }, caller: admin() })).content).toBe('No date move is waiting for an admin.');
  });
});

describe('the announcement of a moved date', () => {
  it('names both sources, and says a far move is held', async () => {
    await ingest('15 March 2099');
    const seed = h.library.list().find((t) => t.origin.endsWith('csto-border-plan.txt'))!;
    const update = h.library.list().find((t) => t.origin.endsWith('csto-postponed.txt'))!;
    const now = h.clock.now();
    const reply = renderAnnouncement({
      article: update.article,
      origin: update.origin,
      now,
      updateTo: seed.article.headline,
      moves: [{ description: 'CSTO to approve the plan', from: '2024-11-28', to: '2099-03-15', eventId: 'e1' }],
      movedFrom: { headline: seed.article.headline, source: seed.article.meta.source },
    });
    const fields = asDiscord(reply.embeds?.[0].fields ?? []);
    expect(fields.find((f) => f.name === 'Date moved')?.value).toMatch(/held: reminders keep the earlier date until an admin confirms \(\/remind moves\)/);
    expect(fields.find((f) => f.name === 'Sources')?.value).toMatch(/^Before: .* — CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security\nNow: \[Test Wire\]\(https:\/\/wire\.example\/postponed\)$/);
    expect(isFarMove('2024-11-28', '2024-12-05', now)).toBe(false);
    expect(isFarMove('2024-11-28', '2025-12-01', now)).toBe(true);
    expect(isFarMove('2026-12-01', '2026-12-08', now)).toBe(true);
  });
});
