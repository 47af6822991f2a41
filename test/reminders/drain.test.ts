// A due-scan with many reminders due together (issue 14's bench, small): one scan drains all of them,
// not a fixed number of batches (a backlog then waited for the next 5-second tick per 2,000), and the
// operator channel's server is learnt once, not written back after every post of the scan.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { createDiscord } from '../../src/transports/discord/client';
import { harness, silent } from './harness';

const NINE = Date.parse('2024-11-28T09:00:00Z');
const COUNT = 2_100;

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await fake.close();
});

describe('a due-scan with a backlog', () => {
  it(`posts all ${COUNT} reminders due at its start in one scan, each once, the channel's server learnt at start-up`, async () => {
    // discord.js's own 50 requests/s cap lifted, as in the bench: the scan's pace, not Discord's, is tested.
    const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log: silent, restGlobalRequestsPerSecond: 1_000_000 });
    const h = await harness({ fake, start: '2024-11-28T08:00:00Z', poster: discord.poster });
    const sub = await h.store.subscription('config');
    // Asked of Discord (GET /channels/:id) at start-up: a posted message comes back without its server.
    expect(sub?.guildId).toBe(fake.guildId);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${fake.channels.reminders}`)).toHaveLength(1);
    const content = (i: number) =>
      JSON.stringify({ articleId: 'a', headline: 'Budget', description: `Event ${i}`, eventDate: '2024-11-28', endDate: '2024-11-28', qualifier: 'on', expression: 'on 28 November', sentence: `Event ${i} happens.` });
    const insert = h.db.prepare(
      `INSERT INTO reminders (subscription_id, origin, event_key, lead_days, event_date, due_at, run_at, state, nonce, content, created_at, updated_at)
       VALUES (?, 'drain-origin', ?, 0, '2024-11-28', ?, ?, 'pending', ?, ?, 0, 0)`,
    );
    h.db.transaction(() => {
      for (let i = 0; i < COUNT; i++) insert.run(sub!.id, `e${i}`, NINE + (i % 60) * 1000, NINE + (i % 60) * 1000, `d${i}`, content(i));
    })();
    const upserts = vi.spyOn(h.store, 'upsertSubscription');

    h.clock.set(NINE + 60_000);
    const report = await h.reminders.runDue();
    expect(report).toEqual({ posted: COUNT, retried: 0, failed: 0, missed: 0, cancelled: 0 });
    const messages = fake.messages(fake.channels.reminders);
    expect(messages).toHaveLength(COUNT);
    expect(new Set(messages.map((m) => m.nonce)).size).toBe(COUNT);
    expect(upserts).not.toHaveBeenCalled();
    expect((await h.store.subscription('config'))?.guildId).toBe(fake.guildId);
    expect(h.db.prepare("SELECT count(*) AS n FROM reminders WHERE state = 'sent'").get()).toEqual({ n: COUNT });
    expect(await h.reminders.runDue()).toEqual({ posted: 0, retried: 0, failed: 0, missed: 0, cancelled: 0 });
  }, 120_000);
});
