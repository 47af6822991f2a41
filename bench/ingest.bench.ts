// One new article into a full library, in-process: the pieces `npm start` wires for a new file (news
// monitoring's folder watcher, the library with its story and /ask indexes, the SQLite article cache
// and the reminders with REMINDER_CHANNEL_ID set), composed as main.ts composes them but without the
// process, transports and commands around them. It writes INGEST_NEW new files one at a time into a
// generated library (bench/scale-library.ts) of INGEST_ARTICLES (default 10,000) and reads Herald's
// own "article file ingested" log line for each: processMs and its phases, plus the CPU time the
// process used per file and the garbage collections inside each file's time. Repeatable in seconds, so
// a change's before/after can be taken in the same minutes; the real-process figure is the scale
// bench's (this one runs no commands between the files, and tsx without `npm start`'s V8 flags unless
// given them: `npx tsx --max-semi-space-size=4 --heap-growing-percent=20 bench/index.ts ingest`).
// INGEST_DIR: keep the generated library and its database there and reuse them in later runs (the
// first run parses everything, later ones restore from the cache in seconds). INGEST_PROFILE=file: a
// V8 CPU profile (.cpuprofile, for Chrome's DevTools) of the new files only, without the load before,
// and beside it a sampled allocation profile (.heapprofile) with what collections freed included.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { MemoryLibrary } from '../src/articles/library';
import { ArticleScopes, ScopedLibrary } from '../src/articles/scopes';
import { keepParserWarm, warmParser } from '../src/articles/ingest';
import { createAskService } from '../src/answers/ask/ask';
import { clockStartingAt } from '../src/core/clock';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/core/logger';
import { Status } from '../src/core/status-snapshot';
import { NewsMonitor } from '../src/feeds/news';
import { startReminders } from '../src/reminders/start';
import { Scheduler } from '../src/scheduler/scheduler';
import { SoleLeadership } from '../src/scheduler/leadership';
import { openSqliteStores } from '../src/store/stores';
import { StoryIndex } from '../src/stories/index';
import { percentile } from './measure';
import { generateLibrary, writeLibrary } from './scale-library';

const NOW = '2026-11-27T12:00:00Z';
const PHASES = ['readMs', 'parseMs', 'libraryMs', 'eventMs', 'settledMs'] as const;

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

/** Collects the JSON log lines Herald writes, and lets the bench wait for one. */
class LogSink extends Writable {
  private partial = '';
  /** performance.now() at each line's arrival (pino writes synchronously, so: when it was logged). */
  readonly at = new WeakMap<Record<string, unknown>, number>();
  private waiters: { test: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      this.at.set(entry, performance.now());
      if (typeof entry.level === 'number' && entry.level >= 50) process.stderr.write(`${line}\n`);
      this.waiters = this.waiters.filter((w) => (w.test(entry) ? (w.resolve(entry), false) : true));
    }
    done();
  }

  next(test: (l: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
    });
  }
}

