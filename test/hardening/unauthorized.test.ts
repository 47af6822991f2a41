// Red-team scenario (issue 10, finding 5): one 401 from Discord made discord.js clear its token; every
// later post failed with "Expected token to be set", backed off until the reminder was marked missed, and
// /status said "Last error: None". Now a 401 stops posting as a whole: nothing more is claimed or sent,
// no reminder is marked missed for it, /status and the log (error level) say so, and Herald exits
// non-zero so a supervisor restarts it; the restarted Herald posts every reminder once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock } from '../../src/core/clock';
import { PostingGate } from '../../src/core/posting';
import { Status } from '../../src/core/status-snapshot';
import { statusReply } from '../../src/answers/status-reply';
import { Announcer } from '../../src/feeds/announcer';
import { SqliteFeedStore } from '../../src/store/feeds';
import { StoryIndex } from '../../src/stories/index';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { createDiscord } from '../../src/transports/discord/client';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { article, tracked } from '../reminders/fixtures';
import { harness, scheduleSeedReminders, silent, tempDbPath, type Harness } from '../reminders/harness';
import { startHerald, waitFor } from '../reminders/child';

const vote = (date: string, n: number) => tracked(article(`Vote ${n}`, [{ date, description: `Council vote number ${n}`, expression: date }]), `/articles/vote-${n}.txt`);
const creates = (fake: FakeDiscord) => fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));

describe('a 401 on a reminder post (in process, real discord.js REST against the fake Discord)', () => {
  let fake: FakeDiscord;
  let h: Harness;
  let gate: PostingGate;
  let status: Status;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    gate = new PostingGate();
    const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log: silent });
    const clock = new ManualClock('2024-11-27T12:00:00Z');
    h = await harness({ fake, start: '2024-11-27T12:00:00Z', articles: [vote('2024-11-28', 1), vote('2024-11-28', 2), vote('2024-11-29', 3)], poster: gate.guard(discord.poster, clock), posting: gate });
    status = new Status(new Date('2024-11-27T12:00:00Z'), h.library);
    status.contribute(() => ({ postingStopped: gate.stopped() }));
    await h.reminders.idle();
  });

  afterEach(async () => {
    h.db.close();
    await fake.close();
  });

  const states = () => (h.db.prepare('SELECT state, count(*) AS n FROM reminders GROUP BY state ORDER BY state').all() as { state: string; n: number }[]).map((r) => `${r.state}:${r.n}`);

  it('stops claiming after the first 401: no further request, nothing missed even past REMINDER_GRACE, /status says so', async () => {
    fake.failNext('POST', '/channels/:id/messages', 401);
    h.clock.set('2024-11-28T09:00:00Z');
    await h.reminders.runDue();
    // Posts already in flight beside the rejected one (the due-scan posts a few at once) complete; none is claimed after.
    const afterStop = creates(fake).length;
    expect(creates(fake)[0].status).toBe(401);
    expect(gate.stopped()?.reason).toMatch(/401/);
    // A day of scans every minute: beyond the 6 h grace, still nothing claimed, nothing missed, no request.
    for (let i = 0; i < 24 * 60; i++) {
      h.clock.advance(60_000);
      await h.reminders.runDue();
    }
    expect(creates(fake)).toHaveLength(afterStop);
    expect(states().filter((s) => !/^(pending|sent):/.test(s))).toEqual([]);
    expect(states().find((s) => s.startsWith('pending:'))).toBeDefined();
    const snapshot = status.snapshot(h.clock.now(), fake.guildId);
    expect(snapshot.postingStopped?.reason).toMatch(/rejected the token \(401/);
    const field = statusReply(snapshot, h.clock.now()).embeds?.[0].fields?.find((f) => f.name === 'Posting stopped');
    expect(field?.value).toMatch(/401 Unauthorized.*No reminder or announcement is posted/);
  });

  it('without the gate the old failure mode is visible: discord.js cleared its token and later posts fail before reaching Discord', async () => {
    // The same client after a 401, posting again: the error the gate turns into a stop.
    const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log: silent });
    fake.failNext('POST', '/channels/:id/messages', 401);
    const first = await discord.poster.post(fake.channels.reminders, { content: 'one' });
    const second = await discord.poster.post(fake.channels.reminders, { content: 'two' });
    expect(first).toMatchObject({ ok: false, retryable: true, unauthorized: true });
    expect(second).toMatchObject({ ok: false, retryable: true, unauthorized: true, reason: expect.stringMatching(/cleared/) });
    expect(creates(fake)).toHaveLength(1);
  });

  it('an announcement drain stops too: the row stays due with no attempt counted', async () => {
    const store = new SqliteFeedStore(h.db);
    const library = new MemoryLibrary();
    const announcer = new Announcer({ store, stories: new StoryIndex(library), poster: h.poster, clock: h.clock, log: silent, posting: gate });
    const watch = await store.watches.upsertWatch({ guildId: fake.guildId, channelId: fake.channels.general, topic: null, createdBy: fake.users.admin, at: h.clock.now() });
    await store.outbox.enqueue(['a', 'b', 'c'].map((key) => ({ watchId: watch.id, articleKey: key, nonce: `n-${key}`, reply: { content: `news ${key}` } })), h.clock.now());
    fake.failNext('POST', '/channels/:id/messages', 401);
    const report = await announcer.drain();
    expect(report).toEqual({ posted: 0, retrying: 0, failed: 0 });
    expect(creates(fake)).toHaveLength(1);
    await announcer.drain();
    expect(creates(fake)).toHaveLength(1);
    expect(h.db.prepare('SELECT status, attempts FROM announcements ORDER BY article_key').all()).toEqual([
      { status: 'pending', attempts: 0 },
      { status: 'pending', attempts: 0 },
      { status: 'pending', attempts: 0 },
    ]);
  });
});

