// One event, reminders to many servers: SERVERS subscriptions (each its own channel in the fake
// Discord, which answers every request after a Discord-like round trip of RTT_MS) all due at the same
// instant, drained by the due-scan through the real discord.js poster. Discord's rate limit (discord.js
// keeps it: 50 requests/s per client) should set the pace — SERVERS / 50 seconds — not one round trip
// per post (SERVERS × RTT_MS if posts went one at a time).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { MemoryLibrary } from '../src/articles/library';
import { ManualClock } from '../src/core/clock';
import { openDatabase } from '../src/store/db';
import { SqliteReminderStore } from '../src/store/reminders-sqlite';
import { Reminders } from '../src/reminders/reminders';
import { createDiscord } from '../src/transports/discord/client';
import { startFakeDiscord } from '../test/e2e/fake-discord';

const SERVERS = Number(process.env.FANOUT_SERVERS ?? 1_000);
const RTT_MS = Number(process.env.FANOUT_RTT_MS ?? 100);
const RATE = 50;
const DUE = Date.parse('2026-03-02T09:00:00Z');

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-fanout-'));
  const fake = await startFakeDiscord({ responseDelayMs: RTT_MS });
  const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log: pino({ level: 'silent' }) });
  try {
    const db = openDatabase(join(dir, 'herald.db'));
    const store = new SqliteReminderStore(db);
    const clock = new ManualClock(DUE - 60_000);
    const reminders = new Reminders({
      store,
      poster: discord.poster,
      clock,
      log: pino({ level: 'silent' }),
      library: new MemoryLibrary(),
      defaults: { time: '09:00', timezone: 'UTC', graceMs: 3_600_000 },
      // FANOUT_IN_FLIGHT=1 measures one post at a time (the due-scan before issue 17).
      postsInFlight: process.env.FANOUT_IN_FLIGHT ? Number(process.env.FANOUT_IN_FLIGHT) : undefined,
    });
    for (let i = 0; i < SERVERS; i++) {
      const channelId = fake.addChannel({ name: `news-${i}` });
      const sub = await store.upsertSubscription(`guild:${100_000_000_000_000_000n + BigInt(i)}`, { channelId, guildId: fake.guildId }, clock.now());
      const content = {
        articleId: 'summit', headline: 'Leaders to meet at the grain summit', description: 'Leaders meet at the grain summit',
        eventDate: '2026-03-02', endDate: '2026-03-02', qualifier: 'on' as const, expression: 'on 2 March', sentence: 'Leaders will meet at the grain summit on 2 March.', attribution: 'Officials said',
      };
      await store.apply(sub.id, 'summit.txt', { create: [{ eventKey: 'e1', leadDays: 0, eventDate: '2026-03-02', dueAt: DUE, content }], move: [], refresh: [], cancel: [] }, clock.now());
    }
    clock.set(DUE);
    const started = performance.now();
    let posted = 0;
    for (let guard = 0; guard < 1_000 && posted < SERVERS; guard++) {
      posted += (await reminders.runDue()).posted;
      clock.advance(1_000);
    }
    const seconds = (performance.now() - started) / 1000;
    const floor = SERVERS / RATE;
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(
      `${posted} reminders of one event to ${SERVERS} servers' channels, round trip ${RTT_MS} ms, ${process.env.FANOUT_IN_FLIGHT ?? 25} in flight: ${seconds.toFixed(1)} s = ${(posted / seconds).toFixed(1)} posts/s ` +
        `(Discord's rate: ${RATE}/s → ${floor.toFixed(0)} s; one post at a time would take ${((SERVERS * RTT_MS) / 1000).toFixed(0)} s)`,
    );
  } finally {
    await discord.stop(1_000).catch(() => undefined);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
