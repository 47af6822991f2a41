// Soak: a compressed hour of Herald in one process. A ManualClock advances in steps; every step runs a
// mix of commands through the real router, every 5 simulated seconds the reminders due-scan runs, every
// simulated minute the feeds are polled from a local fixture server (a new item every 5 minutes, so
// articles are ingested and announced), all on a real SQLite file. Memory (heapUsed and RSS after a forced
// GC) is compared between the end of the warm-up and the end; unhandled rejections are counted.
//   npm run soak                 one simulated hour, exits 1 if heap grew ≥ 10% or anything was rejected
//   npm run soak -- --minutes 10 a shorter run
import { SqliteFeedStore } from '../src/store/feeds';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { commands } from '../commands';
import { ingestFile } from '../src/articles/ingest';
import { MemoryLibrary } from '../src/articles/library';
import { createAskService } from '../src/answers/ask/ask';
import { ManualClock } from '../src/core/clock';
import type { Caller, RawOptions } from '../src/core/command';
import type { MessagePoster, PostResult } from '../src/core/poster';
import type { Reply } from '../src/core/reply';
import { CommandRouter } from '../src/core/router';
import type { Services } from '../src/services';
import { Status } from '../src/core/status-snapshot';
import { NewsMonitor } from '../src/feeds/news';
import { Reminders } from '../src/reminders/reminders';
import { openDatabase } from '../src/store/db';
import { SqliteReminderStore } from '../src/store/reminders-sqlite';
import { sharedPath } from '../test/support/shared-data';

export interface SoakOptions {
  /** Simulated minutes (default 60). */
  minutes?: number;
  /** Simulated milliseconds per step (default 1 s; the due-scan runs every 5 simulated seconds, as cron does). */
  stepMs?: number;
  /** Share of the steps used as warm-up before the first memory sample (default 0.2). */
  warmup?: number;
  /** Commands run per step (default 4). */
  commandsPerStep?: number;
}

export interface SoakReport {
  simulatedMinutes: number;
  steps: number;
  commands: number;
  commandErrors: number;
  dueScans: number;
  reminderPosts: number;
  polls: number;
  announcements: number;
  articles: number;
  unhandledRejections: number;
  heapWarm: number;
  heapEnd: number;
  rssWarm: number;
  rssEnd: number;
  heapGrowth: number;
  rssGrowth: number;
  gc: boolean;
  wallMs: number;
}

const repoRoot = resolve(import.meta.dirname, '..');

/** global.gc when node runs with --expose-gc; otherwise the V8 flag is set at run time (same effect). */
function collector(): { gc: () => void; real: boolean } {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return { gc: g, real: true };
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return { gc, real: true };
  } catch {
    return { gc: () => {}, real: false };
  }
}

