// Watches the articles folder: a new or changed file is ingested within seconds, a removed one is
// retired from the library (its reminders follow through the library's change events). fs.watch
// gives the speed, debounced per file since editors write in bursts; a periodic rescan is the
// fallback for file systems where fs.watch misses events (network mounts, some containers).
// The first scan is Herald's start-up load: every file read once, in slices. Each file's stat stamp
// (inode, size, times) is remembered, so an event or a rescan reads only files written since.
import { watch, type FSWatcher } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock';
import { ARTICLE_EXTENSIONS, currentStamp, ingestFiles, ingestOne, listArticleFiles, type FileOutcome, type FileStamp, type IngestOptions, type IngestPhases } from './ingest';
import { Slicer } from '../core/slice';
import type { MemoryLibrary, TrackedArticle } from './library';

export type FolderEvent =
  | { type: 'added' | 'updated' | 'unchanged'; origin: string; tracked: TrackedArticle; previous?: TrackedArticle }
  | { type: 'removed'; origin: string; tracked: TrackedArticle }
  | { type: 'failed'; origin: string; error: string };

export interface ArticlesWatcherOptions {
  dir: string;
  library: MemoryLibrary;
  clock: Clock;
  log: Logger;
  /** Quiet time after the last event for a file before it is read. Default 300 ms. */
  debounceMs?: number;
  /** Full rescan period (fallback). Default 30 s; 0 disables. */
  rescanMs?: number;
  /** Use fs.watch (default true); false leaves only the periodic rescan (tests of the fallback). */
  fsWatch?: boolean;
  /** The parsed-article cache and file policy, as the composition root gave them to the first ingestion. */
  ingest?: Pick<IngestOptions, 'cache' | 'policy'>;
  /** Called for every outcome, in order, including 'unchanged' files seen by a scan. */
  onEvent?: (event: FolderEvent) => void;
  /** During a scan: files settled so far of those it reads (the start-up load's "n of N"). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Awaited after one changed file is in the library, before its processing time is logged (main.ts:
   * reminders caught up), so "article file ingested" carries processMs from the read to everything done.
   */
  settled?: () => Promise<void>;
  /** Parser threads for a scan with many files to parse (ingestFiles' default when absent). */
  workers?: number;
}

/** A stamp this recent may predate a second write in the same file-system clock tick: not trusted. */
const RACY_MS = 2_000;

export class ArticlesWatcher {
  private readonly dir: string;
  private watcher: FSWatcher | null = null;
  private rescanTimer: NodeJS.Timeout | null = null;
  private pending = new Map<string, NodeJS.Timeout>();
  /** Serialises work so a scan and a debounced event never ingest the same file at once. */
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  /** The last error reported per file, so each is logged once. */
  private failures = new Map<string, string>();
  /** Stamp of each file as last read: an equal stamp means the file need not be read again. */
  private stamps = new Map<string, FileStamp>();
  private readonly stopping = new AbortController();
  private scans = 0;

  constructor(private readonly options: ArticlesWatcherOptions) {
    this.dir = resolve(options.dir);
  }

  /** Scans once (the start-up load), then watches. */
  async start(): Promise<void> {
    await this.scan();
    this.watch();
  }

  /** Watches (fs.watch and the periodic rescan) without a first scan: after load() by scan(). */
  watch(): void {
    if (this.stopped) return;
    if (this.options.fsWatch !== false) this.watchFolder();
    const every = this.options.rescanMs ?? 30_000;
    if (every > 0) {
      this.rescanTimer = setInterval(() => this.scan(), every);
      this.rescanTimer.unref();
    }
  }

