// Time and Discord misbehaving around the reminder engine (real store, real poster, fake Discord, a
// ManualClock and the due-scan called as the cron job would): the clock stepping an hour forward or back
// neither duplicates nor loses a reminder, and a storm of 5xx on message create is met with backoff, not a
// hot loop, after which the reminder posts exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { article, tracked } from '../reminders/fixtures';
import { harness, type Harness } from '../reminders/harness';

const HOUR = 3_600_000;
const vote = (date: string, n: number) => tracked(article(`Vote ${n}`, [{ date, description: `Council vote number ${n}`, expression: date }]), `/articles/vote-${n}.txt`);

let fake: FakeDiscord;
let h: Harness;

beforeEach(async () => {
  fake = await startFakeDiscord();
  h = await harness({ fake, start: '2024-11-27T12:00:00Z', articles: [vote('2024-11-28', 1), vote('2024-11-29', 2)] });
  await h.reminders.idle();
});

afterEach(async () => {
  h.db.close();
  await fake.close();
});

const posted = () => fake.messages(fake.channels.reminders);
const creates = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channels.reminders}/messages`);
const states = () => (h.db.prepare('SELECT state, count(*) AS n FROM reminders GROUP BY state ORDER BY state').all() as { state: string; n: number }[]).map((r) => `${r.state}:${r.n}`);

/** Scans every 5 s of clock time from now for `ms`, as the cron job does. */
async function scanFor(ms: number): Promise<void> {
  for (let t = 0; t <= ms; t += 5000) {
    await h.reminders.runDue();
    h.clock.advance(5000);
  }
}

describe('the clock stepping an hour', () => {
  it('forward over the due time: posts once (late), and stepping back then forward again posts nothing more', async () => {
    h.clock.set('2024-11-28T08:30:00Z');
    await h.reminders.runDue();
    expect(posted()).toHaveLength(0);
    h.clock.advance(HOUR); // 09:30: the 09:00 reminder is due
    await h.reminders.runDue();
    expect(posted()).toHaveLength(1);
    h.clock.advance(-HOUR); // back to 08:30
    await scanFor(40 * 60_000); // through 09:00 and 09:10 again
    h.clock.advance(HOUR);
    await h.reminders.runDue();
    expect(posted()).toHaveLength(1);
    expect(states()).toEqual(['pending:1', 'sent:1']);
    // The next day's reminder is not lost either.
    h.clock.set('2024-11-29T09:00:00Z');
    await h.reminders.runDue();
    expect(posted()).toHaveLength(2);
    expect(states()).toEqual(['sent:2']);
  });

  it('back just before the due time: nothing early, nothing lost, one post when 09:00 comes round', async () => {
    h.clock.set('2024-11-28T08:59:55Z');
    await h.reminders.runDue();
    h.clock.advance(-HOUR); // 07:59:55
    await scanFor(HOUR - 10_000); // until 08:59:45
    expect(posted()).toHaveLength(0);
    await scanFor(30_000); // through 09:00
    expect(posted()).toHaveLength(1);
    await scanFor(60_000);
    expect(posted()).toHaveLength(1);
    expect(states()).toEqual(['pending:1', 'sent:1']);
  });
});

describe('a storm of REST 5xx on message create', () => {
  it('backs off: few requests over 10 minutes of 5-second scans, the reminder stays due, then posts once', async () => {
    // Fails every create while the storm lasts (a RegExp-like matcher the fake calls with the path).
    let storm = true;
    const path = `/channels/${fake.channels.reminders}/messages`;
    fake.failNext('POST', { test: (p: string) => storm && p === path } as unknown as RegExp, 503, 1_000_000);
    h.clock.set('2024-11-28T09:00:00Z');
    await scanFor(10 * 60_000); // 121 scans
    // A hot loop would send at least one request per scan (121+); backoff 5 s, 10 s, 20 s … 300 s allows
    // about seven attempts (each retried once by REST) in ten minutes.
    expect(creates().length).toBeGreaterThanOrEqual(4);
    expect(creates().length).toBeLessThanOrEqual(20);
    expect(posted()).toHaveLength(0);
    expect(states()).toEqual(['pending:2']);
    storm = false;
    const before = creates().length;
    await scanFor(6 * 60_000); // longer than the longest backoff
    expect(posted()).toHaveLength(1);
    expect(creates().length - before).toBeLessThanOrEqual(3);
    expect(states()).toEqual(['pending:1', 'sent:1']);
  }, 60_000);
});
