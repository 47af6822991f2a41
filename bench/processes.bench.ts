// Several Herald processes on one database (issue 14): 100,000 reminders due at the same instant,
// drained by one and by three processes on PostgreSQL, and by one on SQLite, through discord.js to the
// fake Discord with no rate limits (discord.js's own 50 requests/s cap lifted). Each process runs the
// real engine on Herald's cadence (a due-scan every 5 s, up to 2,000 reminders a scan). Reported:
// posts/s (from "due" to the last post) and due-to-post p50/p99. PostgreSQL is a throwaway server
// started like the test suite's (test/postgres/server.ts). BENCH_REMINDERS changes the count;
// BENCH_CHANNELS spreads them over that many servers' reminder channels (one subscription each; default
// 1: every reminder in one channel, where discord.js sends one request at a time per channel; else each
// subscription is a server's, its guild known as after /remind channel).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import pg from 'pg';
import { openDatabase } from '../src/store/db';
import { openPostgresStores } from '../src/store/postgres/stores';
import { SqliteReminderStore } from '../src/store/reminders-sqlite';
import { startFakeDiscord, type FakeDiscord } from '../test/e2e/fake-discord';
import { startPostgres } from '../test/postgres/server';

const COUNT = Number(process.env.BENCH_REMINDERS ?? 100_000);
const CHANNELS = Math.max(1, Number(process.env.BENCH_CHANNELS ?? 1));
const DUE_AT = Date.parse('2026-01-01T09:00:00Z');
const root = resolve(import.meta.dirname, '..');
const log = pino({ level: 'silent' });

const content = (i: number) =>
  JSON.stringify({
    articleId: `article-${i % 500}`,
    headline: `Benchmark article ${i % 500}`,
    description: `Event number ${i} happens`,
    eventDate: '2026-01-01',
    endDate: '2026-01-01',
    qualifier: 'on',
    expression: 'on 1 January',
    sentence: `Event number ${i} will happen on 1 January, officials said.`,
  });

/** Subscription key of the k-th channel: the operator's channel alone, else one server each. */
const subKey = (k: number) => (CHANNELS === 1 ? 'config' : `guild:bench-${k}`);

async function fillPostgres(url: string, channelIds: string[], guildId: string): Promise<void> {
  const stores = await openPostgresStores(url, { log });
  try {
    const subs: number[] = [];
    for (const [k, channelId] of channelIds.entries()) subs.push((await stores.reminders.upsertSubscription(subKey(k), { channelId, guildId: CHANNELS === 1 ? undefined : guildId }, new Date(DUE_AT - 86_400_000))).id);
    for (let from = 0; from < COUNT; from += 10_000) {
      const ids = Array.from({ length: Math.min(10_000, COUNT - from) }, (_, k) => from + k);
      await stores.pool.query(
        `INSERT INTO reminders (subscription_id, origin, event_key, lead_days, event_date, due_at, run_at, state, nonce, content, created_at, updated_at)
         SELECT s, 'bench-origin', 'bench-' || i, 0, '2026-01-01', $1, $1, 'pending', 'b' || i, c, $2, $2 FROM unnest($3::int[], $4::text[], $5::int[]) AS t(i, c, s)`,
        [DUE_AT, DUE_AT - 86_400_000, ids, ids.map(content), ids.map((i) => subs[i % subs.length])],
      );
    }
    await stores.pool.query('ANALYZE reminders');
  } finally {
    await stores.close();
  }
}