  private watchFolder(): void {
    try {
      this.watcher = watch(this.dir, { persistent: false }, (_event, filename) => {
        if (filename) this.schedule(resolve(join(this.dir, filename.toString())));
        else void this.scan();
      });
      this.watcher.on('error', (error) => {
        this.options.log.warn({ err: error, dir: this.dir }, 'articles folder watch failed; relying on the periodic rescan');
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.options.log.warn({ err: error, dir: this.dir }, 'cannot watch the articles folder; relying on the periodic rescan');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    this.watcher?.close();
    this.watcher = null;
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    await this.queue;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Resolves when all queued work (scans, debounced files) has finished; for tests and shutdown. */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * Ingests every article file written since it was last read (all of them the first time) and retires
   * library entries whose file is gone. Works in slices: commands and signals are served meanwhile.
   */
  scan(): Promise<void> {
    return this.enqueue(async () => {
      const first = this.scans++ === 0;
      const started = performance.now();
      const slicer = new Slicer();
      const files = await listArticleFiles(this.dir);
      const present = new Set(files);
      const toRead: string[] = [];
      for (const file of files) {
        if (this.stopped) return;
        const known = this.stamps.get(file);
        if (!known || currentStamp(file)?.key !== known.key) toRead.push(file);
        await slicer.pause();
      }
      if (toRead.length > 0) {
        const report = await ingestFiles(this.options.library, toRead, this.options.clock.now(), {
          ...this.options.ingest,
          workers: this.options.workers,
          slicer,
          signal: this.stopping.signal,
          onFile: (outcome) => this.settle(outcome, { quiet: first }),
          onProgress: this.options.onProgress,
        });
        if (first) {
          this.options.log.info(
            { files: files.length, parsed: report.parsed, fromCache: report.fromCache, failed: report.failed.length, ms: Math.round(performance.now() - started) },
            'articles folder loaded',
          );
        }
      } else this.options.onProgress?.(0, 0);
      if (this.stopped) return;
      for (const origin of this.options.library.origins()) {
        if (this.inFolder(origin) && !present.has(origin)) this.retire(origin);
      }
    });
  }

  private inFolder(origin: string): boolean {
    return origin.startsWith(`${this.dir}/`) || origin.startsWith(`${this.dir}\\`);
  }

  private schedule(file: string): void {
    if (this.stopped || !ARTICLE_EXTENSIONS.has(extname(file).toLowerCase())) return;
    const existing = this.pending.get(file);
    if (existing) clearTimeout(existing);
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file);
        void this.enqueue(() => this.ingest(file));
      }, this.options.debounceMs ?? 300),
    );
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error) => this.options.log.error({ err: error }, 'articles folder work failed'));
    return this.queue;
  }

  /**
   * One file an event named: read only if its stamp changed; logs the time until everything is up to date.
   * Then its parsed article goes to the cache (for the next start): on SQLite the database worker commits
   * it, after the reminders' own writes, so the commit neither runs on the event loop nor holds the
   * database while they write.
   */
  private async ingest(file: string): Promise<void> {
    // A file never read (a new one) is not stat'ed here: reading it takes its stamp.
    const known = this.stamps.get(file);
    if (known && currentStamp(file)?.key === known.key) return;
    try {
      await this.ingestChanged(file);
    } finally {
      this.options.ingest?.cache?.flush().catch((error) => this.options.log.warn({ err: error, file }, 'could not write a new article to the article cache; the next start parses it again'));
    }
  }

  private async ingestChanged(file: string): Promise<void> {
    const started = performance.now();
    const phases: IngestPhases = {};
    const outcome = await ingestOne(this.options.library, file, this.options.clock.now(), this.options.ingest, phases);
    const read = performance.now();
    const tracked = this.settle(outcome, { quiet: true });
    if (!tracked || outcome.outcome === 'unchanged' || typeof outcome.outcome === 'object') return;
    const ingested = performance.now();
    phases.eventMs = Math.round((ingested - read) * 100) / 100;
    await this.options.settled?.();
    const done = performance.now();
    const processMs = Math.round((done - started) * 100) / 100;
    const settledMs = Math.round((done - ingested) * 100) / 100;
    this.options.log.info({ file, outcome: outcome.outcome, id: tracked.article.id, processMs, ...phases, settledMs }, 'article file ingested');
  }

  /** Records a file's outcome: its stamp, failures logged once, and the event. Returns the tracked article, if any. */
  private settle({ file, outcome, stamp, previous }: FileOutcome, how: { quiet: boolean }): TrackedArticle | undefined {
    const { library, onEvent } = this.options;
    // A stamp taken right after a write may not tell a second write apart: such a file is read again next time.
    if (stamp && Date.now() - stamp.changedMs > RACY_MS) this.stamps.set(file, stamp);
    else this.stamps.delete(file);
    if (typeof outcome === 'object') {
      // Gone between the listing (or event) and the read: a removal.
      if (/ENOENT/.test(outcome.error)) this.retire(file);
      else if (this.failures.get(file) !== outcome.error) {
        // Logged once per file and reason: a refused file is not re-reported at every rescan.
        this.failures.set(file, outcome.error);
        this.options.log.warn({ file, error: outcome.error }, 'article file could not be ingested');
        onEvent?.({ type: 'failed', origin: file, error: outcome.error });
      }
      return undefined;
    }
    this.failures.delete(file);
    const tracked = library.byOriginPath(file);
    if (!tracked) return undefined;
    if (outcome !== 'unchanged' && !how.quiet) this.options.log.info({ file, outcome, id: tracked.article.id }, 'article file ingested');
    onEvent?.({ type: outcome, origin: file, tracked, previous: outcome === 'updated' ? previous : undefined });
    return tracked;
  }

  private retire(origin: string): void {
    this.failures.delete(origin);
    this.stamps.delete(origin);
    // The file's parsed article is no longer kept for a restart: without this the cache held a row for
    // every file the folder ever had.
    const cache = this.options.ingest?.cache;
    if (cache) {
      cache.remove(origin);
      cache.flush().catch((error) => this.options.log.warn({ err: error, file: origin }, 'could not drop a removed file from the article cache'));
    }
    const held = this.options.library.byOriginPath(origin);
    if (!held) return;
    // An identical file may still hold the article: then it lives on (and its reminders follow that file).
    const change = this.options.library.removeOrigin(origin);
    if (change?.type === 'removed') this.options.log.info({ file: origin, id: change.tracked.article.id }, 'article file removed; article retired');
    else this.options.log.info({ file: origin, id: held.article.id, heldBy: this.options.library.get(held.article.id)?.origin }, 'article file removed; an identical file still holds the article');
    this.options.onEvent?.({ type: 'removed', origin, tracked: change?.type === 'removed' ? change.tracked : held });
  }
}
