// Reads article files (.txt, .md) from a folder into the library. A file that cannot be parsed is
// reported and skipped; it never stops the others. With an article cache, a file whose content (and
// parser) is unchanged since it was last parsed is restored from the cache instead of parsed again;
// a large folder is parsed on a worker thread, read at most LOAD_WINDOW files ahead of what is settled.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, extname, resolve, sep } from 'node:path';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from './parse';
import type { Article, ParseResult } from './model';
import type { MemoryLibrary, TrackedArticle } from './library';
import { shareSentenceText, type ArticleCache, type CachedArticle } from './cache';
import { Slicer } from '../core/slice';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: { file: string; error: string }[];
  /** Files parsed in this run (the rest came from the library or the cache). */
  parsed?: number;
  /** Files restored from the article cache without parsing. */
  fromCache?: number;
  /** Of the files parsed, those a parse worker thread parsed (the rest were parsed on the calling thread). */
  onWorkers?: number;
}

/**
 * What an article file may be. A symbolic link is refused by default: `ln -s ../.env leak.txt` would
 * otherwise publish the token as a headline. 'inside' follows links whose target stays in the folder.
 */
export interface FilePolicy {
  links: 'refuse' | 'inside';
  /** Larger files are refused before reading (a 600 MB file once ended start-up with ERR_STRING_TOO_LONG). */
  maxBytes: number;
}

/** A long news article is tens of kilobytes; 5 MB leaves room for anything a person writes. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export const DEFAULT_FILE_POLICY: FilePolicy = { links: 'refuse', maxBytes: DEFAULT_MAX_ARTICLE_BYTES };

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export interface IngestOptions {
  /** Parsed articles persisted across restarts (main.ts passes the SQLite one); none: every file is parsed. */
  cache?: ArticleCache;
  /** Which files may be read (main.ts passes ARTICLES_SYMLINKS); default DEFAULT_FILE_POLICY. */
  policy?: FilePolicy;
  /** Parser threads for ingestDirectory: 0 parses on this thread; default one per core when there are many files. */
  workers?: number;
}


export async function listArticleFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  return entries.filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase())).sort().map((f) => resolve(join(dir, f)));
}

export type Outcome = 'added' | 'updated' | 'unchanged' | { error: string };

type Prepared =
  | { kind: 'done'; outcome: Outcome; stamp?: FileStamp }
  | { kind: 'cached'; cached: CachedArticle; stamp: FileStamp }
  | { kind: 'parse'; text: string; hash: string; encoding?: TextEncodingName; stamp: FileStamp };

export type TextEncodingName = 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE';

/**
 * Decodes an article file: UTF-8, or what its byte-order mark says (Windows editors save "Unicode" as
 * UTF-16 with a BOM, which read as UTF-8 looks like binary). `encoding` is set only when not plain UTF-8.
 */
export function decodeArticleBytes(raw: Buffer): { text: string; encoding?: TextEncodingName } {
  if (raw.length >= 2 && raw[0] === 0xff && raw[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(raw.subarray(2)), encoding: 'UTF-16LE' };
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(raw.subarray(2)), encoding: 'UTF-16BE' };
  if (raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return { text: raw.subarray(3).toString('utf8'), encoding: 'UTF-8 with BOM' };
  return { text: raw.toString('utf8') };
}

const hasBom = (raw: Buffer) => raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff) || (raw[0] === 0xef && raw[1] === 0xbb));

/**
 * What stat says about a file's bytes: inode, size, modification and change times (of the link and,
 * for a followed link, of its target). Equal stamps: the file was not written since, and a rescan does
 * not read it again. `changedMs` is the latest of those times: a stamp taken within a file system clock
 * tick of a write can be equal before and after a second write of the same size, so the watcher trusts
 * only stamps older than a moment (as git treats "racily clean" files).
 */
export interface FileStamp {
  key: string;
  changedMs: number;
}