function fillSqlite(path: string, channelIds: string[], guildId: string): void {
  const db = openDatabase(path);
  const store = new SqliteReminderStore(db);
  const addSub = db.prepare('INSERT INTO reminder_subscriptions (key, channel_id, guild_id, created_at, updated_at) VALUES (?, ?, ?, 0, 0) RETURNING id');
  const subs = channelIds.map((channelId, k) => (addSub.get(subKey(k), channelId, CHANNELS === 1 ? null : guildId) as { id: number }).id);
  const insert = db.prepare(
    `INSERT INTO reminders (subscription_id, origin, event_key, lead_days, event_date, due_at, run_at, state, nonce, content, created_at, updated_at)
     VALUES (?, 'bench-origin', ?, 0, '2026-01-01', ?, ?, 'pending', ?, ?, 0, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) insert.run(subs[i % subs.length], `bench-${i}`, DUE_AT, DUE_AT, `b${i}`, content(i));
  })();
  void store;
  db.close();
}

interface Outcome {
  posted: number;
  postsPerSecond: number;
  p50: number;
  p99: number;
  perProcess: number[];
}

async function drain(fake: FakeDiscord, channelIds: string[], processes: number, db: { DATABASE_URL?: string; DATABASE_PATH?: string }): Promise<Outcome> {
  const sent = () => channelIds.reduce((n, id) => n + fake.messages(id).length, 0);
  const before = sent();
  const workers = Array.from({ length: processes }, () => {
    const child = spawn(process.execPath, [...(process.env.BENCH_WORKER_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'bench/drain-worker.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', BENCH_TRACE: process.env.BENCH_TRACE ?? '', ...db, BENCH_TOKEN: fake.token, BENCH_API_URL: fake.apiUrl, BENCH_DUE_AT: String(DUE_AT) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const ready = new Promise<void>((r) => child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('ready\n')) r(); }));
    const done = new Promise<{ posted: number; times: number[] }>((r, reject) =>
      child.on('exit', (code) => {
        const last = out.trim().split('\n').pop() ?? '';
        if (code !== 0) return reject(new Error(`worker exited with ${code}: ${out.slice(-500)}`));
        r(JSON.parse(last));
      }),
    );
    return { child, ready, done };
  });
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin.write('go\n');
  const results = await Promise.all(workers.map((w) => w.done));
  const times = results.flatMap((r) => r.times).sort((a, b) => a - b);
  const posted = sent() - before;
  if (posted !== COUNT || times.length !== COUNT) throw new Error(`posted ${posted} messages (${times.length} recorded); expected ${COUNT}`);
  const last = times[times.length - 1];
  return {
    posted,
    postsPerSecond: Math.round(COUNT / (last / 1000)),
    p50: times[Math.floor(times.length / 2)] / 1000,
    p99: times[Math.ceil(times.length * 0.99) - 1] / 1000,
    perProcess: results.map((r) => r.posted),
  };
}

export async function run(): Promise<void> {
  const server = await startPostgres();
  const fake = await startFakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-processes-'));
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  try {
    const rows: [string, Outcome][] = [];
    const scenarios = [
      ['sqlite1', 'SQLite, 1 process', 'sqlite', 1],
      ['pg1', 'PostgreSQL, 1 process', 'postgres', 1],
      ['pg3', 'PostgreSQL, 3 processes', 'postgres', 3],
    ] as const;
    // BENCH_SCENARIOS=pg3,pg1 runs those, in that order (default: all three).
    const wanted = (process.env.BENCH_SCENARIOS ?? 'sqlite1,pg1,pg3').split(',');
    for (const [, label, kind, n] of wanted.map((w) => scenarios.find((x) => x[0] === w.trim())).filter((x) => x !== undefined)) {
      const channelIds = Array.from({ length: CHANNELS }, (_, k) => fake.addChannel({ name: `bench-${kind}-${n}-${k}` }));
      let db: { DATABASE_URL?: string; DATABASE_PATH?: string };
      if (kind === 'postgres') {
        const name = `bench_${n}_${Date.now()}`;
        await admin.query(`CREATE DATABASE ${name}`);
        db = { DATABASE_URL: server.url(name) };
        await fillPostgres(db.DATABASE_URL!, channelIds, fake.guildId);
      } else {
        db = { DATABASE_PATH: join(dir, 'herald.db') };
        fillSqlite(db.DATABASE_PATH!, channelIds, fake.guildId);
      }
      const load = loadavg()[0].toFixed(1);
      const outcome = await drain(fake, channelIds, n, db);
      rows.push([label, outcome]);
      console.log(
        `${label}: ${COUNT.toLocaleString('en')} reminders due together in ${CHANNELS.toLocaleString('en')} channel${CHANNELS > 1 ? 's' : ''} → ${outcome.postsPerSecond} posts/s; due-to-post p50 ${outcome.p50.toFixed(1)} s, p99 ${outcome.p99.toFixed(1)} s` +
          `${n > 1 ? ` (per process: ${outcome.perProcess.join(', ')})` : ''}; load average ${load} at start`,
      );
    }
    console.log(`(${cpus().length} cores; load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  } finally {
    await admin.end();
    await fake.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