describe('a 401 in a running Herald (child process against the fake Discord)', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('logs at error level, exits with status 1 leaving every reminder pending, and the restarted Herald posts each once', async () => {
    const dbPath = tempDbPath();
    const channels = [fake.channels.reminders, fake.addChannel({ name: 'second' }), fake.addChannel({ name: 'third' })];
    {
      const db = openDatabase(dbPath);
      await scheduleSeedReminders(new SqliteReminderStore(db), channels);
      db.close();
    }
    fake.failNext('POST', '/channels/:id/messages', 401);
    const first = startHerald({ fake, dbPath, channelId: channels[0], now: '2024-11-28T09:00:05Z' });
    const exit = await Promise.race([first.exited, new Promise<null>((r) => setTimeout(() => r(null), 150_000))]);
    if (exit === null) first.kill('SIGKILL');
    expect(exit, first.output().slice(-2000)).toEqual({ code: 1, signal: null });
    const stopped = first.logs('posting stopped: Discord rejected the token (401); nothing more is claimed. Herald exits (status 1) so its supervisor restarts it');
    expect(stopped).toHaveLength(1);
    expect(stopped[0].level).toBe(50);
    expect(first.output()).not.toContain(fake.token);
    expect(creates(fake)[0].status).toBe(401);
    const db = openDatabase(dbPath);
    const rows = () => db.prepare('SELECT state FROM reminders ORDER BY id').all() as { state: string }[];
    // Nothing missed or failed: what was not posted (posts in flight beside the 401 may have been) waits.
    expect(rows().every((r) => r.state === 'pending' || r.state === 'sent')).toBe(true);

    const second = startHerald({ fake, dbPath, channelId: channels[0], now: '2024-11-28T09:00:30Z' });
    try {
      // Posted, then recorded: wait for both (the last record may land just after the last message).
      await waitFor(() => channels.every((c) => fake.messages(c).length === 1) && rows().every((r) => r.state === 'sent'), 'one post per channel after the restart, recorded', second, 150_000);
      expect(rows().map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
      expect(channels.map((c) => fake.messages(c).length)).toEqual([1, 1, 1]);
    } finally {
      second.kill('SIGTERM');
      await second.exited;
      db.close();
    }
  }, 360_000);
});
