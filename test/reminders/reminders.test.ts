import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { Status } from '../../src/core/status-snapshot';
import { article, tracked } from './fixtures';
import { createRequests, embed, harness, tempDbPath, type Harness } from './harness';
import type { DeliveryPoint } from '../../src/reminders/reminders';

const vote = { date: '2024-11-28', description: 'Council to vote on the budget', expression: 'November 28' };
const budget = () => tracked(article('Budget vote in the council', [vote]), '/articles/budget.txt');
const NINE = '2024-11-28T09:00:00.000Z';
const unix = Date.parse(NINE) / 1000;

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await fake.close();
});

describe('the due-scan posts through Discord', () => {
  it('posts the reminder at 09:00 UTC on the event date, nothing a second before, once', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    h.library.upsert(budget());
    await h.reminders.idle();
    const channel = fake.channels.reminders;

    h.clock.set(Date.parse(NINE) - 1000);
    expect(await h.reminders.runDue()).toEqual({ posted: 0, retried: 0, failed: 0, missed: 0, cancelled: 0 });
    expect(fake.messages(channel)).toHaveLength(0);

    h.clock.set(NINE);
    expect((await h.reminders.runDue()).posted).toBe(1);
    const [message] = fake.messages(channel);
    expect(embed(message).title).toBe('Council to vote on the budget');
    expect(embed(message).description).toContain(`<t:${unix}:D> (<t:${unix}:R>)`);
    expect(embed(message).description).toContain('> The council will vote on the budget.');
    expect(embed(message).description).toContain('— The council said');
    expect(embed(message).fields?.[0]).toEqual({ name: 'Article', value: 'Budget vote in the council' });
    expect(embed(message).description).not.toContain('late');
    const [row] = h.db.prepare('SELECT state, message_id, nonce FROM reminders').all() as { state: string; message_id: string; nonce: string }[];
    expect(row).toEqual({ state: 'sent', message_id: message.id, nonce: message.nonce });
    expect(row.nonce.length).toBeLessThanOrEqual(25);
    expect(createRequests(fake, channel)[0].body.enforce_nonce).toBe(true);
    expect(fake.mentionViolations()).toEqual([]);

    h.clock.set('2024-11-28T09:00:30Z');
    expect((await h.reminders.runDue()).posted).toBe(0);
    expect(fake.messages(channel)).toHaveLength(1);
  });

  // The width of REMINDER_GRACE, probed on both sides of its edge (6 h by default): a reminder exactly
  // that late still posts, with the late note; one second more is marked missed.
  for (const [graceMs, label] of [[6 * 3_600_000, '6 h'], [3 * 3_600_000, '3 h']] as const) {
    it(`with REMINDER_GRACE ${label}: exactly ${label} late posts with the note, one second later is missed`, async () => {
      const inside = await harness({ fake, start: '2024-11-27T12:00:00Z', graceMs });
      inside.library.upsert(budget());
      await inside.reminders.idle();
      inside.clock.set(Date.parse(NINE) + graceMs);
      expect(await inside.reminders.runDue()).toEqual({ posted: 1, retried: 0, failed: 0, missed: 0, cancelled: 0 });
      expect(embed(fake.messages(fake.channels.reminders)[0]).description).toContain(`*Posted ${label} late: Herald was offline.*`);

      const outside = await harness({ fake, start: '2024-11-27T12:00:00Z', graceMs });
      outside.library.upsert(budget());
      await outside.reminders.idle();
      outside.clock.set(Date.parse(NINE) + graceMs + 1000);
      expect(await outside.reminders.runDue()).toEqual({ posted: 0, retried: 0, failed: 0, missed: 1, cancelled: 0 });
      expect(outside.db.prepare('SELECT state, last_error FROM reminders').get()).toEqual({ state: 'missed', last_error: `${label} late, beyond REMINDER_GRACE (${label})` });
      expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
    });
  }

  it('an event already past at ingestion gets no reminder', async () => {
    const h = await harness({ fake, start: '2024-11-29T12:00:00Z' });
    h.library.upsert(budget());
    await h.reminders.idle();
    expect(h.db.prepare('SELECT count(*) AS n FROM reminders').get()).toEqual({ n: 0 });
  });

  /** An instance that dies at `point` of the 09:00 delivery (its due-scan throws there), and its restart 20 s later on the same file. */
  async function crashAt(point: DeliveryPoint): Promise<{ first: Harness; restart: () => Promise<Harness> }> {
    const dbPath = tempDbPath();
    const first = await harness({
      fake,
      dbPath,
      start: '2024-11-27T12:00:00Z',
      onPoint: (p) => {
        if (p === point) throw new Error(`simulated crash at ${point}`);
      },
    });
    first.library.upsert(budget());
    await first.reminders.idle();
    first.clock.set(NINE);
    await expect(first.reminders.runDue()).rejects.toThrow('simulated crash');
    return {
      first,
      restart: () => {
        first.db.close();
        return harness({ fake, dbPath, start: '2024-11-28T09:00:20Z', articles: [budget()] });
      },
    };
  }

  it('a crash between the send and the record: the re-send with the same nonce yields the first message, not a second', async () => {
    const { first, restart } = await crashAt('sent');
    expect(first.db.prepare('SELECT state FROM reminders').get()).toEqual({ state: 'claimed' });

    const second = await restart();
    expect((await second.reminders.runDue()).posted).toBe(1);
    expect(createRequests(fake, fake.channels.reminders)).toHaveLength(2);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
    expect(second.db.prepare('SELECT state, message_id FROM reminders').get()).toEqual({ state: 'sent', message_id: fake.messages(fake.channels.reminders)[0].id });
  });

  it('a crash after the claim and before the send: the stale claim is posted on restart', async () => {
    const { restart } = await crashAt('claimed');
    expect(fake.messages(fake.channels.reminders)).toHaveLength(0);

    const second = await restart();
    expect((await second.reminders.runDue()).posted).toBe(1);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
  });
});