function memory(gc: () => void): { heap: number; rss: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

/** A feed whose items grow over (simulated) time: item n appears after n intervals. */
function feedXml(items: number, start: number, everyMs: number): string {
  const entries = Array.from({ length: items }, (_, i) => items - i).map((n) => {
    const day = new Date(start + n * everyMs).toUTCString();
    const text = `The harbour board of Port Elling met for the ${n}th time on ${day.slice(0, 16)} and agreed to review tariffs on 3 December. Board chair Maria Quint said the review would take two weeks.`;
    return `<item><title>Harbour board meeting ${n}</title><link>https://soak.example/${n}</link><guid>soak-${n}</guid><pubDate>${day}</pubDate><content:encoded><![CDATA[<p>${text}</p><p>${'Members discussed the budget in detail. '.repeat(8)}</p>]]></content:encoded></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Soak Gazette</title><link>https://soak.example/</link><description>soak</description>${entries.join('')}</channel></rss>`;
}

export async function runSoak(options: SoakOptions = {}): Promise<SoakReport> {
  const minutes = options.minutes ?? 60;
  const stepMs = options.stepMs ?? 1000;
  const perStep = options.commandsPerStep ?? 4;
  const started = performance.now();
  let unhandled = 0;
  const onUnhandled = () => void unhandled++;
  process.on('unhandledRejection', onUnhandled);
  const { gc, real } = collector();

  const dir = mkdtempSync(join(tmpdir(), 'herald-soak-'));
  // The seed's approval reminder falls due (09:00 on 28 November 2024) halfway through (at most 30 minutes in).
  const start = Date.parse('2024-11-28T09:00:00Z') - Math.min(30, minutes / 2) * 60_000;
  const clock = new ManualClock(start);
  let items = 1;
  // A new feed item every 5 simulated minutes (more often in short runs, so they announce something too).
  const itemEveryMs = Math.min(5 * 60_000, (minutes * 60_000) / 4);
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(feedXml(items, start, itemEveryMs));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;

  const log = pino({ level: 'warn' }, { write: () => {} } as never);
  const db = openDatabase(join(dir, 'herald.db'));
  const library = new MemoryLibrary();
  await ingestFile(library, join(repoRoot, 'data/articles/csto-border-plan.txt'), clock.now());
  const corpus = sharedPath('corpus/articles', 'the held-out news corpus');
  for (const f of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().slice(0, 10)) await ingestFile(library, join(corpus, f), clock.now());
  const status = new Status(clock.now(), library);
  let posts = 0;
  let announcements = 0;
  const poster: MessagePoster = {
    async post(channelId: string, reply: Reply): Promise<PostResult> {
      posts++;
      if (channelId === 'announce') announcements++;
      void reply;
      return { ok: true, messageId: String(posts), channelId };
    },
  };
  const reminders = new Reminders({ store: new SqliteReminderStore(db), poster, clock, log, library, defaults: { time: '09:00', timezone: 'UTC', graceMs: 6 * 3_600_000 } });
  await reminders.start('reminders');
  reminders.attach(library);
  const news = new NewsMonitor({ store: new SqliteFeedStore(db), library, poster, clock, log, feeds: [feedUrl], pollSchedule: '* * * * *', allowPrivate: true, fetch: { timeoutMs: 3000 } });
  await news.start();
  news.contributeStatus(status);
  await news.watches.subscribe({ guildId: 'g1', channelId: 'announce', userId: 'u1' });
  const services: Services = { articles: library, status, reminders, feeds: news.feeds, watches: news.watches, stories: news.stories, ask: createAskService(library) };
  const router = new CommandRouter({ commands, services, clock, log });

  const caller: Caller = { userId: 'u1', guildId: 'g1', channelId: 'c1', canManageGuild: true };
  const mix: [string, RawOptions][] = [
    ['brief', {}], ['when', {}], ['timeline', {}], ['who', {}], ['who', { name: 'Tasmagambetov' }], ['facts', {}], ['source', {}],
    ['articles', {}], ['status', {}], ['help', {}], ['ask', { question: 'When will the plan be approved?' }],
    ['ask', { question: 'Who chairs the harbour board?' }], ['remind', { subcommand: 'list' }], ['feed', { subcommand: 'list' }],
    ['watch', { subcommand: 'list' }], ['nonexistent', {}], ['who', { name: 'x'.repeat(500) }],
  ];

  const steps = Math.round((minutes * 60_000) / stepMs);
  const warmSteps = Math.max(1, Math.round(steps * (options.warmup ?? 0.2)));
  let commandCount = 0;
  let commandErrors = 0;
  let dueScans = 0;
  let polls = 0;
  let warm = { heap: 0, rss: 0 };
  const reminderPostsBefore = () => posts - announcements;
  for (let step = 1; step <= steps; step++) {
    clock.advance(stepMs);
    const t = clock.now().getTime() - start;
    for (let k = 0; k < perStep; k++) {
      const [command, opts] = mix[(step * perStep + k) % mix.length];
      const reply = await router.run({ command, options: opts, caller, interactionId: `soak-${step}-${k}` });
      commandCount++;
      if (/Something went wrong on Herald's side/.test(reply.content ?? '')) commandErrors++;
    }
    if (t % 5000 < stepMs) {
      await reminders.runDue();
      dueScans++;
    }
    if (t % 60_000 < stepMs) {
      items = 1 + Math.floor(t / itemEveryMs);
      await news.feeds.pollAll();
      await news.settle();
      polls++;
    }
    if (step === warmSteps) warm = memory(gc);
  }
  await reminders.idle();
  const end = memory(gc);
  await news.stop();
  db.close();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
  // Let any late rejection surface before the count is read.
  await new Promise((r) => setTimeout(r, 50));
  process.off('unhandledRejection', onUnhandled);
  return {
    simulatedMinutes: minutes,
    steps,
    commands: commandCount,
    commandErrors,
    dueScans,
    reminderPosts: reminderPostsBefore(),
    polls,
    announcements,
    articles: library.size(),
    unhandledRejections: unhandled,
    heapWarm: warm.heap,
    heapEnd: end.heap,
    rssWarm: warm.rss,
    rssEnd: end.rss,
    heapGrowth: (end.heap - warm.heap) / warm.heap,
    rssGrowth: (end.rss - warm.rss) / warm.rss,
    gc: real,
    wallMs: Math.round(performance.now() - started),
  };
}

/** The pass/fail rule of the soak (shared with its vitest guard). */
export function soakFailures(r: SoakReport, maxGrowth = 0.1): string[] {
  const out: string[] = [];
  if (r.unhandledRejections !== 0) out.push(`${r.unhandledRejections} unhandled rejection(s)`);
  if (r.commandErrors !== 0) out.push(`${r.commandErrors} command(s) failed with an internal error`);
  if (r.heapGrowth >= maxGrowth) out.push(`heap grew ${(r.heapGrowth * 100).toFixed(1)}% (limit ${maxGrowth * 100}%)`);
  if (r.reminderPosts < 1) out.push('no reminder was posted');
  if (r.announcements < 1) out.push('no feed item was announced');
  return out;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--minutes');
  const minutes = i > 0 ? Number(process.argv[i + 1]) : 60;
  const r = await runSoak({ minutes });
  console.log(`soak: ${r.simulatedMinutes} simulated minutes in ${(r.wallMs / 1000).toFixed(1)} s (${r.steps} steps)`);
  console.log(`  commands ${r.commands} (internal errors ${r.commandErrors}), due-scans ${r.dueScans}, reminder posts ${r.reminderPosts}, feed polls ${r.polls}, announcements ${r.announcements}, articles ${r.articles}`);
  console.log(`  heapUsed ${mb(r.heapWarm)} after warm-up → ${mb(r.heapEnd)} at the end (${(r.heapGrowth * 100).toFixed(1)}%)${r.gc ? '' : ' [no forced GC available]'}`);
  console.log(`  rss      ${mb(r.rssWarm)} after warm-up → ${mb(r.rssEnd)} at the end (${(r.rssGrowth * 100).toFixed(1)}%)`);
  console.log(`  unhandled rejections ${r.unhandledRejections}`);
  const failures = soakFailures(r);
  console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS: heap growth under 10%, no unhandled rejection');
  process.exit(failures.length ? 1 : 0);
}
