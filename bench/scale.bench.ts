// Scale, measured as a user runs Herald: `npm start` (console mode, piped input) over a generated,
// varied library of SCALE_ARTICLES articles (default 10,000) in a temp folder, with a reminder channel
// configured so reminders and story supersession do their real work. From outside the process it
// measures
//   - cold start (empty database: everything parsed): time to the first answer, time until the whole
//     library is loaded, /status latency while it loads, SIGTERM to exit;
//   - warm start (same database): time to the first answer and until loaded;
//   - every command's latency through the console (write a line, read its reply), autocomplete
//     through the console's completion line (a line ending in a tab);
//   - one new article into the full library: the time Herald itself logs from reading the file to
//     the library, story index and reminders being up to date ("article file ingested", processMs);
//   - resident memory of the Herald node process (/proc/<pid>/status VmHWM peak, VmRSS settled).
// Targets (issue 17): warm ≤ 5 s, cold ≤ 60 s with commands answered meanwhile, new article ≤ 50 ms
// p99, commands p99 ≤ 20 ms, autocomplete ≤ 10 ms, resident ≤ 300 MB.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './measure';
import { generateLibrary, writeLibrary, type GeneratedArticle } from './scale-library';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const NOW = '2026-11-27T12:00:00Z';
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 100);
const NEW_ARTICLES = 40;
/** The phases of one new article's processMs that Herald logs (src/articles/watcher.ts). */
const PHASES = ['readMs', 'parseMs', 'libraryMs', 'eventMs', 'settledMs'];

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

interface Reply {
  ms: number;
  text: string;
}

