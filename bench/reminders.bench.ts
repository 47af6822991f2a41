// Reminders at scale: 100,000 pending reminders in the SQLite store (WAL, a temp file). Measures the
// due-scan (the indexed query alone, and a whole runDue() tick) when nothing is due and when a batch is
// due, and how many posts per second a drain pushes through the real Discord poster to the fake Discord.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { MemoryLibrary } from '../src/articles/library';
import { ManualClock } from '../src/core/clock';
import { openDatabase } from '../src/store/db';
import { SqliteReminderStore } from '../src/store/reminders-sqlite';
import { Reminders } from '../src/reminders/reminders';
import type { PlannedReminder } from '../src/reminders/plan';
import { createDiscord } from '../src/transports/discord/client';
import { startFakeDiscord } from '../test/e2e/fake-discord';

const PENDING = 100_000;
const DRAIN = 2_000;
const SCANS = 200;
const START = Date.parse('2026-01-01T00:00:00Z');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)];
const ms = (x: number) => `${x.toFixed(3)} ms`;

function planned(i: number, dueAt: number): PlannedReminder {
  return {
    eventKey: `bench-${i}`,
    leadDays: 0,
    eventDate: new Date(dueAt).toISOString().slice(0, 10),
    dueAt,
    content: {
      articleId: `article-${i % 500}`,
      headline: `Benchmark article ${i % 500}`,
      description: `Event number ${i} happens`,
      eventDate: new Date(dueAt).toISOString().slice(0, 10),
      endDate: new Date(dueAt).toISOString().slice(0, 10),
      qualifier: 'on',
      expression: 'on that day',
      sentence: `Event number ${i} will happen on that day, officials said.`,
      attribution: 'Officials said',
    },
  };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-reminders-'));
  const fake = await startFakeDiscord();
  try {
    const db = openDatabase(join(dir, 'herald.db'));
    const store = new SqliteReminderStore(db);
    const clock = new ManualClock(START);
    const log = pino({ level: 'silent' });
    const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
    const reminders = new Reminders({
      store,
      poster: discord.poster,
      clock,
      log,
      library: new MemoryLibrary(),
      defaults: { time: '09:00', timezone: 'UTC', graceMs: 365 * 86_400_000 },
    });
    await reminders.start(fake.channels.reminders);
    const sub = (await store.subscription('config'))!;

    // 100,000 pending: DRAIN of them due in the first hour, the rest spread over the following year.
    const t0 = performance.now();
    const create: PlannedReminder[] = [];
    for (let i = 0; i < PENDING; i++) {
      const dueAt = i < DRAIN ? START + 60_000 + i * 1000 : START + 86_400_000 + Math.floor(((i * 7919) % PENDING) * (365 * 86_400_000 / PENDING));
      create.push(planned(i, dueAt));
    }
    await store.apply(sub.id, 'bench-origin', { create, move: [], refresh: [], cancel: [] }, clock.now());
    const insertMs = performance.now() - t0;
    const counts = await store.counts();

    // The due-scan with nothing due (the every-5-seconds case).
    const idleQuery: number[] = [];
    const idleTick: number[] = [];
    for (let i = 0; i < SCANS; i++) {
      let s = performance.now();
      await store.due(START, 50);
      idleQuery.push(performance.now() - s);
      s = performance.now();
      await reminders.runDue();
      idleTick.push(performance.now() - s);
    }
    // The query when a full batch (50) is due, reading and validating the rows.
    const dueQuery: number[] = [];
    for (let i = 0; i < SCANS; i++) {
      const s = performance.now();
      const rows = await store.due(START + 3_600_000, 50);
      dueQuery.push(performance.now() - s);
      if (rows.length !== 50) throw new Error(`expected 50 due rows, got ${rows.length}`);
    }

    // Drain DRAIN due reminders through the Discord poster into the fake Discord.
    clock.set(START + 3_600_000);
    const d0 = performance.now();
    let posted = 0;
    let retried = 0;
    // Each tick stands for one 5-second scan: the clock moves so reminders deferred by a retryable
    // answer (discord.js's own 50 requests/s queue, a 429) come due again as they would in production.
    for (let guard = 0; guard < 2_000 && posted < DRAIN; guard++) {
      const report = await reminders.runDue();
      posted += report.posted;
      retried += report.retried;
      clock.advance(5_000);
    }
    const drainMs = performance.now() - d0;
    const messages = fake.messages(fake.channels.reminders).length;
    if (posted !== DRAIN || messages !== DRAIN) throw new Error(`drain posted ${posted}, the fake holds ${messages}; expected ${DRAIN}`);

    // The engine alone (claim, render, record) with a poster that answers at once: what the store and
    // due-scan cost per post, apart from Discord and discord.js's global 50 requests/s limit.
    let fakeIds = 0;
    const engine = new Reminders({
      store,
      poster: { post: async (channelId) => ({ ok: true, messageId: `m${++fakeIds}`, channelId }) },
      clock,
      log,
      library: new MemoryLibrary(),
      defaults: { time: '09:00', timezone: 'UTC', graceMs: 365 * 86_400_000 },
    });
    const ENGINE = 5_000;
    clock.set(START + 86_400_000 + 365 * 86_400_000); // everything due: take the next ENGINE of them
    const e0 = performance.now();
    let drained = 0;
    while (drained < ENGINE) drained += (await engine.runDue()).posted;
    const engineMs = performance.now() - e0;
    clock.set(START + 3_600_000);

    // The next tick after the drain, with the remaining 98,000 pending in the future.
    const after: number[] = [];
    for (let i = 0; i < SCANS; i++) {
      const s = performance.now();
      await reminders.runDue();
      after.push(performance.now() - s);
    }
    db.close();

    console.log(`machine: ${cpus().length} cpus, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`pending reminders: ${counts.pending} (inserted in ${(insertMs / 1000).toFixed(2)} s)`);
    console.log(`due-scan query, nothing due:        median ${ms(median(idleQuery))}, p99 ${ms(p99(idleQuery))} (${SCANS} runs)`);
    console.log(`due-scan query, 50 due (one batch): median ${ms(median(dueQuery))}, p99 ${ms(p99(dueQuery))}`);
    console.log(`whole tick (runDue), nothing due:   median ${ms(median(idleTick))}, p99 ${ms(p99(idleTick))}`);
    console.log(`whole tick after the drain:         median ${ms(median(after))}, p99 ${ms(p99(after))}`);
    console.log(`engine only (instant poster): ${drained} posts in ${(engineMs / 1000).toFixed(2)} s = ${(drained / (engineMs / 1000)).toFixed(0)} posts/s`);
    console.log(`drain: ${DRAIN} posts through DiscordPoster → fake Discord in ${(drainMs / 1000).toFixed(2)} s = ${(DRAIN / (drainMs / 1000)).toFixed(0)} posts/s (sequential, each claimed, posted with its nonce, recorded; discord.js caps a client at 50 requests/s; ${retried} deferred and retried on a later tick)`);
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
