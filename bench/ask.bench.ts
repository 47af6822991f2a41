// /ask at scale: generates 10,000 articles from the corpus and the seed (names, places and dates
// varied) in a temp folder outside the repo, then measures
//   1. ingestion of the 10,000 from disk into the library and the SQLite article cache (target ≤ 60 s),
//   2. a restart in a fresh process: articles restored from the cache with 0 parses, the /ask index
//      built, resident memory (target ≤ 300 MB) and /ask latency p99 over a few hundred varied
//      questions (target ≤ 20 ms).
// Run directly with --restart <articles dir> <db path> for phase 2 (the parent does this itself).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestDirectory } from '../src/articles/ingest';
import { MemoryLibrary } from '../src/articles/library';
import { createAskService } from '../src/answers/ask/ask';
import { openDatabase } from '../src/store/db';
import { SqliteArticleCache } from '../src/store/article-cache';
import { corpusQuestions, seedQuestions, unanswerableQuestions } from '../test/answers/ask/questions';
import { readCorpus } from '../test/support/shared-data';
import { percentile, prng } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const ARTICLES = 10_000;
const NOW = new Date('2026-11-27T12:00:00Z');

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hassan', 'Irina', 'Jonas', 'Karim', 'Lena', 'Marek', 'Nadia', 'Oskar', 'Priya', 'Rustam', 'Sofia', 'Timur', 'Ulla', 'Viktor', 'Wen', 'Yusuf', 'Zara'];
const LAST = ['Abdullaev', 'Bergman', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gallo', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Yilmaz'];
const PLACES = ['Tashkent', 'Glasgow', 'Brussels', 'Geneva', 'London', 'Ankara', 'Tehran', 'Baghdad', 'Moscow', 'Delhi', 'Paris', 'Berlin', 'Madrid', 'Lisbon', 'Vienna', 'Prague', 'Warsaw', 'Oslo', 'Helsinki', 'Dublin', 'Rome', 'Athens', 'Cairo', 'Nairobi', 'Lagos', 'Tokyo', 'Seoul', 'Manila', 'Hanoi', 'Lima', 'Quito', 'Bogota'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function templates(): string[] {
  return [readFileSync(join(repoRoot, 'data/articles/csto-border-plan.txt'), 'utf8'), ...readCorpus().map((a) => a.text)];
}

/** One variant: people renamed, places moved, days and months shifted, a numbered headline. */
function vary(text: string, n: number): string {
  const rand = prng(n * 7919 + 17);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const people = new Map<string, string>();
  const places = new Map<string, string>();
  let out = text.replace(/\b([A-Z][a-z]+) ([A-Z][a-z]{3,})\b(?! (?:Union|Organization|Organisation|Council|Park|Green|Castle))/g, (whole, first: string, last: string) => {
    if (MONTHS.includes(first) || MONTHS.includes(last) || /^(The|In|On|At|But|And|For|With|From|By)$/.test(first)) return whole;
    if (!people.has(whole)) people.set(whole, `${pick(FIRST)} ${pick(LAST)}`);
    return people.get(whole)!;
  });
  for (const place of PLACES) {
    if (!out.includes(place)) continue;
    if (!places.has(place)) places.set(place, pick(PLACES));
    out = out.replaceAll(place, places.get(place)!);
  }
  out = out.replace(/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)\b/g, () => `${1 + Math.floor(rand() * 28)} ${pick(MONTHS)}`);
  out = out.replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})\b/g, () => `${pick(MONTHS)} ${1 + Math.floor(rand() * 28)}`);
  out = out.replace(/\b(19[5-9]\d|20[0-2]\d)\b/g, (y) => String(Number(y) + Math.floor(rand() * 7) - 3));
  const lines = out.split('\n');
  lines[0] = `${lines[0].trim()} (${n})`;
  return lines.join('\n');
}

