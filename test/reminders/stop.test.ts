// Shutdown during a long due-scan: the scheduler's stop signal ends the scan between reminders, so
// SIGTERM exits within seconds however many reminders fall due at once (issue 17). Real SQLite store; the
// poster is a slow stand-in for Discord (each post takes POST_MS), the only double here.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import { Reminders } from '../../src/reminders/reminders';
import { Scheduler } from '../../src/scheduler/scheduler';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { tempDbPath } from './harness';

const DUE = Date.parse('2026-03-02T09:00:00Z');
const SERVERS = 1000;
const POST_MS = 100;

describe('a due-scan stopped by shutdown', () => {
  it('ends between reminders when the scheduler stops; the rest stay pending for the next start', async () => {
    const db = openDatabase(tempDbPath());
    const store = new SqliteReminderStore(db);
    const clock = new ManualClock(DUE - 60_000);
    let posted = 0;
    const poster: MessagePoster = {
      post: async (channelId) => {
        await new Promise((done) => setTimeout(done, POST_MS));
        posted++;
        return { ok: true, channelId, messageId: String(1_000_000 + posted) };
      },
    };
    const log = pino({ level: 'silent' });
    const reminders = new Reminders({ store, poster, clock, log, library: new MemoryLibrary(), defaults: { time: '09:00', timezone: 'UTC', graceMs: 3_600_000 } });
    for (let i = 0; i < SERVERS; i++) {
      const sub = await store.upsertSubscription(`guild:${100_000_000_000_000_000n + BigInt(i)}`, { channelId: String(200_000_000_000_000_000n + BigInt(i)) }, clock.now());
      const content = {
        articleId: 'summit', headline: 'Leaders to meet at the grain summit', description: 'Leaders meet at the grain summit',
        eventDate: '2026-03-02', endDate: '2026-03-02', qualifier: 'on' as const, expression: 'on 2 March', sentence: 'Leaders will meet at the grain summit on 2 March.', attribution: 'Officials said',
      };
      await store.apply(sub.id, 'summit.txt', { create: [{ eventKey: 'e1', leadDays: 0, eventDate: '2026-03-02', dueAt: DUE, content }], move: [], refresh: [], cancel: [] }, clock.now());
    }
    clock.set(DUE);
    const scheduler = new Scheduler(log);
    scheduler.add({ name: 'reminders.due-scan', schedule: '0 0 1 1 *', run: (signal) => reminders.runDue(signal) });
    const scan = scheduler.runNow('reminders.due-scan');
    await new Promise((done) => setTimeout(done, 3 * POST_MS));
    const stopping = performance.now();
    await scheduler.stop();
    const stopMs = performance.now() - stopping;
    await scan;
    // Unstopped, the scan would post all 1,000 at 25 in flight: 40 rounds of POST_MS (4 s); stopped, the posts in flight finish.
    expect(stopMs).toBeLessThan(15 * POST_MS);
    expect(posted).toBeGreaterThan(0);
    expect(posted).toBeLessThan(SERVERS / 2);
    expect((await store.counts()).pending).toBe(SERVERS - posted);
    const left = await store.due(DUE, SERVERS);
    expect(left.length).toBe(SERVERS - posted);
    db.close();
  });
});
