// One Herald "process" for bench/processes.bench.ts: the real reminders engine on the stores the
// environment names (DATABASE_URL, else DATABASE_PATH), posting through discord.js to the fake Discord.
// Prints "ready", waits for "go" on stdin, then runs the due-scan on Herald's cadence (every 5 s, as
// DUE_SCAN_SCHEDULE does) until nothing is pending, and prints {"posted", "times"} (ms after "go").
// BENCH_TRACE=1: each scan's length and (PostgreSQL) the statements sent, counted, on stderr.
import { createInterface } from 'node:readline';
import pino from 'pino';
import { MemoryLibrary } from '../src/articles/library';
import type { MessagePoster } from '../src/core/poster';
import { Reminders } from '../src/reminders/reminders';
import { openStores } from '../src/store/open';
import { createDiscord } from '../src/transports/discord/client';

const env = process.env;
const log = pino({ level: 'silent' });
const stores = await openStores({ DATABASE_PATH: env.DATABASE_PATH ?? '', DATABASE_URL: env.DATABASE_URL || undefined }, log);
const queries = new Map<string, number>();
const pool = (stores as { pool?: { query: (...a: unknown[]) => unknown } }).pool;
if (env.BENCH_TRACE && pool) {
  const query = pool.query.bind(pool);
  pool.query = (...a: unknown[]) => {
    const sql = String(typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string }).text).replace(/\s+/g, ' ').slice(0, 60);
    queries.set(sql, (queries.get(sql) ?? 0) + 1);
    return query(...a);
  };
}
const discord = createDiscord({ token: env.BENCH_TOKEN!, apiUrl: env.BENCH_API_URL!, log, restGlobalRequestsPerSecond: 1_000_000 });
const dueAt = Number(env.BENCH_DUE_AT);
let goAt = 0;
const times: number[] = [];
const poster: MessagePoster = {
  post: async (channelId, reply, options) => {
    const result = await discord.poster.post(channelId, reply, options);
    if (result.ok) times.push(Date.now() - goAt);
    return result;
  },
};
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.on('line', (l) => l.trim() === 'go' && resolve()));
process.stdout.write('ready\n');
await go;
goAt = Date.now();
// Herald's clock: the reminders fell due at "go".
const clock = { now: () => new Date(dueAt + (Date.now() - goAt)) };
const reminders = new Reminders({
  store: stores.reminders,
  poster,
  clock,
  log,
  library: new MemoryLibrary(),
  defaults: { time: '09:00', timezone: 'UTC', graceMs: 365 * 86_400_000 },
});
for (;;) {
  const t0 = Date.now();
  const report = await reminders.runDue();
  if (env.BENCH_TRACE) process.stderr.write(`scan ${Date.now() - goAt} ms: ${report.posted} posted in ${Date.now() - t0} ms\n`);
  if (report.posted === 0 && (await stores.reminders.counts()).pending === 0) break;
  // The next 5-second tick (node-cron "*/5 * * * * *" fires on wall-clock multiples of 5 s).
  await new Promise((r) => setTimeout(r, 5_000 - (Date.now() % 5_000)));
}
if (env.BENCH_TRACE) process.stderr.write(`queries: ${JSON.stringify([...queries].sort((a, b) => b[1] - a[1]).slice(0, 12), null, 1)}\n`);
// Waited for: stdout to a pipe is written asynchronously, and process.exit would cut the line short.
await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify({ posted: times.length, times })}\n`, () => resolve()));
lines.close();
await discord.stop(0).catch(() => undefined);
await stores.close();
process.exit(0);
