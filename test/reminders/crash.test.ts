// Crash injection: Herald (src/main.ts, a real child process) is SIGKILLed around the send of a reminder,
// then restarted on the same database file, 20 times in a chain. Each process first re-sends what the
// previous one left claimed (same nonce), then dies during the first attempt of the next reminder: at
// the claim, right after the send, right after the record, or at a random moment 0–30 ms after the
// claim. After every restart the previous victim has exactly one message in its channel; at the end
// every channel has exactly one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { startHerald, waitFor } from './child';
import { createRequests, scheduleSeedReminders, tempDbPath } from './harness';

const RUNS = 20;
/** More reminders than runs: a random kill may let a process finish one or two before it dies. */
const REMINDERS = 40;

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

/** What an instance running on 2024-11-27 leaves: the approval reminder, pending, once per channel. */
async function scheduleReminders(dbPath: string, channels: string[]): Promise<void> {
  const db = openDatabase(dbPath);
  await scheduleSeedReminders(new SqliteReminderStore(db), channels);
  db.close();
}

interface Row {
  id: number;
  state: string;
  channel_id: string | null;
  message_id: string | null;
  attempts: number;
  channel: string;
}

function rows(dbPath: string): Row[] {
  const db = openDatabase(dbPath);
  try {
    return db
      .prepare('SELECT r.id, r.state, r.channel_id, r.message_id, r.attempts, s.channel_id AS channel FROM reminders r JOIN reminder_subscriptions s ON s.id = r.subscription_id ORDER BY r.id')
      .all() as Row[];
  } finally {
    db.close();
  }
}

type Point = 'claimed' | 'sent' | 'recorded' | 'random';

describe('crash injection around the send', () => {
  it(`SIGKILL at the claim, after the send, after the record and at random moments, ${RUNS} restarts: exactly one message per reminder`, async () => {
    const channels = Array.from({ length: REMINDERS }, (_, i) => fake.addChannel({ name: `crash-${i}` }));
    const dbPath = tempDbPath();
    await scheduleReminders(dbPath, channels);
    expect(rows(dbPath).map((r) => [r.state, r.channel])).toEqual(channels.map((c) => ['pending', c]));

    const points: Point[] = [];
    for (let i = 0; i < 3; i++) points.push('claimed', 'sent', 'recorded');
    points.push('sent');
    while (points.length < RUNS) points.push('random');

    const outcomes: string[] = [];
    let previousVictim: number | undefined;
    for (const [run, point] of points.entries()) {
      const herald = startHerald({ fake, dbPath, channelId: channels[0], now: `2024-11-28T09:00:${String(1 + run).padStart(2, '0')}Z`, crashPoint: point });
      const exit = await Promise.race([herald.exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
      if (exit === null) herald.kill('SIGKILL');
      expect(exit, `run ${run} (${point}) did not die\n${herald.output().slice(-2000)}`).toEqual({ code: null, signal: 'SIGKILL' });
      const kill = /killing the process at (.*) of reminder (\d+)/.exec(herald.output());
      const victim = Number(kill?.[2]);
      const state = rows(dbPath);
      const messagesIn = (r: Row) => fake.messages(r.channel);

      // Nothing is ever posted twice, and what is recorded as sent is that one message.
      for (const r of state) {
        expect(messagesIn(r).length, `run ${run}: reminder ${r.id}`).toBeLessThanOrEqual(1);
        if (r.state === 'sent') expect(r.message_id).toBe(messagesIn(r)[0]?.id);
      }
      // The restart re-sent what the previous run left claimed: exactly one message, recorded.
      if (previousVictim !== undefined) {
        const before = state.find((r) => r.id === previousVictim)!;
        expect([before.state, messagesIn(before).length], `run ${run}: previous victim ${previousVictim}`).toEqual(['sent', 1]);
      }
      // The named points hit what they name.
      const hit = state.find((r) => r.id === victim)!;
      const seen = [hit.state, messagesIn(hit).length];
      if (point === 'claimed') expect(seen).toEqual(['claimed', 0]);
      if (point === 'sent') expect(seen).toEqual(['claimed', 1]);
      if (point === 'recorded') expect(seen).toEqual(['sent', 1]);
      outcomes.push(`${point} (killed at ${kill?.[1]}): reminder ${victim} ${hit.state}, ${messagesIn(hit).length} message(s), ${createRequests(fake, hit.channel).length} request(s)`);
      previousVictim = victim;
    }

    // A last restart without crashing finishes the queue.
    const last = startHerald({ fake, dbPath, channelId: channels[0], now: '2024-11-28T09:00:40Z' });
    try {
      await waitFor(() => last.logs('job scheduled').length > 0, 'the last restart to finish its startup due-scan', last);
    } finally {
      last.kill('SIGKILL');
      await last.exited;
    }
    const final = rows(dbPath);
    expect(final.map((r) => r.state)).toEqual(channels.map(() => 'sent'));
    expect(channels.map((c) => fake.messages(c).length)).toEqual(channels.map(() => 1));
    expect(final.map((r) => r.message_id)).toEqual(channels.map((c) => fake.messages(c)[0].id));
    // Re-sends after a crash past the send carried the same nonce: Discord answered with the first message.
    const resent = channels.filter((c) => createRequests(fake, c).length > 1);
    expect(resent.length).toBeGreaterThanOrEqual(4);
    console.log(`crash injection (${RUNS} runs):\n  ${outcomes.join('\n  ')}\n  re-sent with the same nonce: ${resent.length} reminders`);
  }, 600_000);
});