describe('Discord errors', () => {
  it('5xx beyond the REST retry: stays due, retried with backoff, posted once', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    h.library.upsert(budget());
    await h.reminders.idle();
    fake.failNext('POST', '/channels/:id/messages', 500, 2); // the client's REST tries twice, then gives up
    h.clock.set(NINE);
    expect((await h.reminders.runDue()).retried).toBe(1);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(0);
    const row = h.db.prepare('SELECT state, attempts, run_at, last_error FROM reminders').get() as { state: string; attempts: number; run_at: number; last_error: string };
    expect(row).toMatchObject({ state: 'pending', attempts: 1, run_at: Date.parse(NINE) + 5_000 });
    expect(row.last_error).toContain('500');
    h.clock.set(Date.parse(NINE) + 4_999);
    expect((await h.reminders.runDue()).posted).toBe(0);
    h.clock.set(Date.parse(NINE) + 5_000);
    expect((await h.reminders.runDue()).posted).toBe(1);
    expect(embed(fake.messages(fake.channels.reminders)[0]).description).not.toContain('late');
    expect(createRequests(fake, fake.channels.reminders).map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('a long 429 on message create: retried after retry_after, posted once', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    h.library.upsert(budget());
    await h.reminders.idle();
    fake.failNext('POST', '/channels/:id/messages', 429, 1, { retryAfterMs: 20_000 });
    h.clock.set(NINE);
    expect((await h.reminders.runDue()).retried).toBe(1);
    const row = h.db.prepare('SELECT state, run_at FROM reminders').get() as { state: string; run_at: number };
    expect(row.state).toBe('pending');
    expect(row.run_at).toBeGreaterThanOrEqual(Date.parse(NINE) + 19_000);
    h.clock.set(row.run_at);
    expect((await h.reminders.runDue()).posted).toBe(1);
    expect(createRequests(fake, fake.channels.reminders).map((r) => r.status)).toEqual([429, 200]);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
  });

  it('a single 500 and a short 429: absorbed by the client, posted once', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    h.library.upsert(budget());
    await h.reminders.idle();
    fake.failNext('POST', '/channels/:id/messages', 500, 1);
    fake.failNext('POST', '/channels/:id/messages', 429, 1, { retryAfterMs: 50 });
    h.clock.set(NINE);
    for (let i = 1; i <= 3 && fake.messages(fake.channels.reminders).length === 0; i++) {
      await h.reminders.runDue();
      h.clock.set(Date.parse(NINE) + i * 60_000);
    }
    expect(createRequests(fake, fake.channels.reminders).map((r) => r.status).sort()).toEqual([200, 429, 500]);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
    expect(h.db.prepare('SELECT state FROM reminders').get()).toEqual({ state: 'sent' });
  });

  it('403 marks the subscription broken, the reminder failed, and /status and /remind list say why', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z', configChannelId: fake.channels.noSend });
    const status = new Status(h.clock.now(), h.library);
    status.contribute(h.reminders.statusContributor());
    h.library.upsert(budget());
    await h.reminders.idle();
    h.clock.set(NINE);
    expect((await h.reminders.runDue()).failed).toBe(1);
    expect(fake.messages(fake.channels.noSend)).toHaveLength(0);
    expect(h.db.prepare('SELECT state, last_error FROM reminders').get()).toEqual({ state: 'failed', last_error: 'Missing Permissions (50013)' });
    expect(status.snapshot(h.clock.now()).brokenSubscriptions).toEqual([{ channelId: fake.channels.noSend, reason: 'Missing Permissions (50013)' }]);
    const listing = await h.reminders.list(fake.guildId);
    expect(listing.channels).toEqual([{ channelId: fake.channels.noSend, source: 'config', broken: { reason: 'Missing Permissions (50013)', at: new Date(NINE) } }]);
    expect(listing.failed.map((l) => [l.description, l.reason])).toEqual([['Council to vote on the budget', 'Missing Permissions (50013)']]);
  });

  it('404 (channel deleted) marks the subscription broken', async () => {
    const gone = fake.addChannel({ name: 'gone' });
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z', configChannelId: gone });
    h.library.upsert(budget());
    await h.reminders.idle();
    fake.deleteChannel(gone);
    h.clock.set(NINE);
    await h.reminders.runDue();
    expect((await h.store.subscription('config'))?.broken?.reason).toBe('Unknown Channel (10003)');
  });
});

