// What each command costs inside the real process: Herald's own composition (src/main.ts, console mode)
// run in this process over the scale bench's generated library, each command line timed and charged
// with the CPU time and the heap bytes it allocated. Far less noisy than latencies seen from outside
// (scale.bench.ts), so it is what decides whether a change to a command's work pays.
//
//   node --expose-gc --max-semi-space-size=64 --min-semi-space-size=64 --import tsx bench/command-costs.ts [dir]
//   node --expose-gc --max-semi-space-size=4 --heap-growing-percent=20 --import tsx bench/command-costs.ts [dir] gc
//   (Herald's JSON log goes to stderr with the figures: grep -v '^{')
// The second form runs with npm start's heap flags and no forced collection: it shows how much of each
// command's time the collector's pauses (scavenges, the major collection's atomic pause) take.
//
// `dir` (default: herald-command-costs in the system temp folder) keeps the articles and the database
// between runs, so only the first run parses the library. COSTS_ARTICLES (10,000), COSTS_ROUNDS (30);
// COSTS_ONLY=<name,…> measures only those command lines (their names as printed); COSTS_PROFILE=<path prefix> also writes a CPU profile and an allocation profile (every allocation
// sampled, collected or not) of the measured rounds: <prefix>.cpuprofile and <prefix>.heapprofile.
// Allocation is counted as the growth of V8's heap spaces with the young generation made large enough
// (the semi-space flags above, for this process only) that a command seldom triggers a scavenge; a
// command during which one ran is counted in `gc` and left out of the bytes.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { percentile } from './measure';
import { commandLines } from './scale.bench';
import { writeLibrary, generateLibrary } from './scale-library';

const NOW = '2026-11-27T12:00:00Z';
const count = Number(process.env.COSTS_ARTICLES ?? 10_000);
const rounds = Number(process.env.COSTS_ROUNDS ?? 30);
const dir = process.argv[2] ?? join(tmpdir(), 'herald-command-costs');
/** npm start's heap: no forced collection before each command, pauses counted. */
const gcMode = process.argv[3] === 'gc';
const gc = (globalThis as { gc?: (o?: unknown) => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const articles = join(dir, `articles-${count}`);
mkdirSync(dir, { recursive: true });
const library = existsSync(articles) ? generateLibrary(count, new Date(NOW)) : writeLibrary(articles, count, new Date(NOW));
Object.assign(process.env, {
  ARTICLES_DIR: articles,
  DATABASE_PATH: join(dir, `herald-${count}.db`),
  DISCORD_TOKEN: '',
  HERALD_FAKE_NOW: NOW,
  REMINDER_CHANNEL_ID: '100000000000000001',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  FEEDS: '',
});

// Herald's console reads this process's stdin and writes its stdout: both are taken over here.
const input = new PassThrough();
Object.defineProperty(process, 'stdin', { value: input, configurable: true });
const print = process.stderr.write.bind(process.stderr);
const report = (line: string) => print(`${line}\n`);
let out = '';
let waiter: (() => void) | undefined;
process.stdout.write = ((chunk: string | Uint8Array) => {
  out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  waiter?.();
  return true;
}) as typeof process.stdout.write;

/** Each garbage collection: when it started (performance.now() time), how long it took, and whether it was a major one. */
const gcs: { at: number; ms: number; major: boolean }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ at: e.startTime, ms: e.duration, major: ((e as { detail?: { kind?: number } }).detail?.kind ?? 0) !== constants.NODE_PERFORMANCE_GC_MINOR });
}).observe({ entryTypes: ['gc'] });
const gcsIn = (from: number, to: number) => gcs.filter((g) => g.at >= from && g.at <= to);

const heapUsed = () => v8.getHeapSpaceStatistics().reduce((sum, s) => sum + s.space_used_size, 0);

/** Sends one line and resolves with its reply text once the console printed it whole. */
function send(line: string): Promise<string> {
  out = '';
  return new Promise((resolve) => {
    const echo = `> ${line.trim()}\n`;
    waiter = () => {
      const at = out.indexOf(echo);
      if (at < 0) return;
      const rest = out.slice(at + echo.length).replace(/^Picture written to .*\n/gm, '');
      if (rest.length === 0 || !rest.endsWith('\n')) return;
      waiter = undefined;
      resolve(rest);
    };
    input.write(`${line}\n`);
  });
}

/** Until a /timeline's picture is printed (or a second passes: some have none), so its drawing is charged to no later command. */
async function pictureDone(): Promise<boolean> {
  const until = performance.now() + 1_000;
  while (!/Picture written to /.test(out) && performance.now() < until) await new Promise((r) => setTimeout(r, 2));
  return /Picture written to /.test(out);
}

