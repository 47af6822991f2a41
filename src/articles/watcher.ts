// Watches the articles folder: a new or changed file is ingested within seconds, a removed one is
// retired from the library (its reminders follow through the library's change events). fs.watch
// gives the speed, debounced per file since editors write in bursts; a periodic rescan is the
// fallback for file systems where fs.watch misses events (network mounts, some containers).
import { watch, type FSWatcher } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock';
import { ARTICLE_EXTENSIONS, ingestFile, listArticleFiles, type IngestOptions } from './ingest';
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
}

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

  constructor(private readonly options: ArticlesWatcherOptions) {
    this.dir = resolve(options.dir);
  }

  /** Scans once, then watches. */
  async start(): Promise<void> {
    await this.scan();
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
    this.watcher?.close();
    this.watcher = null;
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    await this.queue;
  }

  /** Resolves when all queued work (scans, debounced files) has finished; for tests and shutdown. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Ingests every article file and retires library entries whose file is gone. */
  scan(): Promise<void> {
    return this.enqueue(async () => {
      const files = await listArticleFiles(this.dir);
      const present = new Set(files);
      for (const file of files) await this.ingest(file);
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

  private async ingest(file: string): Promise<void> {
    const { library, clock, onEvent } = this.options;
    const previous = library.byOriginPath(file);
    const outcome = await ingestFile(library, file, clock.now(), this.options.ingest);
    if (typeof outcome === 'object') {
      // Gone between the event and the read: a removal.
      if (/ENOENT/.test(outcome.error)) this.retire(file);
      else if (this.failures.get(file) !== outcome.error) {
        // Logged once per file and reason: a refused file is not re-reported at every rescan.
        this.failures.set(file, outcome.error);
        this.options.log.warn({ file, error: outcome.error }, 'article file could not be ingested');
        onEvent?.({ type: 'failed', origin: file, error: outcome.error });
      }
      return;
    }
    this.failures.delete(file);
    const tracked = library.byOriginPath(file);
    if (!tracked) return;
    if (outcome !== 'unchanged') this.options.log.info({ file, outcome, id: tracked.article.id }, 'article file ingested');
    onEvent?.({ type: outcome, origin: file, tracked, previous: outcome === 'updated' ? previous : undefined });
  }

  private retire(origin: string): void {
    this.failures.delete(origin);
    const held = this.options.library.byOriginPath(origin);
    if (!held) return;
    // An identical file may still hold the article: then it lives on (and its reminders follow that file).
    const change = this.options.library.removeOrigin(origin);
    if (change?.type === 'removed') this.options.log.info({ file: origin, id: change.tracked.article.id }, 'article file removed; article retired');
    else this.options.log.info({ file: origin, id: held.article.id, heldBy: this.options.library.get(held.article.id)?.origin }, 'article file removed; an identical file still holds the article');
    this.options.onEvent?.({ type: 'removed', origin, tracked: change?.type === 'removed' ? change.tracked : held });
  }
}