describe('downtime', () => {
  it('posts a reminder that fell due while Herald was down, if within the grace, saying how late', async () => {
    const dbPath = tempDbPath();
    const before = await harness({ fake, dbPath, start: '2024-11-27T12:00:00Z' });
    before.library.upsert(budget());
    await before.reminders.idle();
    before.db.close();
    const after = await harness({ fake, dbPath, start: '2024-11-28T11:00:00Z', articles: [budget()] });
    expect((await after.reminders.runDue()).posted).toBe(1);
    const [message] = fake.messages(fake.channels.reminders);
    expect(embed(message).description).toContain('*Posted 2 h late: Herald was offline.*');
  });

  it('marks one beyond the grace missed, counts it in /status and lists it', async () => {
    const dbPath = tempDbPath();
    const before = await harness({ fake, dbPath, start: '2024-11-27T12:00:00Z' });
    before.library.upsert(budget());
    await before.reminders.idle();
    before.db.close();
    const after = await harness({ fake, dbPath, start: '2024-11-30T09:00:00Z', articles: [budget()] });
    const status = new Status(after.clock.now(), after.library);
    status.contribute(after.reminders.statusContributor());
    expect((await after.reminders.runDue()).missed).toBe(1);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(0);
    expect(status.snapshot(after.clock.now()).missedReminders).toBe(1);
    const listing = await after.reminders.list(fake.guildId);
    expect(listing.missed.map((l) => [l.description, l.reason])).toEqual([['Council to vote on the budget', '2 days late, beyond REMINDER_GRACE (6 h)']]);
  });
});

describe('library changes', () => {
  it('a moved event date moves its reminder; removing the article cancels it; a sent one stays as history', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    h.library.upsert(budget());
    await h.reminders.idle();
    const rows = () => h.db.prepare('SELECT id, state, event_date, due_at FROM reminders ORDER BY id').all();
    const [original] = rows() as { id: number }[];
    h.library.upsert(tracked(article('Budget vote in the council', [{ ...vote, date: '2024-12-02', expression: 'December 2' }]), '/articles/budget.txt'));
    await h.reminders.idle();
    expect(rows()).toEqual([{ id: original.id, state: 'pending', event_date: '2024-12-02', due_at: Date.parse('2024-12-02T09:00:00Z') }]);
    h.library.removeOrigin('/articles/budget.txt');
    await h.reminders.idle();
    expect(rows()).toEqual([{ id: original.id, state: 'cancelled', event_date: '2024-12-02', due_at: Date.parse('2024-12-02T09:00:00Z') }]);

    // A second article: posted, then removed → the sent reminder is kept.
    h.library.upsert(tracked(article('Budget vote in the council', [vote]), '/articles/other.txt'));
    await h.reminders.idle();
    h.clock.set(NINE);
    await h.reminders.runDue();
    h.library.removeOrigin('/articles/other.txt');
    await h.reminders.idle();
    expect((rows() as { state: string }[]).map((r) => r.state)).toEqual(['cancelled', 'sent']);
  });
});