interface Cost {
  ms: number[];
  cpuMs: number[];
  bytes: number[];
  /** Commands during which the collector ran. */
  gc: number;
  /** Of those, with a major collection's pause. */
  major: number;
  gcMs: number[];
}

function costOf(costs: Map<string, Cost>, name: string): Cost {
  let c = costs.get(name);
  if (!c) costs.set(name, (c = { ms: [], cpuMs: [], bytes: [], gc: 0, major: 0, gcMs: [] }));
  return c;
}

function charge(c: Cost, o: { ms: number; cpu: NodeJS.CpuUsage; bytes: number; from: number; to: number }): void {
  c.ms.push(o.ms);
  c.cpuMs.push((o.cpu.user + o.cpu.system) / 1000);
  const during = gcsIn(o.from, o.to);
  c.gcMs.push(during.reduce((sum, g) => sum + g.ms, 0));
  if (during.length > 0) c.gc++;
  else c.bytes.push(o.bytes);
  if (during.some((g) => g.major)) c.major++;
}

async function measure(lines: { name: string; line: string }[], costs: Map<string, Cost>): Promise<void> {
  for (const l of lines) {
    if (!gcMode) gc!({ type: 'minor' });
    await new Promise((r) => setImmediate(r));
    const heap0 = heapUsed();
    const cpu0 = process.cpuUsage();
    const from = performance.now();
    const text = await send(l.line);
    const to = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const heap1 = heapUsed();
    if (/went wrong|error id/i.test(text)) report(`error reply to ${l.line}: ${text.slice(0, 200)}`);
    if (l.name === '/timeline') {
      // The picture, drawn after the text answer: charged to a row of its own.
      const drawn = await pictureDone();
      const end = performance.now();
      const heap2 = heapUsed();
      if (drawn) charge(costOf(costs, '(picture)'), { ms: end - to, cpu: process.cpuUsage(cpu0), bytes: heap2 - heap1, from: to, to: end });
    }
    // GC entries arrive late.
    await new Promise((r) => setTimeout(r, 1));
    charge(costOf(costs, l.name), { ms: to - from, cpu, bytes: heap1 - heap0, from, to });
  }
}

const started = performance.now();
await import('../src/main');
for (;;) {
  const status = await send('/status');
  const m = /Articles tracked\D*?([\d,]+)/.exec(status);
  if (m && Number(m[1].replace(/,/g, '')) >= count && !/loading/i.test(status)) break;
  await new Promise((r) => setTimeout(r, 250));
}
// Reminders start once every article is in (their start-up sync runs then): measured commands come after.
while (/Reminders are off/.test(await send('/remind list'))) await new Promise((r) => setTimeout(r, 250));
await new Promise((r) => setTimeout(r, 1_000));
report(`loaded ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const rand = (() => {
  let s = 42;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
})();
// COSTS_ONLY=/ask,autocomplete: only those commands (e.g. for a profile of one of them).
const only = process.env.COSTS_ONLY?.split(',');
const lines = commandLines(library, rand, rounds).filter((l) => !only || only.includes(l.name));
await measure(lines.slice(0, 40), new Map()); // warm-up
const costs = new Map<string, Cost>();
const profile = process.env.COSTS_PROFILE;
const session = profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
await measure(lines, costs);
if (session && profile) {
  const { profile: cpu } = await session.post('Profiler.stop');
  writeFileSync(`${profile}.cpuprofile`, JSON.stringify(cpu));
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(`${profile}.heapprofile`, JSON.stringify(heap));
  session.disconnect();
}

const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
report(`${rounds} rounds${gcMode ? ", npm start's heap flags" : ', a scavenge forced before each'}; per command line: wall ms (p50 / p90 / max), CPU ms (p50 / p90; the picture's: from the command), heap allocated (p50 / p90, commands without a collection), commands with a collection (with a major one), collector pause ms (max)`);
for (const [name, c] of costs) {
  const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const ms = s(c.ms), cpu = s(c.cpuMs), bytes = s(c.bytes);
  const b = (p: number) => (bytes.length ? kb(percentile(bytes, p)) : '-').padStart(8);
  report(
    `  ${name.padEnd(17)} wall ${f(percentile(ms, 50)).padStart(5)} / ${f(percentile(ms, 90)).padStart(5)} / ${f(ms[ms.length - 1]).padStart(5)}  cpu ${f(percentile(cpu, 50)).padStart(5)} / ${f(percentile(cpu, 90)).padStart(5)}  alloc ${b(50)} / ${b(90)}  gc ${c.gc} (${c.major})  pause ${f(Math.max(...c.gcMs))}`,
  );
}
report(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
input.end();
setTimeout(() => process.exit(0), 2_000).unref();