export async function run(): Promise<void> {
  const count = Number(process.env.INGEST_ARTICLES ?? 10_000);
  const fresh = Number(process.env.INGEST_NEW ?? 40);
  const keep = process.env.INGEST_DIR;
  const work = keep ?? mkdtempSync(join(tmpdir(), 'herald-ingest-'));
  const dir = join(work, 'articles');
  const before = loadavg();
  try {
    let t = performance.now();
    if (!existsSync(dir) || readdirSync(dir).length === 0) {
      mkdirSync(dir, { recursive: true });
      writeLibrary(dir, count, new Date(NOW));
      console.log(`generated ${count} articles in ${dir} (${Math.round(performance.now() - t)} ms)`);
    }
    // What an earlier run added is gone again, so this run's files are new to the library.
    for (const f of readdirSync(dir)) if (f.startsWith('new-')) rmSync(join(dir, f));

    const parsed = parseConfig({ ARTICLES_DIR: dir, DATABASE_PATH: join(work, 'herald.db'), REMINDER_CHANNEL_ID: '100000000000000001', FEEDS: '' });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const config = parsed.config;
    const sink = new LogSink();
    const log = createLogger('info', sink);
    const clock = clockStartingAt(NOW);
    const stores = openSqliteStores(config.DATABASE_PATH, { checkpoints: true, log });
    const library = new MemoryLibrary();
    const scopes = new ArticleScopes(library);
    const status = new Status(clock.now(), library, (guildId) => new ScopedLibrary(library, scopes, guildId));
    createAskService(library).stats();
    const stories = new StoryIndex(library);
    const poster = { post: async () => ({ ok: true as const, messageId: '1', channelId: '1' }) };
    const scheduler = new Scheduler(log, { unref: true, leadership: new SoleLeadership() });
    let reminders: Awaited<ReturnType<typeof startReminders>> | undefined;
    const news = new NewsMonitor({
      store: stores.feeds, library, poster, clock, log, stories, feeds: config.FEEDS, pollSchedule: config.FEED_POLL, allowPrivate: config.ALLOW_PRIVATE_FEEDS,
      articlesDir: dir, ingest: { cache: stores.articleCache, policy: { links: config.ARTICLES_SYMLINKS, maxBytes: config.ARTICLE_MAX_SIZE } }, scopes,
      folder: { settled: () => reminders?.idle() ?? Promise.resolve() },
    });
    t = performance.now();
    await news.load();
    reminders = await startReminders({ store: stores.reminders, holds: stores.holds, members: stores.members, poster, clock, log, library, status, scheduler, stories, scopes, config });
    await reminders.idle();
    news.watch();
    console.log(`library of ${library.size()} articles loaded with reminders in ${(Math.round(performance.now() - t) / 1000).toFixed(1)} s`);
    await warmParser(clock.now());
    const stopWarm = keepParserWarm(() => clock.now());

    const extra = generateLibrary(fresh, new Date(NOW), 991);
    const run = Date.now().toString(36);
    const profile = process.env.INGEST_PROFILE;
    const inspector = profile ? new Session() : undefined;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
      await inspector.post('HeapProfiler.enable');
      await inspector.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as { samplingInterval: number });
    }
    // Garbage collections, to tell how much of each file's time was a collection's pause.
    const gcs: { start: number; end: number; major: boolean }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
        gcs.push({ start: e.startTime, end: e.startTime + e.duration, major: kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR });
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const windows: { start: number; end: number }[] = [];
    const processMs: number[] = [];
    const cpuMs: number[] = [];
    const phases = new Map<string, number[]>();
    for (const [i, a] of extra.entries()) {
      const name = `new-${run}-${i}-${a.file}`;
      const logged = sink.next((l) => l.msg === 'article file ingested' && typeof l.file === 'string' && l.file.endsWith(name));
      const cpu = process.cpuUsage();
      writeFileSync(join(dir, name), a.text);
      const entry = await logged;
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
      if (typeof entry.processMs === 'number') {
        processMs.push(entry.processMs);
        const end = sink.at.get(entry) ?? performance.now();
        windows.push({ start: end - entry.processMs, end });
      }
      for (const phase of PHASES) if (typeof entry[phase] === 'number') phases.set(phase, [...(phases.get(phase) ?? []), entry[phase] as number]);
    }
    stopWarm();
    await new Promise((done) => setImmediate(done));
    observer.disconnect();
    const inWindow = windows.map((w) => {
      let ms = 0;
      let major = 0;
      for (const g of gcs) {
        const overlap = Math.min(w.end, g.end) - Math.max(w.start, g.start);
        if (overlap > 0) {
          ms += overlap;
          if (g.major) major++;
        }
      }
      return { ms, major };
    });
    if (inspector && profile) {
      const { profile: taken } = await inspector.post('Profiler.stop');
      writeFileSync(profile, JSON.stringify(taken));
      const { profile: heap } = await inspector.post('HeapProfiler.stopSampling');
      writeFileSync(profile.replace(/\.cpuprofile$/, '') + '.heapprofile', JSON.stringify(heap));
      inspector.disconnect();
      console.log(`CPU profile of the new files written to ${profile}`);
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const p = sorted(processMs);
    console.log(`one new article into the ${library.size() - fresh}-article library, in-process (processMs of ${p.length}): p50 ${ms(percentile(p, 50))} ms, p90 ${ms(percentile(p, 90))} ms, max ${ms(p[p.length - 1])} ms`);
    console.log(`  by phase, p50/max ms: ${[...phases].map(([phase, xs]) => `${phase.replace(/Ms$/, '')} ${ms(percentile(sorted(xs), 50))}/${ms(Math.max(...xs))}`).join(', ')}`);
    const g = sorted(inWindow.map((x) => x.ms));
    console.log(`  garbage collection inside processMs: p50 ${ms(percentile(g, 50))} ms, max ${ms(g[g.length - 1])} ms, ${ms(g.reduce((a, b) => a + b, 0))} ms in all (of ${ms(processMs.reduce((a, b) => a + b, 0))} ms); ${inWindow.filter((x) => x.major > 0).length} files met a full collection (${gcs.length} collections while the files came, ${gcs.filter((x) => x.major).length} full, ${ms(gcs.reduce((a, x) => a + x.end - x.start, 0))} ms)`);
    const slowest = processMs.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t).slice(0, 3);
    console.log(`  the slowest three: ${slowest.map(({ t, i }) => `#${i + 1} ${ms(t)} ms (collections ${ms(inWindow[i].ms)} ms)`).join(', ')}`);
    const c = sorted(cpuMs);
    console.log(`  process CPU per file (from the write to the log line, the 300 ms debounce included): p50 ${ms(percentile(c, 50))} ms, max ${ms(c[c.length - 1])} ms`);
    console.log(`machine: load average ${before.map((l) => l.toFixed(1)).join(' ')} before, ${loadavg().map((l) => l.toFixed(1)).join(' ')} after`);
    await news.stop();
    reminders.stop();
    await reminders.idle();
    await stores.close();
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}