describe('subscriptions set with /remind', () => {
  it('a server channel with a lead, a role to ping and its own time zone', async () => {
    const h = await harness({ fake, start: '2024-11-25T12:00:00Z', configChannelId: null });
    h.library.upsert(budget());
    await h.reminders.idle();
    await h.reminders.subscribe(fake.guildId, fake.channels.general);
    expect(await h.reminders.setTimezone(fake.guildId, 'Mars/Olympus')).toEqual({ ok: false, reason: '"Mars/Olympus" is not an IANA time zone name such as Europe/London.' });
    expect((await h.reminders.setTimezone(fake.guildId, 'America/New_York')).ok).toBe(true);
    expect((await h.reminders.setTime(fake.guildId, '08:15')).ok).toBe(true);
    expect((await h.reminders.setLead(fake.guildId, 1)).ok).toBe(true);
    const role = fake.botRoleId;
    expect((await h.reminders.setRole(fake.guildId, role)).ok).toBe(true);
    const upcoming = await h.reminders.list(fake.guildId);
    // 08:15 in New York (EST, UTC−5) on 27 and 28 November
    expect(upcoming.upcoming.map((l) => [l.leadDays, l.at.toISOString()])).toEqual([
      [1, '2024-11-27T13:15:00.000Z'],
      [0, '2024-11-28T13:15:00.000Z'],
    ]);
    h.clock.set('2024-11-27T13:15:00Z');
    await h.reminders.runDue();
    const [lead] = fake.messages(fake.channels.general);
    expect(lead.content).toBe(`<@&${role}>`);
    expect(embed(lead).description).toContain('**In 1 day:**');
    const request = createRequests(fake, fake.channels.general)[0];
    expect(request.body.allowed_mentions).toEqual({ parse: [], roles: [role] });
    expect(fake.mentionViolations()).toEqual([]);

    const sent = await h.reminders.list(fake.guildId);
    expect(sent.sent.map((l) => l.messageUrl)).toEqual([`https://discord.com/channels/${fake.guildId}/${fake.channels.general}/${lead.id}`]);

    expect(await h.reminders.off(fake.guildId)).toEqual({ wasOn: true, cancelled: 1 });
    h.clock.set('2024-11-28T13:15:00Z');
    await h.reminders.runDue();
    expect(fake.messages(fake.channels.general)).toHaveLength(1);
  });

  it('/remind test posts a preview now, without touching the scheduled reminder', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z', configChannelId: null });
    expect(await h.reminders.preview(fake.guildId)).toEqual({ ok: false, reason: 'Reminders are off in this server: choose a channel with /remind channel first.' });
    h.library.upsert(budget());
    await h.reminders.idle();
    await h.reminders.subscribe(fake.guildId, fake.channels.general);
    const result = await h.reminders.preview(fake.guildId);
    expect(result).toMatchObject({ ok: true, channelId: fake.channels.general });
    expect(embed(fake.messages(fake.channels.general)[0]).title).toBe('Preview: Council to vote on the budget');
    expect(h.db.prepare('SELECT state FROM reminders').all()).toEqual([{ state: 'pending' }]);
  });
});

describe('the due-scan query', () => {
  it('is an index range scan on (state, run_at), not a table scan', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    const plan = h.db.prepare("EXPLAIN QUERY PLAN SELECT * FROM reminders WHERE state = 'pending' AND run_at <= ? ORDER BY run_at LIMIT ?").all(0, 50) as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH reminders USING INDEX reminders_due (state=? AND run_at<?)']);
  });
});
