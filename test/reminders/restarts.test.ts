// Restarts with real child processes (src/main.ts) against one database file and the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ingestDirectory } from '../../src/articles/ingest';
import { ManualClock } from '../../src/core/clock';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { repoRoot, startHerald, waitFor, type HeraldEnv } from './child';
import { createRequests, embed, remindersOn, tempDbPath } from './harness';
import { resolve } from 'node:path';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

type Row = { state: string; message_id: string | null; last_error: string | null };
function rows(dbPath: string): Row[] {
  const db = openDatabase(dbPath);
  try {
    return db.prepare('SELECT state, message_id, last_error FROM reminders ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

/** Runs Herald until `done`, then stops it (SIGTERM, or SIGKILL when `kill`). */
async function run(env: Omit<HeraldEnv, 'fake'>, done: (h: ReturnType<typeof startHerald>) => boolean, what: string, kill = false) {
  const h = startHerald({ fake, ...env });
  try {
    await waitFor(() => done(h), what, h);
  } finally {
    h.kill(kill ? 'SIGKILL' : 'SIGTERM');
    await h.exited;
  }
  return h;
}

const scheduled = (h: ReturnType<typeof startHerald>) => h.logs('reminders reconciled').length > 0;
const ready = (h: ReturnType<typeof startHerald>) => h.logs('connected to Discord').length > 0;

// Each test starts two or three real processes (~1–2 s each on an idle machine, far more under load).
const SLOW = 120_000;

describe('restarts against one database file', () => {
  it('restart after the post: no second post, not even an attempt', async () => {
    const channelId = fake.addChannel({ name: 'restart-after-post' });
    const dbPath = tempDbPath();
    await run({ dbPath, channelId, now: '2024-11-27T12:00:00Z' }, scheduled, 'the reminder to be scheduled');
    await run({ dbPath, channelId, now: '2024-11-28T09:00:01Z' }, (h) => h.logs('reminder posted').length === 1, 'the post to be recorded', true);
    expect(rows(dbPath)).toEqual([{ state: 'sent', message_id: fake.messages(channelId)[0].id, last_error: null }]);
    await run({ dbPath, channelId, now: '2024-11-28T09:00:20Z' }, ready, 'the restarted bot to connect');
    expect(createRequests(fake, channelId)).toHaveLength(1);
    expect(fake.messages(channelId)).toHaveLength(1);
    expect(embed(fake.messages(channelId)[0]).description).not.toContain('late');
  }, SLOW);

  it('stopped before the due time and started 2 h after: one late post that says so', async () => {
    const channelId = fake.addChannel({ name: 'two-hours-late' });
    const dbPath = tempDbPath();
    await run({ dbPath, channelId, now: '2024-11-28T08:00:00Z' }, scheduled, 'the reminder to be scheduled');
    const h = await run({ dbPath, channelId, now: '2024-11-28T11:00:00Z' }, (p) => p.logs('reminder posted').length === 1, 'the late post');
    expect(fake.messages(channelId)).toHaveLength(1);
    expect(embed(fake.messages(channelId)[0]).description).toContain('*Posted 2 h late: Herald was offline.*');
    const lateMs = Number(h.logs('reminder posted')[0].lateMs);
    expect(lateMs).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(lateMs).toBeLessThan(2 * 3_600_000 + 30_000);
  }, SLOW);

  it('started 2 days after: marked missed, nothing posted, listed by /remind list and counted', async () => {
    const channelId = fake.addChannel({ name: 'two-days-late' });
    const dbPath = tempDbPath();
    await run({ dbPath, channelId, now: '2024-11-27T12:00:00Z' }, scheduled, 'the reminder to be scheduled');
    await run({ dbPath, channelId, now: '2024-11-30T09:00:00Z' }, (h) => h.logs('reminder missed').length === 1 && ready(h), 'the reminder to be marked missed');
    expect(createRequests(fake, channelId)).toHaveLength(0);
    expect(rows(dbPath)).toEqual([{ state: 'missed', message_id: null, last_error: '2 days late, beyond REMINDER_GRACE (6 h)' }]);

    // What /remind list and /status read, from the same file.
    const db = openDatabase(dbPath);
    const library = new MemoryLibrary();
    await ingestDirectory(library, resolve(repoRoot, 'data/articles'), new Date('2024-11-30T09:05:00Z'));
    const reminders = remindersOn({ store: new SqliteReminderStore(db), library, clock: new ManualClock('2024-11-30T09:05:00Z') });
    await reminders.refreshSummary();
    const listing = await reminders.list(fake.guildId);
    db.close();
    expect(listing.missed.map((m) => [m.at.toISOString(), m.description, m.reason])).toEqual([
      ['2024-11-28T09:00:00.000Z', 'CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan', '2 days late, beyond REMINDER_GRACE (6 h)'],
    ]);
    expect(reminders.statusContributor()(new Date()).missedReminders).toBe(1);
  }, SLOW);

  it('a 500 (retried by the client) then a 403 from a child process: the subscription is reported broken', async () => {
    const channelId = fake.addChannel({ name: 'becomes-forbidden' });
    const dbPath = tempDbPath();
    await run({ dbPath, channelId, now: '2024-11-27T12:00:00Z' }, scheduled, 'the reminder to be scheduled');
    fake.failNext('POST', `/channels/${channelId}/messages`, 500, 1);
    fake.failNext('POST', `/channels/${channelId}/messages`, 403, 1);
    const h = await run(
      { dbPath, channelId, now: '2024-11-28T09:00:01Z' },
      (p) => p.logs('reminder channel is broken').length === 1,
      'the 403 to break the subscription',
    );
    expect(h.logs('reminder post failed; will retry')).toHaveLength(0);
    expect(createRequests(fake, channelId).map((r) => r.status)).toEqual([500, 403]);
    expect(rows(dbPath)).toEqual([{ state: 'failed', message_id: null, last_error: 'Missing Permissions (50013)' }]);
  }, SLOW);
});

describe('console mode', () => {
  it('a reminder that falls due prints as "[#channel] …" on stdout, once across a restart', async () => {
    const channelId = '123456789012345678';
    const dbPath = tempDbPath();
    const env = { dbPath, channelId };
    const first = startHerald({ ...env, now: '2024-11-28T08:00:00Z' });
    await first.exited; // stdin is empty: the console answers nothing and ends
    expect(first.output()).not.toContain(`[#${channelId}]`);
    const second = startHerald({ ...env, now: '2024-11-28T09:00:01Z' });
    await second.exited;
    const third = startHerald({ ...env, now: '2024-11-28T09:00:30Z' });
    await third.exited;
    const printed = second.output().split('\n').filter((l) => l.startsWith('[#'));
    expect(printed).toEqual([`[#${channelId}] CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan`]);
    expect(third.output()).not.toContain(`[#${channelId}]`);
  }, SLOW);
});