/** One `npm start` process driven through its stdin and read from its stdout and (JSON log) stderr. */
class Herald {
  readonly child: ChildProcessWithoutNullStreams;
  readonly spawnedAt = performance.now();
  private out = '';
  private waiter: { line: string; sentAt: number; resolve: (r: Reply) => void } | undefined;
  readonly logs: Record<string, unknown>[] = [];
  private logWaiters: { test: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  private stderrTail = '';
  /** When each /timeline picture was printed (it is drawn after the text answer, while later commands run). */
  readonly picturesAt: number[] = [];
  exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn('npm', ['start', '--silent'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'pipe' });
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
    this.child.stdout.setEncoding('utf8');
    let stdoutPartial = '';
    this.child.stdout.on('data', (raw: string) => {
      // NODE_OPTIONS=--trace-gc prints V8's lines ("[pid:0x…] 1234 ms: Scavenge …") on the same stdout:
      // kept whole in SCALE_STDOUT=<file> and out of the replies read back.
      if (process.env.SCALE_STDOUT) appendFileSync(process.env.SCALE_STDOUT, raw);
      const lines = (stdoutPartial + raw).split(/(?<=\n)/);
      stdoutPartial = lines[lines.length - 1].endsWith('\n') ? '' : (lines.pop() ?? '');
      const chunk = lines.filter((l) => !/^\[\d+:0x[0-9a-f]+\]/.test(l)).join('');
      for (const _ of chunk.matchAll(/^Picture written to /gm)) this.picturesAt.push(performance.now());
      this.out += chunk;
      this.check();
    });
    let partial = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          this.logs.push(entry);
          this.logWaiters = this.logWaiters.filter((w) => (w.test(entry) ? (w.resolve(entry), false) : true));
        } catch {
          // not a log line
        }
      }
    });
  }

  get stderr(): string {
    return this.stderrTail;
  }

  private check(): void {
    const w = this.waiter;
    if (!w) return;
    const echo = `> ${w.line.trim()}\n`;
    const at = this.out.indexOf(echo);
    if (at < 0) return;
    // A /timeline picture is printed when drawn, after its text answer: it belongs to no later command.
    const rest = this.out.slice(at + echo.length).replace(/^Picture written to .*\n/gm, '');
    if (rest.length === 0 || !rest.endsWith('\n')) return;
    this.waiter = undefined;
    this.out = '';
    w.resolve({ ms: performance.now() - w.sentAt, text: rest });
  }

  /** Sends one line and resolves with its reply (one at a time). */
  send(line: string, timeoutMs = 600_000): Promise<Reply> {
    if (this.waiter) throw new Error('one command at a time');
    this.out = '';
    return new Promise((resolveReply, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${JSON.stringify(line)} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-1000)}`)), timeoutMs);
      this.waiter = {
        line,
        sentAt: performance.now(),
        resolve: (r) => {
          clearTimeout(timer);
          resolveReply(r);
        },
      };
      this.child.stdin.write(`${line}\n`);
    });
  }

  waitLog(test: (l: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    const seen = this.logs.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolveLog, reject) => {
      const timer = setTimeout(() => reject(new Error('log line not seen in time')), timeoutMs);
      this.logWaiters.push({ test, resolve: (l) => (clearTimeout(timer), resolveLog(l)) });
    });
  }

  /** The Herald node process: the descendant of npm whose command line runs main. */
  heraldPid(): number | undefined {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        // gone
      }
    }
    const queue = [this.child.pid as number];
    let found: number | undefined;
    while (queue.length > 0) {
      const pid = queue.shift() as number;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (/\bmain\.(ts|js)\b/.test(cmd) && /node/.test(cmd.split('\0')[0])) found = pid;
      } catch {
        // gone
      }
      queue.push(...(children.get(pid) ?? []));
    }
    return found;
  }

  /** VmHWM (peak) and VmRSS (now) of the Herald node process, in kB. */
  memory(): { peakKb: number; rssKb: number } | undefined {
    const pid = this.heraldPid();
    if (!pid) return undefined;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { peakKb: field('VmHWM'), rssKb: field('VmRSS') };
    } catch {
      return undefined;
    }
  }

  /** SIGTERM to the Herald process itself (as a service manager would); ms until it exited. */
  async terminate(): Promise<number> {
    const pid = this.heraldPid();
    const t = performance.now();
    if (pid) process.kill(pid, 'SIGTERM');
    else this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.kill(), 30_000);
    await this.exited;
    clearTimeout(killer);
    return performance.now() - t;
  }

  kill(): void {
    const pid = this.heraldPid();
    if (pid) process.kill(pid, 'SIGKILL');
    this.child.kill('SIGKILL');
  }
}

/** Tracked-article count from /status's text ("Articles tracked" field), and whether loading is still under way. */
function statusCount(text: string): { tracked: number; loading: boolean } {
  const m = /Articles tracked\D*?([\d,]+)/.exec(text);
  return { tracked: m ? Number(m[1].replace(/,/g, '')) : 0, loading: /loading/i.test(text) };
}

async function untilLoaded(h: Herald, expected: number, samples: number[]): Promise<number> {
  for (;;) {
    const r = await h.send('/status');
    samples.push(r.ms);
    const s = statusCount(r.text);
    if (s.tracked >= expected && !s.loading) return performance.now() - h.spawnedAt;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The command lines both scale.bench.ts and command-costs.ts send, `rounds` of each, in round-robin. */
export function commandLines(library: GeneratedArticle[], rand: () => number, rounds = ROUNDS): { name: string; line: string }[] {
  const pick = () => library[Math.floor(rand() * library.length)];
  const surname = (a: GeneratedArticle) => /\b[A-Z][a-z]+ ([A-Z][a-z]+), the\b/.exec(a.text)?.[1] ?? 'Rossi';
  const word = (a: GeneratedArticle) => a.headline.split(/\s+/).filter((w) => w.length > 4)[0] ?? a.headline.split(' ')[0];
  const questions = ['When will the vote take place?', 'Who is the chair?', 'When was it founded?', 'Where will the summit be held?', 'How many jobs will the plant create?', 'When is the strike?'];
  const lines: { name: string; line: string }[] = [];
  for (let i = 0; i < rounds; i++) {
    const a = pick();
    lines.push(
      { name: '/brief', line: `/brief article:${a.headline}` },
      { name: '/brief (default)', line: '/brief' },
      { name: '/when', line: `/when article:${pick().headline}` },
      { name: '/timeline', line: `/timeline article:${pick().headline}` },
      { name: '/who', line: `/who article:${a.headline} name:${surname(a)}` },
      { name: '/facts', line: `/facts article:${pick().headline}` },
      { name: '/source', line: `/source article:${pick().headline}` },
      { name: '/ask', line: `/ask ${questions[i % questions.length]}` },
      { name: '/articles', line: `/articles page:${1 + Math.floor(rand() * 50)}` },
      { name: '/status', line: '/status' },
      { name: '/help', line: '/help' },
      { name: '/remind list', line: '/remind list' },
      { name: 'autocomplete', line: `/brief article:${word(pick()).slice(0, 3 + (i % 4))}\t` },
    );
  }
  return lines;
}

export async function run(): Promise<void> {
  const count = Number(process.env.SCALE_ARTICLES ?? 10_000);
  const shared = resolve(repoRoot, '../shared');
  if (!existsSync(shared)) console.log(`note: ${shared} is missing; the scale bench needs none of it (its library is generated)`);
  const work = mkdtempSync(join(tmpdir(), 'herald-scale-'));
  const dir = join(work, 'articles');
  const env = {
    ARTICLES_DIR: dir,
    DATABASE_PATH: join(work, 'herald.db'),
    DISCORD_TOKEN: '',
    HERALD_FAKE_NOW: NOW,
    REMINDER_CHANNEL_ID: '100000000000000001',
    LOG_LEVEL: 'info',
    FEEDS: '',
  };
  const started: Herald[] = [];
  try {
    let t = performance.now();
    const library = writeLibrary(dir, count, new Date(NOW));
    console.log(`generated ${library.length} articles on ${new Set(library.map((a) => a.file.split('-')[1])).size} stories in ${work} (${Math.round(performance.now() - t)} ms)`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} before the runs`);

    // ---- cold start ----
    const cold = new Herald(env);
    started.push(cold);
    const first = await cold.send('/help');
    const coldFirst = performance.now() - cold.spawnedAt;
    const loadingStatus: number[] = [];
    const coldLoaded = await untilLoaded(cold, count, loadingStatus);
    loadingStatus.sort((a, b) => a - b);
    const coldMemory = cold.memory();
    console.log(`cold start: first answer (/help) after ${ms(coldFirst)} ms (its latency ${ms(first.ms)} ms); all ${count} loaded after ${(coldLoaded / 1000).toFixed(1)} s (target ≤ 60 s)`);
    console.log(`  /status while loading: ${loadingStatus.length} answers, p50 ${ms(percentile(loadingStatus, 50))} ms, p99 ${ms(percentile(loadingStatus, 99))} ms, max ${ms(loadingStatus[loadingStatus.length - 1])} ms`);
    if (coldMemory) console.log(`  resident: peak ${mb(coldMemory.peakKb)}, at load end ${mb(coldMemory.rssKb)}`);
    console.log(`  SIGTERM → exit: ${ms(await cold.terminate())} ms`);

    // ---- SIGTERM during a cold load (fresh database) ----
    const midDb = join(work, 'mid.db');
    const mid = new Herald({ ...env, DATABASE_PATH: midDb });
    started.push(mid);
    await mid.send('/help');
    await new Promise((done) => setTimeout(done, 3_000));
    console.log(`SIGTERM 3 s into a cold load → exit: ${ms(await mid.terminate())} ms (target ≤ 5 s)`);

    // ---- warm start ----
    const warm = new Herald(env);
    started.push(warm);
    const firstWarm = await warm.send(`/when article:${library[0].headline}`);
    const warmFirst = performance.now() - warm.spawnedAt;
    const warmStatus: number[] = [];
    const warmLoaded = await untilLoaded(warm, count, warmStatus);
    console.log(`warm start: first answer (/when of an article) after ${ms(warmFirst)} ms (${/No such article/.test(firstWarm.text) ? 'article not loaded yet' : 'answered'}); all loaded after ${(warmLoaded / 1000).toFixed(1)} s (target ≤ 5 s)`);

    const loaded = warm.memory();
    if (loaded) console.log(`  resident once loaded, before any command: ${mb(loaded.rssKb)} (peak so far ${mb(loaded.peakKb)})`);

    // ---- command latencies ----
    const rand = (() => {
      let s = 42;
      return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    const lines = commandLines(library, rand);
    for (const l of lines.slice(0, 13 * 5)) await warm.send(l.line); // warm-up
    const byName = new Map<string, number[]>();
    let failures = 0;
    // Which answers were asked while a /timeline picture was still being drawn: its text answer came
    // back, its picture not yet (within a second: a /timeline without a picture prints none).
    let timelineAnswered = -Infinity;
    const slow: { name: string; ms: number; drawing: boolean }[] = [];
    // SCALE_TRACE=<file>: one JSON line per measured answer: when it was sent (epoch ms), its latency, and
    // Herald's main thread's time on a CPU and waiting for one meanwhile (/proc/<pid>/task/<pid>/schedstat).
    const trace: string[] = [];
    const pid = warm.heraldPid();
    const schedstat = (): [number, number] => {
      try {
        const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
        return [run / 1e6, wait / 1e6];
      } catch {
        return [NaN, NaN];
      }
    };
    for (const l of lines) {
      const drawing = performance.now() - timelineAnswered < 1_000 && !warm.picturesAt.some((t) => t > timelineAnswered);
      const at = performance.timeOrigin + performance.now();
      const before = process.env.SCALE_TRACE ? schedstat() : [0, 0];
      const r = await warm.send(l.line);
      if (process.env.SCALE_TRACE) {
        const after = schedstat();
        trace.push(JSON.stringify({ name: l.name, at, ms: r.ms, cpuMs: after[0] - before[0], waitMs: after[1] - before[1], drawing }));
      }
      if (l.name === '/timeline') timelineAnswered = performance.now();
      if (/went wrong|error id/i.test(r.text)) failures++;
      byName.set(l.name, [...(byName.get(l.name) ?? []), r.ms]);
      if (r.ms > 10) slow.push({ name: l.name, ms: r.ms, drawing });
    }
    if (process.env.SCALE_TRACE) writeFileSync(process.env.SCALE_TRACE, `${trace.join('\n')}\n`);
    console.log(`commands through the console (${ROUNDS} rounds, round-robin; write → reply read back)${failures ? `; ${failures} unexpected errors` : ''}:`);
    for (const [name, times] of byName) {
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(18)} p50 ${ms(percentile(times, 50)).padStart(6)} ms  p99 ${ms(percentile(times, 99)).padStart(6)} ms  max ${ms(times[times.length - 1]).padStart(6)} ms`);
    }
    const whileDrawing = slow.filter((x) => x.drawing);
    console.log(`  answers over 10 ms: ${slow.length} of ${lines.length}, ${whileDrawing.length} of them asked while a picture was being drawn; autocomplete ${slow.filter((x) => x.name === 'autocomplete').map((x) => `${ms(x.ms)}${x.drawing ? ' (drawing)' : ''}`).join(', ') || 'none'}`);
    // Where the warm peak is reached: during the commands (pictures among them) or the new articles after.
    const afterCommands = warm.memory();
    if (afterCommands) console.log(`  resident after the commands: peak ${mb(afterCommands.peakKb)}, now ${mb(afterCommands.rssKb)}`);

    // ---- new articles into the full library ----
    const extra = generateLibrary(NEW_ARTICLES, new Date(NOW), 991);
    const newArticlesFrom = performance.now();
    // Each of Herald's threads' CPU time over the new articles (/proc/<pid>/task/<tid>/stat: utime + stime,
    // clock ticks): what shares the 2 cores with the main thread while it ingests.
    const threadTicks = (): Map<string, { name: string; ticks: number }> => {
      const out = new Map<string, { name: string; ticks: number }>();
      try {
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
          try {
            const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            out.set(tid, { name: `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}${tid === String(pid) ? ' (main)' : ''}`, ticks: Number(fields[11]) + Number(fields[12]) });
          } catch {
            // ended
          }
        }
      } catch {
        // no such process
      }
      return out;
    };
    const threadsBefore = threadTicks();
    const perf = process.env.SCALE_PERF ? spawn('perf', ['record', '-F', '1999', '-g', '-p', String(pid), '-o', process.env.SCALE_PERF], { stdio: 'ignore' }) : undefined;
    if (perf) await new Promise((done) => setTimeout(done, 500));
    const processMs: number[] = [];
    const phases = new Map<string, number[]>();
    const entries: Record<string, unknown>[] = [];
    const cpuWait = new Map<Record<string, unknown>, [number, number]>();
    const writtenAt = new Map<Record<string, unknown>, number>();
    // Herald's page faults (minor, major: /proc/<pid>/stat), the whole process, over the same span.
    const pageFaults = new Map<Record<string, unknown>, [number, number]>();
    const faults = (): [number, number] => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [Number(fields[7]), Number(fields[9])];
      } catch {
        return [NaN, NaN];
      }
    };
    for (const [i, a] of extra.entries()) {
      const file = join(dir, `new-${i}-${a.file}`);
      const seen = warm.logs.length;
      const before = schedstat();
      const faultsBefore = faults();
      const written = performance.now();
      writeFileSync(file, a.text);
      const entry = await warm.waitLog((l) => l.msg === 'article file ingested' && typeof l.file === 'string' && l.file.endsWith(`new-${i}-${a.file}`) && warm.logs.indexOf(l) >= seen);
      const after = schedstat();
      // Herald's main thread from the write to the log line (the 300 ms debounce included): its time on a
      // CPU and waiting for one, so a slow file tells the machine's share (waiting) from Herald's (running).
      cpuWait.set(entry, [after[0] - before[0], after[1] - before[1]]);
      writtenAt.set(entry, written);
      const faultsAfter = faults();
      pageFaults.set(entry, [faultsAfter[0] - faultsBefore[0], faultsAfter[1] - faultsBefore[1]]);
      if (typeof entry.processMs === 'number') processMs.push(entry.processMs);
      entries.push(entry);
      for (const phase of PHASES) {
        if (typeof entry[phase] === 'number') phases.set(phase, [...(phases.get(phase) ?? []), entry[phase] as number]);
      }
    }
    const threadsAfter = threadTicks();
    const newArticlesMs = performance.now() - newArticlesFrom;
    if (perf) {
      perf.kill('SIGINT');
      await new Promise((done) => perf.on('exit', done));
    }
    if (process.env.SCALE_STDOUT) writeFileSync(`${process.env.SCALE_STDOUT}.log`, warm.logs.map((l) => JSON.stringify(l)).join('\n'));
    processMs.sort((a, b) => a - b);
    if (processMs.length > 0) {
      console.log(`one new article into the ${count}-article library (Herald's own processMs: read, parse, library, stories, reminders): p50 ${ms(percentile(processMs, 50))} ms, p99 ${ms(percentile(processMs, 99))} ms (${processMs.length < 100 ? `of ${processMs.length}, so the slowest; ` : ''}target ≤ 50 ms)`);
      const each = [...phases].map(([phase, times]) => `${phase.replace(/Ms$/, '')} ${ms(percentile([...times].sort((a, b) => a - b), 50))}/${ms(Math.max(...times))}`);
      if (each.length > 0) console.log(`  by phase, p50/max ms (library: with the story and /ask indexes; event: the folder's announcement bookkeeping; settled: reminders): ${each.join(', ')}`);
      const slowest = [...entries].sort((a, b) => Number(b.processMs) - Number(a.processMs)).slice(0, 3);
      console.log(`  the slowest three (file number: total = phases, ms): ${slowest.map((e) => `#${entries.indexOf(e) + 1}: ${ms(Number(e.processMs))} = ${PHASES.filter((p) => typeof e[p] === 'number').map((p) => `${p.replace(/Ms$/, '')} ${ms(e[p] as number)}`).join(' + ')}`).join('; ')}`);
      const onCpu = entries.map((e) => cpuWait.get(e)?.[0] ?? NaN).sort((a, b) => a - b);
      const waiting = entries.map((e) => cpuWait.get(e)?.[1] ?? NaN).sort((a, b) => a - b);
      const minor = entries.map((e) => pageFaults.get(e)?.[0] ?? NaN).sort((a, b) => a - b);
      const major = entries.map((e) => pageFaults.get(e)?.[1] ?? NaN);
      console.log(`  page faults from each write to its log line: minor p50 ${percentile(minor, 50)}, max ${minor[minor.length - 1]}; major ${major.reduce((x, y) => x + y, 0)} in all; the slowest three ${slowest.map((e) => `#${entries.indexOf(e) + 1} ${pageFaults.get(e)?.[0]}/${pageFaults.get(e)?.[1]}`).join(', ')}`);
      // The /timeline pictures asked for during the commands are still being drawn (on their own thread)
      // while the first new articles come in: the files written before the last picture was printed apart.
      const threadCpu = new Map<string, number>();
      for (const [tid, t] of threadsAfter) threadCpu.set(`${t.name} ${tid}`, t.ticks - (threadsBefore.get(tid)?.ticks ?? 0));
      const tick = 1000 / 100; // USER_HZ
      console.log(`  Herald's threads' CPU over the ${(newArticlesMs / 1000).toFixed(1)} s of new articles (ms; a thread that ended meanwhile is missing): ${[...threadCpu].filter(([, t]) => t > 0).sort((a, b) => b[1] - a[1]).map(([name, t]) => `${name} ${t * tick}`).join(', ')}`);
      console.log(`  each file in turn (processMs / Herald's main thread on a CPU meanwhile): ${entries.map((e) => `${ms(Number(e.processMs))}/${ms(cpuWait.get(e)?.[0] ?? NaN)}`).join(' ')}`);
      const latePictures = warm.picturesAt.filter((t) => t > newArticlesFrom);
      const lastPicture = latePictures[latePictures.length - 1] ?? -Infinity;
      const split = (drawing: boolean) => entries.filter((e) => (writtenAt.get(e) as number) < lastPicture === drawing).map((e) => Number(e.processMs)).sort((a, b) => a - b);
      const during = split(true);
      const after = split(false);
      const p50max = (xs: number[]) => (xs.length > 0 ? `p50 ${ms(percentile(xs, 50))} ms, max ${ms(xs[xs.length - 1])} ms` : '-');
      console.log(`  /timeline pictures printed while the new articles came in: ${latePictures.length}${latePictures.length > 0 ? `, the last ${ms(lastPicture - newArticlesFrom)} ms after the first write` : ''}; processMs of the ${during.length} files written before it: ${p50max(during)}; of the ${after.length} after: ${p50max(after)}`);
      console.log(`  Herald's main thread from each write to its log line: on a CPU p50 ${ms(percentile(onCpu, 50))} ms, max ${ms(onCpu[onCpu.length - 1])}; waiting for a CPU p50 ${ms(percentile(waiting, 50))} ms, max ${ms(waiting[waiting.length - 1])}; the slowest three ${slowest.map((e) => `#${entries.indexOf(e) + 1} ${ms(cpuWait.get(e)?.[0] ?? NaN)} on / ${ms(cpuWait.get(e)?.[1] ?? NaN)} waiting`).join(', ')}`);
    } else console.log('one new article: Herald logs no processMs for ingested files (not measured)');

    const settled = warm.memory();
    if (settled) console.log(`resident (warm process, after everything above): peak ${mb(settled.peakKb)}, settled ${mb(settled.rssKb)} (target ≤ 300 MB)`);
    console.log(`  SIGTERM → exit: ${ms(await warm.terminate())} ms`);
    console.log(`machine: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} after the runs (other helpers' test runs share these 2 cores)`);
  } finally {
    for (const h of started) if (h.child.exitCode === null) h.kill();
    rmSync(work, { recursive: true, force: true });
  }
}