export function generate(dir: string): void {
  const bases = templates();
  for (let i = 0; i < ARTICLES; i++) writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.txt`), vary(bases[i % bases.length], i));
}

/** A few hundred questions in members' wording: the eval set, plus the same asked of single articles. */
function questions(): string[] {
  const base = [...seedQuestions, ...corpusQuestions, ...unanswerableQuestions].map((q) => q.q);
  const extra = base.map((q) => q.replace(/\?$/, '').toLowerCase());
  return [...base, ...extra, ...base.slice(0, 100).map((q) => `${q} please`)];
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** Phase 2, in a fresh process: restore from the cache, build the index, measure memory and latency. */
export async function restartPhase(dir: string, dbPath: string): Promise<void> {
  const started = performance.now();
  const db = openDatabase(dbPath);
  const library = new MemoryLibrary();
  const report = await ingestDirectory(library, dir, NOW, { cache: new SqliteArticleCache(db), workers: 0 });
  const restored = performance.now();
  const service = createAskService(library);
  service.stats();
  const indexed = performance.now();
  const list = questions();
  for (const q of list) service.ask(q, { now: NOW }); // warm-up
  const times: number[] = [];
  let answered = 0;
  const ids = library.list().slice(0, 50).map((t) => t.article.id);
  for (let round = 0; round < 2; round++) {
    for (const q of list) {
      const t = performance.now();
      const r = service.ask(q, { now: NOW });
      times.push(performance.now() - t);
      if (r.ok) answered++;
    }
  }
  for (const [i, id] of ids.entries()) {
    const t = performance.now();
    service.ask(list[i % list.length], { now: NOW, articleId: id });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  console.log(
    JSON.stringify({
      restoredArticles: library.size(),
      parsesOnRestart: report.parsed,
      fromCache: report.fromCache,
      failed: report.failed.length,
      restartMs: Math.round(restored - started),
      indexMs: Math.round(indexed - restored),
      sentences: service.stats().sentences,
      questions: times.length,
      answeredShare: Math.round((100 * answered) / (2 * list.length)),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times[times.length - 1],
      rss,
      heapUsed,
      external,
    }),
  );
  db.close();
}

export async function run(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'herald-ask-bench-'));
  const dir = join(work, 'articles');
  const dbPath = join(work, 'herald.db');
  try {
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    let t = performance.now();
    generate(dir);
    console.log(`generated ${ARTICLES} articles in ${work} (${Math.round(performance.now() - t)} ms)`);

    const db = openDatabase(dbPath);
    const library = new MemoryLibrary();
    t = performance.now();
    const report = await ingestDirectory(library, dir, NOW, { cache: new SqliteArticleCache(db) });
    const ingestMs = performance.now() - t;
    db.close();
    console.log(`ingestion: ${library.size()} articles from disk in ${(ingestMs / 1000).toFixed(1)} s (target ≤ 60 s); parsed ${report.parsed}, failed ${report.failed.length}`);

    // Memory settings as `npm start` runs Herald: one malloc arena (glibc's per-thread arenas fragment
    // resident memory) and a young generation capped at 4 MB a semi-space (V8 otherwise grows it to 16 MB
    // on some runs, which showed as 320+ MB instead of ~285 MB for the same heap).
    const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', '--max-semi-space-size=4', fileURLToPath(import.meta.url), '--restart', dir, dbPath], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1' },
    });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`restart phase failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
      return;
    }
    const r = JSON.parse(line) as Record<string, number>;
    console.log(`restart: ${r.restoredArticles} articles restored in ${(r.restartMs / 1000).toFixed(1)} s with ${r.parsesOnRestart} parses (target 0); ${r.fromCache} from the cache, ${r.failed} failed`);
    console.log(`index: ${r.sentences} sentences indexed in ${r.indexMs} ms`);
    console.log(`/ask: ${r.questions} questions in process: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (target ≤ 20 ms), max ${r.max.toFixed(2)} ms; ${r.answeredShare}% answered`);
    console.log(`memory: ${mb(r.rss)} resident after restart + index + questions (target ≤ 300 MB); V8 heap in use ${mb(r.heapUsed)}, external ${mb(r.external)}`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (timings stretch with load)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && resolve(process.argv[1]) === self && process.argv[2] === '--restart') {
  await restartPhase(process.argv[3], process.argv[4]);
}