function stampOf(link: Stats, target?: Stats): FileStamp {
  const part = (s: Stats) => `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  const changedMs = Math.max(link.mtimeMs, link.ctimeMs, target?.mtimeMs ?? 0, target?.ctimeMs ?? 0);
  return { key: target ? `${part(link)}>${part(target)}` : part(link), changedMs };
}

/** The file's stamp now, without reading it; undefined when it is gone (or cannot be stat'ed). */
export function currentStamp(file: string): FileStamp | undefined {
  try {
    const link = lstatSync(file);
    return link.isSymbolicLink() ? stampOf(link, statSync(file)) : stampOf(link);
  } catch {
    return undefined;
  }
}

/**
 * Reads a file and says what settles it: nothing to do (unchanged, or it cannot be read), the cache's
 * article (the caller puts it in the library, in file order), or a parse of its text.
 */
async function prepare(library: MemoryLibrary, file: string, cache: ArticleCache | undefined, policy: FilePolicy): Promise<Prepared> {
  let raw: Buffer;
  let stamp: FileStamp;
  try {
    const opened = openArticle(file, policy);
    if ('error' in opened) return { kind: 'done', outcome: { error: opened.error }, stamp: opened.stamp };
    stamp = opened.stamp;
    const read = readWhole(opened.fd, opened.size, policy.maxBytes);
    if (!read) return { kind: 'done', outcome: { error: `file grew over the ${megabytes(policy.maxBytes)} limit (ARTICLE_MAX_SIZE) while being read; not read` } };
    raw = read;
  } catch (error) {
    return { kind: 'done', outcome: { error: (error as Error).message } };
  }
  // The hash of the bytes equals contentHash(text) for UTF-8 text; the text itself is decoded only
  // when the file has to be parsed (a restart from the cache never needs it).
  const bom = hasBom(raw);
  const hash = !bom && isUtf8(raw) ? createHash('sha256').update(raw).digest('hex') : contentHash(bom ? decodeArticleBytes(raw).text : raw.toString('utf8'));
  const existing = library.byOriginPath(file);
  if (existing && existing.article.contentHash === hash) return { kind: 'done', outcome: 'unchanged', stamp };
  // The read buffer is shared by every read: kept (copied) across the cache's await only if there is a cache.
  const bytes = cache ? Buffer.from(raw) : raw;
  const cached = await cache?.get(file, hash);
  if (cached) return { kind: 'cached', cached, stamp };
  const { text, encoding } = decodeArticleBytes(bytes);
  return { kind: 'parse', text, hash, encoding, stamp };
}

let scratch = Buffer.alloc(1 << 16);

// O_NOFOLLOW: a file swapped for a link after the check is not followed; O_NONBLOCK: a file swapped for
// a FIFO does not hang the open (the fstat below then refuses it).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

type Opened = { fd: number; size: number; stamp: FileStamp } | { error: string; stamp?: FileStamp };

/**
 * Opens an article file under the policy; the caller reads and closes the descriptor. Throws only for
 * I/O errors (ENOENT…). The stamp (see stampOf) is of what was opened, so a refusal is remembered too.
 * A regular file (nearly every file) is opened without a stat first: O_NOFOLLOW refuses a link, and the
 * descriptor's one fstat gives the stamp and what the file is. Anything else (a link, a socket, an open
 * that fails) goes the long way, lstat first, which says what it is.
 */
function openArticle(file: string, policy: FilePolicy): Opened {
  if (constants.O_NOFOLLOW !== undefined) {
    let fd: number | undefined;
    try {
      fd = openSync(file, OPEN_FLAGS);
    } catch {
      // (a link: ELOOP; or not openable: the long way says why, as it always has)
    }
    if (fd !== undefined) return checkOpened(fd, fstatSync(fd), policy);
  }
  return openChecked(file, policy);
}

/** openArticle's long way: lstat says what the path is (a link is followed only by the policy), then open. */
function openChecked(file: string, policy: FilePolicy): Opened {
  let target = file;
  const link = lstatSync(file);
  if (link.isSymbolicLink()) {
    if (policy.links === 'refuse') return { error: 'symbolic link refused (set ARTICLES_SYMLINKS=inside to follow links within the folder)', stamp: currentStamp(file) };
    const real = realpathSync(file);
    if (!real.startsWith(realpathSync(dirname(file)) + sep)) return { error: 'symbolic link leads outside the articles folder; refused', stamp: currentStamp(file) };
    target = real;
  } else if (!link.isFile()) return { error: 'not a regular file', stamp: stampOf(link) };
  let fd: number;
  try {
    fd = openSync(target, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { error: 'symbolic link refused' };
    throw error;
  }
  const info = fstatSync(fd);
  return checkOpened(fd, info, policy, link.isSymbolicLink() ? link : undefined);
}

/** An open descriptor whose fstat is `info` (`link`: the link it was reached by): refused (and closed) unless a regular file within the size limit. */
function checkOpened(fd: number, info: Stats, policy: FilePolicy, link?: Stats): Opened {
  const stamp = link ? stampOf(link, info) : stampOf(info);
  if (!info.isFile()) {
    closeSync(fd);
    return { error: 'not a regular file', stamp };
  }
  if (info.size > policy.maxBytes) {
    closeSync(fd);
    return { error: `file is ${megabytes(info.size)}, over the ${megabytes(policy.maxBytes)} limit (ARTICLE_MAX_SIZE); not read`, stamp };
  }
  return { fd, size: info.size, stamp };
}

/** Reads an open file into one reused buffer (10,000 files, no 10,000 allocations), then closes it; valid until the next read; undefined past maxBytes. */
function readWhole(fd: number, size: number, maxBytes: number): Buffer | undefined {
  if (scratch.length < size + 1) scratch = Buffer.alloc(Math.max(size + 1, scratch.length * 2));
  try {
    let length = 0;
    for (;;) {
      // A file growing while it is read stops at the limit instead of growing the buffer without end.
      if (length > maxBytes) return undefined;
      if (length === scratch.length) {
        const grown = Buffer.alloc(scratch.length * 2);
        scratch.copy(grown);
        scratch = grown;
      }
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return scratch.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}


/**
 * A worker's parse, settled as a restart from the cache is: the article read from the JSON the worker
 * wrote (short strings shared by JSON.parse, each sentence's text a slice of its paragraph) and that
 * JSON stored in the cache as it is. Articles copied over by postMessage held more: after a cold load
 * of the scale bench's 10,000 articles and a full GC, 174 MB of V8 heap in use against 129 MB now (a
 * restart from the cache: 131 MB).
 */
function settleFromWorker(library: MemoryLibrary, file: string, hash: string, parsed: WorkerParse, now: Date, cache: ArticleCache | undefined): Outcome {
  if (!parsed.ok) return { error: parsed.error };
  const article = JSON.parse(parsed.json) as Article;
  shareSentenceText(article);
  const change = library.upsert({ article, origin: file, ingestedAt: now });
  cache?.put(file, hash, article, now, parsed.json);
  return change.type === 'updated' ? 'updated' : 'added';
}

function settleCached(library: MemoryLibrary, file: string, cached: CachedArticle): Outcome {
  const change = library.upsert({ article: cached.article, origin: file, ingestedAt: cached.ingestedAt });
  return change.type === 'updated' ? 'updated' : 'added';
}

function settle(library: MemoryLibrary, file: string, hash: string, result: ParseResult, now: Date, cache: ArticleCache | undefined, encoding?: TextEncodingName): Outcome {
  if (!result.ok) return { error: result.error };
  if (encoding) result.article.encoding = encoding;
  const change = library.upsert({ article: result.article, origin: file, ingestedAt: now });
  cache?.put(file, hash, result.article, now);
  return change.type === 'updated' ? 'updated' : 'added';
}

/** One file's outcome, with the stamp of what was read (absent when the file could not be opened). */
export interface FileOutcome {
  file: string;
  outcome: Outcome;
  stamp?: FileStamp;
  /** What the library held for this file before (for an 'updated' outcome). */
  previous?: TrackedArticle;
}

/** Parses one file into the library and writes its cache row; skips it when its content hash has not changed. */
export async function ingestFile(library: MemoryLibrary, file: string, now: Date, options: IngestOptions = {}): Promise<Outcome> {
  const done = await ingestOne(library, file, now, options);
  await options.cache?.flush();
  return done.outcome;
}

/**
 * ingestFile with the stamp of what was read (the folder watcher remembers it), and without the cache
 * write: the parsed article is put in the cache's buffer, and the caller flushes it (the watcher once the
 * article and its reminders are settled: on SQLite the row is then committed by the database worker).
 */
export async function ingestOne(library: MemoryLibrary, file: string, now: Date, options: IngestOptions = {}, phases?: IngestPhases): Promise<FileOutcome> {
  const cache = options.cache;
  const previous = library.byOriginPath(file);
  let at = performance.now();
  const lap = (phase: keyof IngestPhases) => {
    const t = performance.now();
    if (phases) phases[phase] = Math.round((t - at) * 100) / 100;
    at = t;
  };
  const prepared = await prepare(library, file, cache, options.policy ?? DEFAULT_FILE_POLICY);
  lap('readMs');
  if (prepared.kind === 'done') return { file, outcome: prepared.outcome, stamp: prepared.stamp, previous };
  if (prepared.kind === 'cached') {
    const outcome = settleCached(library, file, prepared.cached);
    lap('libraryMs');
    return { file, outcome, stamp: prepared.stamp, previous };
  }
  const parsed = parseArticle(prepared.text, { now, origin: file });
  lap('parseMs');
  const outcome = settle(library, file, prepared.hash, parsed, now, cache, prepared.encoding);
  lap('libraryMs');
  return { file, outcome, stamp: prepared.stamp, previous };
}

/**
 * Where one file's ingestion spent its time (ms): read and hash, parse, library with its listeners (story
 * index, /ask index; the article's JSON for the cache is made here too, the row is written after).
 */
export interface IngestPhases {
  readMs?: number;
  parseMs?: number;
  libraryMs?: number;
  /** The folder watcher's own listeners (announcements' bookkeeping), set by the watcher. */
  eventMs?: number;
}

/**
 * A parse worker's old-generation heap, in MB. V8 would otherwise let each worker's heap grow far past
 * what one article needs before collecting (the cold load's peak resident memory: 454 MB with two
 * workers, 387 MB with 48 MB each, at load 13–15). A worker that runs out (a huge article) exits; the
 * files it held are parsed on the main thread and a new worker takes the rest.
 */
export const PARSE_WORKER_HEAP_MB = 64;

/**
 * Parse threads for a large load. One: the main thread has the other core for reading, hashing and
 * settling each file into the library, story and /ask indexes and the cache, and a second worker's
 * heap and isolate cost more memory than its time saves (the cold load stays far inside 60 s).
 */
export const DEFAULT_PARSE_WORKERS = 1;

/**
 * Files read but not yet settled during a load, at most: the texts waiting for a parse and the parsed
 * articles waiting for their turn in file order. Reading stops until the oldest is settled, so a cold
 * load of 10,000 files never holds more than this many texts or parsed articles.
 */
export const LOAD_WINDOW = 16;

/** With the default workers, a file is parsed on a worker only when at least this many files are left to read (a few changed files need no thread). */
const POOL_THRESHOLD = 64;

/** Parse jobs posted to one worker and not yet answered: enough to keep it busy between messages. */
const WORKER_QUEUE = 2;

/** Times a parse worker that died (a huge article past its heap) is replaced during one load. */
const WORKER_RESTARTS = 3;

export interface IngestFilesOptions extends IngestOptions {
  /** Yields to the event loop between files (start-up in slices); default: a slicer of SLICE_MS. */
  slicer?: Slicer;
  /** Stops between files (shutdown during start-up); what was not reached is left out of the report. */
  signal?: AbortSignal;
  /** A parse worker's heap limit in MB (default PARSE_WORKER_HEAP_MB). */
  workerHeapMb?: number;
  /** Files read but not yet settled, at most (default LOAD_WINDOW). */
  window?: number;
  /** The parse worker's script (default: this module under tsx, parse-worker.js beside the compiled build). */
  workerUrl?: URL;
  /** Called when a file has been read, before it is settled (its text or parsed article is then held). */
  onRead?: (file: string) => void;
  /** Called for every file, in file order, once it is settled. */
  onFile?: (outcome: FileOutcome) => void;
  /** Called as files settle: how many of `files` are settled, and how many there are. */
  onProgress?: (done: number, total: number) => void;
}

export async function ingestDirectory(library: MemoryLibrary, dir: string, now: Date, options: IngestFilesOptions = {}): Promise<IngestReport> {
  return ingestFiles(library, await listArticleFiles(dir), now, options);
}

/** A file read and not yet settled. */
interface Slot {
  file: string;
  previous?: TrackedArticle;
  prepared: Prepared;
  /** A worker's parse of it (undefined when the worker could not: then this thread parses it). */
  parsed?: Promise<WorkerParse | undefined>;
  ready: boolean;
}

/**
 * Ingests `files` in file order: each is read once; the library or the cache settles it when its content is
 * known, otherwise it is parsed (on a worker thread when there are many). Reading runs at most `window`
 * files ahead of settling, so texts and parsed articles do not pile up. Works in slices, so commands,
 * heartbeats and signals are served while thousands of files load.
 */
export async function ingestFiles(library: MemoryLibrary, files: string[], now: Date, options: IngestFilesOptions = {}): Promise<IngestReport> {
  const cache = options.cache;
  const slicer = options.slicer ?? new Slicer();
  const signal = options.signal;
  const policy = options.policy ?? DEFAULT_FILE_POLICY;
  const bound = Math.max(1, options.window ?? LOAD_WINDOW);
  const threads = options.workers ?? DEFAULT_PARSE_WORKERS;
  // Explicit workers take every parse; by default a worker starts when a file needs a parse with many left to read.
  const poolFrom = options.workers === undefined ? POOL_THRESHOLD : 1;
  const report: IngestReport = { added: [], updated: [], unchanged: [], failed: [], parsed: 0, fromCache: 0, onWorkers: 0 };
  let done = 0;
  const record = (file: string, outcome: Outcome, stamp?: FileStamp, previous?: TrackedArticle) => {
    if (typeof outcome === 'object') report.failed.push({ file, error: outcome.error });
    else report[outcome].push(file);
    done++;
    options.onFile?.({ file, outcome, stamp, previous });
    options.onProgress?.(done, files.length);
  };
  let pool: ParsePool | undefined;
  const onAbort = () => pool?.close();
  signal?.addEventListener('abort', onAbort);
  const window: Slot[] = [];
  // Settles the oldest slots in file order: all of them, or while the window is full or the oldest is ready.
  const settleOldest = async (all: boolean): Promise<boolean> => {
    while (window.length > 0 && (all || window.length >= bound || window[0].ready)) {
      const slot = window[0];
      const workerResult = slot.parsed ? await slot.parsed : undefined;
      if (signal?.aborted) return false;
      window.shift();
      const { file, prepared, previous } = slot;
      if (prepared.kind === 'done') record(file, prepared.outcome, prepared.stamp, previous);
      else if (prepared.kind === 'cached') {
        report.fromCache = (report.fromCache ?? 0) + 1;
        record(file, settleCached(library, file, prepared.cached), prepared.stamp, previous);
      } else {
        if (workerResult) report.onWorkers = (report.onWorkers ?? 0) + 1;
        const outcome = workerResult
          ? settleFromWorker(library, file, prepared.hash, workerResult, now, cache)
          : settle(library, file, prepared.hash, parseArticle(prepared.text, { now, origin: file }), now, cache, prepared.encoding);
        record(file, outcome, prepared.stamp, previous);
      }
      await slicer.pause();
    }
    return true;
  };
  options.onProgress?.(0, files.length);
  try {
    for (const [index, file] of files.entries()) {
      if (signal?.aborted) return report;
      const previous = library.byOriginPath(file);
      const prepared = await prepare(library, file, cache, policy);
      options.onRead?.(file);
      const slot: Slot = { file, previous, prepared, ready: true };
      if (prepared.kind === 'parse') {
        report.parsed = (report.parsed ?? 0) + 1;
        if (threads > 0 && (pool || files.length - index >= poolFrom)) {
          pool ??= new ParsePool(threads, options.workerHeapMb ?? PARSE_WORKER_HEAP_MB, now, options.workerUrl ?? workerUrl());
          slot.ready = false;
          slot.parsed = pool.parse(prepared.text, file, prepared.encoding).then((result) => {
            slot.ready = true;
            return result;
          });
        }
      }
      window.push(slot);
      if (!(await settleOldest(false))) return report;
      await slicer.pause();
    }
    await settleOldest(true);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    pool?.close();
    await cache?.flush();
  }
  return report;
}

/** Must match the parser's Article.contentHash (sha-256 hex of the text). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// ---------- parsing on worker threads ----------

interface Job {
  i: number;
  text: string;
  origin: string;
  now: number;
  encoding?: TextEncodingName;
}

/** A worker's answer: the article as JSON (what the cache stores), or why the file could not be parsed. */
type WorkerParse = { ok: true; json: string } | { ok: false; error: string };

const WORKER_TAG = 'herald-parse-worker';

/**
 * What a parse worker runs: this module under tsx (or vitest); in the compiled build, where this code is
 * bundled into dist/main.js, the parse worker's own bundle next to it (scripts/build.mjs).
 */
const workerUrl = () => (/\.ts$/.test(import.meta.url) ? new URL(import.meta.url) : new URL('./parse-worker.js', import.meta.url));

interface Waiting {
  job: Job;
  resolve: (result: WorkerParse | undefined) => void;
}

/**
 * Parse worker threads running this same module, each given at most WORKER_QUEUE jobs at a time. A job
 * no worker could take (none starts, e.g. without a TypeScript loader, or its worker died) resolves
 * undefined: the caller parses it on this thread. close() ends the threads and resolves what waits.
 */
class ParsePool {
  private waiting: Waiting[] = [];
  private workers = new Set<{ worker: Worker; jobs: Map<number, Waiting> }>();
  private started = 0;
  private next = 0;
  private closed = false;

  constructor(
    private readonly threads: number,
    private readonly heapMb: number,
    private readonly now: Date,
    private readonly url: URL,
  ) {
    for (let i = 0; i < threads; i++) this.start();
  }

  parse(text: string, origin: string, encoding?: TextEncodingName): Promise<WorkerParse | undefined> {
    if (this.closed || this.workers.size === 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.push({ job: { i: this.next++, text, origin, now: this.now.getTime(), encoding }, resolve });
      this.feed();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const { worker, jobs } of this.workers) {
      void worker.terminate();
      for (const w of jobs.values()) w.resolve(undefined);
    }
    this.workers.clear();
    this.drop();
  }

  private start(): void {
    if (this.started >= this.threads + WORKER_RESTARTS) return;
    this.started++;
    let worker: Worker;
    try {
      worker = new Worker(this.url, { workerData: { tag: WORKER_TAG }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    } catch {
      return;
    }
    const entry = { worker, jobs: new Map<number, Waiting>() };
    this.workers.add(entry);
    let ok = false;
    worker.on('message', (message: { i: number; result: WorkerParse }) => {
      ok = true;
      const w = entry.jobs.get(message.i);
      entry.jobs.delete(message.i);
      w?.resolve(message.result);
      this.feed();
    });
    const gone = () => {
      if (!this.workers.delete(entry)) return;
      // What it held is parsed on this thread; a worker that had parsed something is replaced (it died of one huge article).
      for (const w of entry.jobs.values()) w.resolve(undefined);
      if (ok && !this.closed) this.start();
      if (this.workers.size === 0) this.drop();
      else this.feed();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
  }

  private feed(): void {
    for (const entry of this.workers) {
      while (entry.jobs.size < WORKER_QUEUE && this.waiting.length > 0) {
        const w = this.waiting.shift() as Waiting;
        entry.jobs.set(w.job.i, w);
        entry.worker.postMessage(w.job);
      }
    }
  }

  /** No worker left: what waits is parsed by the caller. */
  private drop(): void {
    for (const w of this.waiting.splice(0)) w.resolve(undefined);
  }
}

if (!isMainThread && (workerData as { tag?: string } | undefined)?.tag === WORKER_TAG && parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    let result: WorkerParse;
    try {
      const parsed = parseArticle(job.text, { now: new Date(job.now), origin: job.origin });
      if (parsed.ok && job.encoding) parsed.article.encoding = job.encoding;
      result = parsed.ok ? { ok: true, json: JSON.stringify(parsed.article) } : parsed;
    } catch (error) {
      result = { ok: false, error: `parser error: ${(error as Error).message}` };
    }
    port.postMessage({ i: job.i, result });
  });
}

/**
 * Texts of Herald's own for warmParser: a short note, then reports with people and their roles,
 * organisations with their acronyms, places, lists, quantities, quotes with their speakers, attributions
 * and dates in several forms (dates moved, founding years), so every extractor runs. The last one is
 * typeset as news sites publish (curly quotes, dashes): V8 compiles each regular expression once for
 * one-byte strings and once again for two-byte ones, so a first such article would pay for it all again.
 */
const WARM_UP_TEXTS = [
  'Ferry talks resume\n\nTalks on the ferry timetable resume on Monday, a spokesman said.',
  [
    'Harbour board delays vote on new ferry terminal',
    '',
    'The Eastbay Harbour Board has postponed its vote on a new ferry terminal until 14 March, its chair, Marta Lindgren, said on Tuesday.',
    '',
    '"We need another month to read the traffic study," Ms Lindgren told reporters in Kestrel Bay. The terminal would cost 42 million euros and create about 300 jobs, according to the board.',
    '',
    'The Kestrel Ferry Company, which runs crossings to Northport, welcomed the delay. Its chief executive, Tomas Reyes, said the company would publish its own figures next week. Construction had been due to start in June 2027; the board now expects work to begin in the autumn.',
    '',
    'A public hearing is planned for 2 March at the town hall.',
  ].join('\n'),
  [
    'Lakeland Orchard Growers Union to strike over pay',
    '',
    'Members of the Lakeland Orchard Growers Union (LOGU) will begin a strike on April 9, 2027, after talks on pay collapsed, the union said on Thursday.',
    '',
    '"This decision was not taken lightly," said Idris Okonjo, the general secretary of the union. Pia Halvorsen, a spokesperson for the growers, said the timing was "regrettable".',
    '',
    'The members of the LOGU include Norland, Vesteria and Maravia. According to the Valley Gazette, the union has 12,000 members across Norland and Vesteria and was founded in Oldbridge in 1962.',
    '',
    'The plan has four stages: consultation, ballots, pickets and review. In 2019, a similar walkout was called off because of disputes over pensions. Employers made a revised offer on 2026-11-20, and the strike has been moved to 16 April 2027. Previous talks in Oldbridge ended without agreement in October 2025; mediators will meet union leaders next Monday.',
  ].join('\n'),
  [
    'Port authority’s new crane line opens – two years late',
    '',
    'The Saltmere Port Authority (SPA) will open its new crane line on 3 May 2027, its director general, Ana Ferreiro-Lund, said on Wednesday — two years after the first date.',
    '',
    '“We have waited eight years for this,” Ms Ferreiro-Lund told the Coast Ledger. “The next weeks will be decisive.” The line cost €120 million and will handle about 40 per cent more containers, the authority’s figures show.',
    '',
    'Dock workers’ leaders in Saltmere and Brindle welcomed the date; Olek Varn, the head of the dockers’ union, said the opening had been “long overdue”. The Brindle Shipping Alliance, which was set up in 1998, said it would move three routes to the port by 1 July 2027.',
  ].join('\n'),
];

/**
 * Runs the parser a few times on built-in texts, yielding between them: its lexicons, patterns and
 * compiled code are made ready before the first real file needs them (Herald's first parse on the
 * main thread otherwise takes 80–500 ms, most of it one-off). Returns each parse's time in ms.
 */
export async function warmParser(now: Date): Promise<number[]> {
  const times: number[] = [];
  for (const [i, text] of [...WARM_UP_TEXTS, ...WARM_UP_TEXTS].entries()) {
    await new Promise((done) => setImmediate(done));
    const started = performance.now();
    const result = parseArticle(text, { now, origin: `warm-up-${i}.txt` });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`the parser warm-up failed: ${result.error}`);
  }
  return times;
}

/**
 * Keeps the parser warm while the process runs (issue 17). V8 keeps a regular expression written inside a
 * function, or built with `new RegExp`, in a compilation cache that every full garbage collection ages and
 * the second one empties; after a busy spell (commands, pictures) the next new article compiled all its
 * patterns again, its parse 40–60 ms instead of 2–5 ms. After each full collection, the warm-up texts are
 * parsed once more (one text per turn of the event loop, a few ms each while still cached), so what the
 * parser uses stays compiled. `onWarm` gets each pass's parse times. Returns a function that stops it.
 */
export function keepParserWarm(now: () => Date, options: { delayMs?: number; onWarm?: (times: number[]) => void } = {}): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const rewarm = async (): Promise<void> => {
    timer = undefined;
    const times: number[] = [];
    for (const [i, text] of WARM_UP_TEXTS.entries()) {
      if (stopped) return;
      if (i > 0) await new Promise((done) => setImmediate(done));
      const started = performance.now();
      parseArticle(text, { now: now(), origin: `warm-up-${i}.txt` });
      times.push(performance.now() - started);
    }
    options.onWarm?.(times);
  };
  const observer = new PerformanceObserver((list) => {
    if (stopped || timer) return;
    if (!list.getEntries().some((entry) => (entry as unknown as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR)) return;
    // Soon, before a second full collection empties the cache, but not inside the collection's own turn.
    timer = setTimeout(() => void rewarm(), options.delayMs ?? 20);
    timer.unref();
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    stopped = true;
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
}

/** The warm-up texts (tests check they reach every extractor). */
export const warmUpTexts = (): readonly string[] => WARM_UP_TEXTS;
