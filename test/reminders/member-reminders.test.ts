// Members' own reminders against the fake Discord: the real SQLite stores, the real Discord poster over
// discord.js REST, a ManualClock moved by hand and the due-scan called directly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestDirectory, ingestFile } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { COUNTS_MAX_AGE_MS, MEMBER_UPCOMING_MAX, type MemberReminders } from '../../src/reminders/member-reminders';
import { remindMeButtons } from '../../src/reminders/members';
import { originKey } from '../../src/reminders/plan';
import { SqliteMemberReminderStore } from '../../src/store/member-reminders-sqlite';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { CSTO_FOLLOW_UP as FOLLOW_UP } from './fixtures';
import { VOTE, correctionBy } from '../stories/correction-articles';
import { renderMessage } from '../../src/transports/discord/render';
import { harness, memberReminders, tempDbPath, type Harness } from './harness';

const SEED = resolve(__dirname, '../../data/articles/csto-border-plan.txt');

let fake: FakeDiscord;
let dir: string;
let h: Harness;
let members: MemberReminders;
let store: SqliteMemberReminderStore;

beforeEach(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'herald-members-'));
  copyFileSync(SEED, join(dir, 'csto-border-plan.txt'));
  const library = new MemoryLibrary();
  await ingestDirectory(library, dir, new Date('2024-11-27T12:00:00Z'));
  h = await harness({ fake, start: '2024-11-27T12:00:00Z', articles: library.list(), configChannelId: null });
  store = new SqliteMemberReminderStore(h.db);
  members = await memberReminders(h, { store });
});
afterEach(async () => {
  await fake.close();
  h.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const seed = () => h.library.list().find((t) => t.origin.endsWith('csto-border-plan.txt'))!;
const button = () => remindMeButtons(seed(), h.clock.now())[0];
const remind = (userId = fake.users.member, guildId: string | null = fake.guildId) => members.remindMe({ userId, guildId }, button().customId, h.library);
const dmRequests = () => fake.requests.filter((r) => r.method === 'POST' && [...fake.dmChannels.keys()].some((id) => r.path === `/channels/${id}/messages`));

describe('a member reminder', () => {
  it('is one DM at the event day and time in the member\'s zone, sent once with a nonce, pinging no one', async () => {
    expect(button().label).toBe('Remind me: 28 November 2024 · CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan');
    // Discord's renderer cuts the label to its 80 characters.
    const shown = renderMessage({ buttonRows: [[button()]] }).components![0].components[0].label;
    expect(shown).toBe('Remind me: 28 November 2024 · CSTO to approve the plan to strengthen the border…');
    expect(shown.length).toBe(80);
    const set = await remind();
    expect(set).toMatchObject({ ok: true, created: true, reminder: { eventDate: '2024-11-28', time: '09:00', timezone: 'UTC', dueAt: Date.parse('2024-11-28T09:00:00Z') } });
    expect(await remind()).toMatchObject({ ok: true, created: false });
    h.clock.set('2024-11-28T08:59:59Z');
    expect((await members.runDue()).posted).toBe(0);
    h.clock.set('2024-11-28T09:00:02Z');
    expect(await members.runDue()).toEqual({ posted: 1, retried: 0, failed: 0, missed: 0 });
    expect(await members.runDue()).toEqual({ posted: 0, retried: 0, failed: 0, missed: 0 });
    const [dm] = fake.directMessages(fake.users.member);
    expect(fake.directMessages(fake.users.member)).toHaveLength(1);
    expect((dm.embeds[0] as { title: string }).title).toBe('CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan');
    expect((dm.embeds[0] as { footer: { text: string } }).footer.text).toBe('Your reminder (Remind me) · /remind mine lists yours');
    expect(dmRequests().map((r) => [r.body.nonce, r.body.enforce_nonce, r.body.allowed_mentions])).toEqual([[(set as { reminder: { nonce: string } }).reminder.nonce, true, { parse: [] }]]);
    expect(fake.mentionViolations()).toEqual([]);
    expect((await members.mine(fake.users.member, fake.guildId)).sent.map((r) => [r.via, r.messageId])).toEqual([['dm', dm.id]]);
  });

  it('is found from its button without walking the library; a button from before a restart with one walk, then noted', async () => {
    const article = seed();
    const before = button().customId;
    const list = vi.spyOn(h.library, 'list');
    const [made] = members.buttons(article, h.clock.now());
    expect(await members.remindMe({ userId: fake.users.member, guildId: fake.guildId }, made.customId, h.library)).toMatchObject({ ok: true, created: true });
    expect(list).not.toHaveBeenCalled();
    const restarted = await memberReminders(h, { store });
    list.mockClear();
    const press = (userId: string) => restarted.remindMe({ userId, guildId: fake.guildId }, before, h.library);
    expect(await press(fake.users.admin)).toMatchObject({ ok: true, created: true });
    expect(list).toHaveBeenCalledTimes(1);
    expect(await press(fake.users.member)).toMatchObject({ ok: true, created: false });
    expect(list).toHaveBeenCalledTimes(1);
  });

  it(`is refused beyond ${MEMBER_UPCOMING_MAX} upcoming for one member, until one of theirs is cancelled`, async () => {
    const set = await remind();
    if (!set.ok) throw new Error(set.reason);
    // The member's other upcoming reminders, stored as a press stores them (other articles' events).
    const { id: _id, ...template } = set.reminder;
    for (let i = 1; i < MEMBER_UPCOMING_MAX; i++) await store.add({ ...template, origin: `other-article-${i}`, eventKey: `event-${i}` }, h.clock.now());
    await members.cancel(fake.users.member, set.reminder.id);
    // 99 upcoming: the press sets its reminder again; the 100th is the last one.
    expect(await remind()).toMatchObject({ ok: true, created: true });
    expect(await remind()).toMatchObject({ ok: true, created: false });
    await store.add({ ...template, origin: 'one-more-article', eventKey: 'event-x' }, h.clock.now());
    const again = (await store.byUser(fake.users.member, ['pending'], 500)).find((r) => r.origin === set.reminder.origin)!;
    await members.cancel(fake.users.member, again.id);
    expect(await remind()).toEqual({ ok: false, reason: `You already have ${MEMBER_UPCOMING_MAX} upcoming reminders, as many as Herald keeps for one member: cancel one in /remind mine first. No reminder was set.` });
    expect(await store.byUser(fake.users.member, ['pending', 'claimed'], 500)).toHaveLength(MEMBER_UPCOMING_MAX);
    // Another member is not held by this one's.
    expect(await remind(fake.users.admin)).toMatchObject({ ok: true, created: true });
    const other = (await store.byUser(fake.users.member, ['pending'], 500)).find((r) => r.origin === 'other-article-1')!;
    await members.cancel(fake.users.member, other.id);
    expect(await remind()).toMatchObject({ ok: true, created: true });
  });

  it('follows the member\'s own time zone, set before or after pressing', async () => {
    await members.setTimezone(fake.users.member, 'Asia/Tokyo');
    expect(await remind()).toMatchObject({ ok: true, reminder: { timezone: 'Asia/Tokyo', dueAt: Date.parse('2024-11-28T00:00:00Z') } });
    expect(await members.setTimezone(fake.users.member, 'America/New_York')).toEqual({ ok: true, moved: 1 });
    expect((await members.mine(fake.users.member, fake.guildId)).upcoming.map((r) => [r.timezone, new Date(r.dueAt).toISOString()])).toEqual([['America/New_York', '2024-11-28T14:00:00.000Z']]);
    expect(await members.setTimezone(fake.users.member, 'Mars/Olympus')).toEqual({ ok: false, reason: '"Mars/Olympus" is not an IANA time zone name such as Europe/London.' });
    expect(await members.timezone(fake.users.admin, fake.guildId)).toEqual({ timezone: 'UTC', own: false });
  });

  it('with DMs closed, pings only that member once in the server\'s reminder channel', async () => {
    await h.reminders.subscribe(fake.guildId, fake.channels.reminders);
    await h.reminders.off(fake.guildId).then(() => h.reminders.subscribe(fake.guildId, fake.channels.reminders));
    fake.closedDms.add(fake.users.member);
    await remind();
    h.clock.set('2024-11-28T09:00:02Z');
    const before = fake.messages(fake.channels.reminders).length;
    expect(await members.runDue()).toMatchObject({ posted: 1 });
    expect(await members.runDue()).toMatchObject({ posted: 0 });
    const pings = fake.messages(fake.channels.reminders).slice(before).filter((m) => m.content.includes(`<@${fake.users.member}>`));
    expect(pings).toHaveLength(1);
    expect(pings[0].allowed_mentions).toEqual({ parse: [], users: [fake.users.member] });
    expect(fake.directMessages(fake.users.member)).toEqual([]);
    expect(fake.mentionViolations()).toEqual([]);
  });

  it('with DMs closed and only REMINDER_CHANNEL_ID, pings that member there from the first reminder Herald sends', async () => {
    h.db.close();
    h = await harness({ fake, start: '2024-11-27T12:00:00Z', articles: h.library.list(), configChannelId: fake.channels.reminders });
    store = new SqliteMemberReminderStore(h.db);
    members = await memberReminders(h, { store });
    // Nothing posted there yet (and Discord's answer to a post names no server): the start-up asked Discord.
    expect(fake.messages(fake.channels.reminders)).toEqual([]);
    expect((await h.store.subscription('config'))?.guildId).toBe(fake.guildId);
    // As if Discord had not answered at start-up: the fallback asks again.
    await h.store.upsertSubscription('config', { guildId: null }, h.clock.now());
    fake.closedDms.add(fake.users.member);
    await remind();
    h.clock.set('2024-11-28T09:00:02Z');
    expect(await members.runDue()).toMatchObject({ posted: 1, failed: 0 });
    const pings = fake.messages(fake.channels.reminders).filter((m) => m.content.includes(`<@${fake.users.member}>`));
    expect(pings).toHaveLength(1);
    expect(pings[0].allowed_mentions).toEqual({ parse: [], users: [fake.users.member] });
    expect((await members.mine(fake.users.member, fake.guildId)).sent.map((r) => [r.via, r.channelId])).toEqual([['channel', fake.channels.reminders]]);
    // Learnt once: the server's reminder channel is known from now on.
    expect((await h.store.subscription('config'))?.guildId).toBe(fake.guildId);
  });

  it('with DMs closed, REMINDER_CHANNEL_ID in another server is not its fallback, also after it moved there from this server', async () => {
    h.db.close();
    const dbPath = tempDbPath();
    const articles = h.library.list();
    const first = await harness({ fake, dbPath, start: '2024-11-27T12:00:00Z', articles, configChannelId: fake.channels.reminders });
    expect((await first.store.subscription('config'))?.guildId).toBe(fake.guildId);
    first.db.close();
    const operator = fake.addGuild('Operator');
    const elsewhere = operator.general;
    h = await harness({ fake, dbPath, start: '2024-11-27T12:00:00Z', articles, configChannelId: elsewhere });
    expect((await h.store.subscription('config'))?.guildId).toBe(operator.guildId);
    store = new SqliteMemberReminderStore(h.db);
    members = await memberReminders(h, { store });
    fake.closedDms.add(fake.users.member);
    await remind();
    h.clock.set('2024-11-28T09:00:02Z');
    expect(await members.runDue()).toMatchObject({ posted: 0, failed: 1 });
    expect(fake.messages(elsewhere)).toEqual([]);
  });

  it('with DMs closed and no reminder channel, is recorded failed with the reason', async () => {
    fake.closedDms.add(fake.users.member);
    await remind();
    h.clock.set('2024-11-28T09:00:02Z');
    expect(await members.runDue()).toMatchObject({ failed: 1, posted: 0 });
    const [failed] = (await members.mine(fake.users.member, fake.guildId)).ended;
    expect([failed.state, failed.lastError]).toEqual(['failed', 'Cannot send messages to this user (50007), and the server has no reminder channel to ping them in']);
  });

  it('is counted in /status: pending until it fails, per server, and all of them on the status page', async () => {
    const counts = (guildId?: string | null) => members.statusContributor()(h.clock.now(), guildId).memberReminders;
    expect(counts(fake.guildId)).toEqual({ pending: 0, missed: 0, failed: 0 });
    fake.closedDms.add(fake.users.member);
    await remind();
    await remind(fake.users.admin, null);
    expect(counts(fake.guildId)).toEqual({ pending: 1, missed: 0, failed: 0 });
    expect(counts('999')).toEqual({ pending: 0, missed: 0, failed: 0 });
    expect(counts(null)).toEqual({ pending: 1, missed: 0, failed: 0 });
    expect(counts()).toEqual({ pending: 2, missed: 0, failed: 0 });
    h.clock.set('2024-11-28T09:00:02Z');
    expect(await members.runDue()).toMatchObject({ failed: 1, posted: 1 });
    expect(counts(fake.guildId)).toEqual({ pending: 0, missed: 0, failed: 1 });
    expect(counts()).toEqual({ pending: 0, missed: 0, failed: 1 });
  });

  it("is counted in /status of another process sharing the store within COUNTS_MAX_AGE_MS of a change there", async () => {
    // Two Herald processes on one store (as on PostgreSQL): a member presses Remind me in the first one.
    const other = await memberReminders(h, { store: new SqliteMemberReminderStore(h.db) });
    await other.runDue();
    const counts = () => other.statusContributor()(h.clock.now(), fake.guildId).memberReminders;
    expect(counts()).toEqual({ pending: 0, missed: 0, failed: 0 });
    await remind();
    h.clock.set(new Date(h.clock.now().getTime() + COUNTS_MAX_AGE_MS - 1000).toISOString());
    expect((await other.runDue()).posted).toBe(0);
    expect(counts()).toEqual({ pending: 0, missed: 0, failed: 0 });
    h.clock.set(new Date(h.clock.now().getTime() + 1000).toISOString());
    expect((await other.runDue()).posted).toBe(0);
    expect(counts()).toEqual({ pending: 1, missed: 0, failed: 0 });
  });

  it('moves when a newer article moves the date, and its message says so; cancelled by its member, it stays listed', async () => {
    await remind();
    const followUp = join(dir, 'csto-postponed.txt');
    writeFileSync(followUp, FOLLOW_UP);
    await ingestFile(h.library, followUp, h.clock.now());
    await members.idle();
    const [moved] = (await members.mine(fake.users.member, fake.guildId)).upcoming;
    expect([moved.eventDate, moved.movedFrom, moved.movedBy, new Date(moved.dueAt).toISOString()]).toEqual([
      '2024-12-05',
      '2024-11-28',
      'CSTO postpones approval of Tajikistan-Afghanistan border plan',
      '2024-12-05T09:00:00.000Z',
    ]);
    h.clock.set('2024-11-28T09:00:02Z');
    expect((await members.runDue()).posted).toBe(0);
    h.clock.set('2024-12-05T09:00:02Z');
    expect((await members.runDue()).posted).toBe(1);
    const [dm] = fake.directMessages(fake.users.member);
    expect((dm.embeds[0] as { description: string }).description).toMatch(/^\*\*Moved\*\* from 28 November 2024 to 5 December 2024 \(“CSTO postpones approval of Tajikistan-Afghanistan border plan”\)\./);

    h.clock.set('2024-11-27T12:00:00Z');
    const again = await remind(fake.users.admin);
    expect(again).toMatchObject({ ok: true });
    const id = (again as { reminder: { id: number } }).reminder.id;
    expect(await members.cancel(fake.users.member, id)).toEqual({ ok: false, reason: 'That is not one of your reminders.' });
    expect(await members.cancel(fake.users.admin, id)).toMatchObject({ ok: true, reminder: { state: 'cancelled', lastError: 'cancelled by you' } });
    expect((await members.mine(fake.users.admin, fake.guildId)).ended.map((r) => [r.state, r.lastError])).toEqual([['cancelled', 'cancelled by you']]);
  });

  it('is reconciled at each library change without walking the library (issue 17): a move followed, a removal cancelled', async () => {
    await remind();
    const origin = seed().origin;
    const list = vi.spyOn(h.library, 'list');
    const followUp = join(dir, 'csto-postponed.txt');
    writeFileSync(followUp, FOLLOW_UP);
    await ingestFile(h.library, followUp, h.clock.now());
    await members.idle();
    expect((await members.mine(fake.users.member, fake.guildId)).upcoming.map((r) => [r.eventDate, r.movedFrom])).toEqual([['2024-12-05', '2024-11-28']]);
    h.library.removeOrigin(origin);
    await members.idle();
    expect((await members.mine(fake.users.member, fake.guildId)).ended.map((r) => [r.state, r.lastError])).toEqual([['cancelled', 'the article was removed']]);
    expect(list).not.toHaveBeenCalled();
  });

  it('a library change checks only the reminders of the articles it touches, not every pending one (issue 17)', async () => {
    await remind();
    const pendingOf = vi.spyOn(store, 'pendingOf');
    const other = join(dir, 'harbour.txt');
    writeFileSync(other, 'Harbour board approves new quay\n\nThe Eastbay Harbour Board approved the northern quay on Monday. Work starts on 3 March 2025.\n');
    await ingestFile(h.library, other, h.clock.now());
    await members.idle();
    expect(pendingOf).not.toHaveBeenCalled();
    // A newer article on the seed's story touches the seed: its reminder is checked, and follows the move.
    const followUp = join(dir, 'csto-postponed.txt');
    writeFileSync(followUp, FOLLOW_UP);
    await ingestFile(h.library, followUp, h.clock.now());
    await members.idle();
    expect(pendingOf.mock.calls).toEqual([[{ origin: originKey(seed().origin) }]]);
    expect((await members.mine(fake.users.member, fake.guildId)).upcoming.map((r) => [r.eventDate, r.movedFrom])).toEqual([['2024-12-05', '2024-11-28']]);
  });

  it('pressed after a newer article moved the date, follows it at once and says so', async () => {
    const followUp = join(dir, 'csto-postponed.txt');
    writeFileSync(followUp, FOLLOW_UP);
    await ingestFile(h.library, followUp, h.clock.now());
    const set = await remind();
    expect(set).toMatchObject({ ok: true, created: true, reminder: { eventDate: '2024-12-05', movedFrom: '2024-11-28', movedBy: 'CSTO postpones approval of Tajikistan-Afghanistan border plan' } });
  });

  it('is cancelled, with a trace, when its article is removed', async () => {
    await remind();
    h.library.removeOrigin(seed().origin);
    await members.idle();
    expect((await members.mine(fake.users.member, fake.guildId)).ended.map((r) => [r.state, r.lastError])).toEqual([['cancelled', 'the article was removed']]);
  });
});

describe('a member reminder on an article a correction moved', () => {
  it("pressed on the earlier article's withdrawn date, follows the correction to its date", async () => {
    const own = mkdtempSync(join(tmpdir(), 'herald-members-correction-'));
    try {
      const now = new Date('2026-11-24T12:00:00Z');
      writeFileSync(join(own, 'vote.txt'), VOTE);
      writeFileSync(join(own, 'correction.txt'), correctionBy('Harbourside Gazette'));
      const library = new MemoryLibrary();
      await ingestDirectory(library, own, now);
      const hc = await harness({ fake, start: now.toISOString(), articles: library.list(), configChannelId: null });
      const mc = await memberReminders(hc, { store: new SqliteMemberReminderStore(hc.db) });
      const vote = hc.library.list().find((t) => t.origin.endsWith('vote.txt'))!;
      const [pressed] = remindMeButtons(vote, hc.clock.now());
      const set = await mc.remindMe({ userId: fake.users.member, guildId: fake.guildId }, pressed.customId, hc.library);
      expect(set).toMatchObject({ ok: true, created: true, reminder: { eventDate: '2026-12-09', movedFrom: '2026-12-01', movedBy: 'Correction: council vote on seafront plan' } });
      hc.db.close();
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
