// Crash injection: Herald is SIGKILLed around the send (at named points, and after random delays), then
// restarted on the same database file. Every time, the channel must end up with exactly one message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import pino from 'pino';
import { MemoryLibrary } from '../../src/articles/library';
import { ingestDirectory } from '../../src/articles/ingest';
import { ManualClock } from '../../src/core/clock';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { Reminders } from '../../src/reminders/service';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { repoRoot, startHerald, waitFor } from './child';
import { createRequests, tempDbPath } from './harness';

let fake: FakeDiscord;
const library = new MemoryLibrary();
beforeAll(async () => {
  fake = await startFakeDiscord();
  await ingestDirectory(library, resolve(repoRoot, 'data/articles'), new Date('2024-11-27T12:00:00Z'));
});
afterAll(async () => {
  await fake.close();
});

/** What an instance running on 2024-11-27 leaves in the database: the approval reminder, pending. */
async function scheduleSeedReminder(dbPath: string, channelId: string): Promise<void> {
  const db = openDatabase(dbPath);
  const reminders = new Reminders({
    store: new SqliteReminderStore(db),
    poster: { post: async () => ({ ok: false, retryable: true, reason: 'not used' }) },
    clock: new ManualClock('2024-11-27T12:00:00Z'),
    log: pino({ level: 'silent' }),
    library,
    defaults: { time: '09:00', timezone: 'UTC', graceMs: 6 * 3_600_000 },
  });
  await reminders.start(channelId);
  db.close();
}

function state(dbPath: string): { state: string; message_id: string | null; attempts: number } {
  const db = openDatabase(dbPath);
  try {
    return db.prepare('SELECT state, message_id, attempts FROM reminders').get() as { state: string; message_id: string | null; attempts: number };
  } finally {
    db.close();
  }
}

type Kill = { point: 'claimed' | 'sent' | 'recorded' } | { delayMs: number };

interface Outcome {
  kill: string;
  postedBeforeRestart: boolean;
  stateAfterKill: string;
  requests: number;
}

async function iteration(i: number, kill: Kill): Promise<Outcome> {
  const channelId = fake.addChannel({ name: `crash-${i}` });
  const dbPath = tempDbPath();
  await scheduleSeedReminder(dbPath, channelId);
  const env = { fake, dbPath, channelId };

  const first = startHerald({ ...env, now: '2024-11-28T09:00:01Z', ...('point' in kill ? { crashPoint: kill.point } : {}) });
  if ('delayMs' in kill) {
    // Anchored on the line logged just before the startup due-scan: the claim, the send and the record
    // follow within a few milliseconds, so the random delay lands before, between or after them.
    const started = first.nextLog('reminders started; running the startup due-scan');
    await Promise.race([started, first.exited]);
    await new Promise((r) => setTimeout(r, kill.delayMs));
    first.kill('SIGKILL');
  }
  const exit = await Promise.race([first.exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
  if (exit === null) {
    first.kill('SIGKILL');
    throw new Error(`iteration ${i}: the first process did not die\n${first.output().slice(-2000)}`);
  }
  expect(exit.signal).toBe('SIGKILL');
  const postedBeforeRestart = fake.messages(channelId).length > 0;
  const stateAfterKill = state(dbPath).state;

  // The restart: its startup due-scan finishes before the cron job is scheduled.
  const second = startHerald({ ...env, now: '2024-11-28T09:00:20Z' });
  try {
    await waitFor(() => second.logs('job scheduled').length > 0, 'the restarted process to finish its startup due-scan', second);
  } finally {
    second.kill('SIGKILL');
    await second.exited;
  }
  const messages = fake.messages(channelId);
  expect(messages, `iteration ${i} (${JSON.stringify(kill)})`).toHaveLength(1);
  expect(state(dbPath)).toMatchObject({ state: 'sent', message_id: messages[0].id });
  return { kill: 'point' in kill ? kill.point : `${kill.delayMs} ms`, postedBeforeRestart, stateAfterKill, requests: createRequests(fake, channelId).length };
}

describe('crash injection around the send', () => {
  it('SIGKILL at the claim, after the send, after the record, and at random moments: exactly one message every time (20 runs)', async () => {
    const kills: Kill[] = [];
    for (let i = 0; i < 3; i++) kills.push({ point: 'claimed' }, { point: 'sent' }, { point: 'recorded' });
    kills.push({ point: 'sent' });
    for (let i = 0; i < 10; i++) kills.push({ delayMs: Math.floor(Math.random() * 40) });
    const outcomes: Outcome[] = [];
    // Two at a time (each has its own channel and database file).
    for (let i = 0; i < kills.length; i += 2) {
      outcomes.push(...(await Promise.all(kills.slice(i, i + 2).map((k, j) => iteration(i + j, k)))));
    }
    expect(outcomes).toHaveLength(20);
    // The named points hit what they name: the first process had claimed, had sent (message exists,
    // not recorded), or had recorded; the re-send after "sent" reused the nonce (2 requests, 1 message).
    for (const o of outcomes.filter((x) => x.kill === 'claimed')) expect([o.postedBeforeRestart, o.stateAfterKill, o.requests]).toEqual([false, 'claimed', 1]);
    for (const o of outcomes.filter((x) => x.kill === 'sent')) expect([o.postedBeforeRestart, o.stateAfterKill, o.requests]).toEqual([true, 'claimed', 2]);
    for (const o of outcomes.filter((x) => x.kill === 'recorded')) expect([o.postedBeforeRestart, o.stateAfterKill, o.requests]).toEqual([true, 'sent', 1]);
    console.log(`crash injection outcomes:\n${outcomes.map((o) => `  ${o.kill}: posted before restart ${o.postedBeforeRestart}, state ${o.stateAfterKill}, requests ${o.requests}`).join('\n')}`);
  }, 600_000);
});
