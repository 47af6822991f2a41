// SQLite WAL checkpoints — and the parsed-article cache's writes — off the event loop. By default SQLite checkpoints inside the commit that takes
// the WAL past 1,000 pages: that commit (a new article's cache row, a reminder's update) then copies
// the whole WAL into the database file on the main thread, 45–100 ms on this machine under load. Here
// the main connection never checkpoints (wal_autocheckpoint = 0); a second connection on a worker
// thread runs a PASSIVE checkpoint every few seconds instead, which never blocks the main connection's
// readers or writers. Once a checkpoint has copied every frame, the main connection's next write
// starts the WAL over from its beginning, so the WAL stays as large as a few seconds of writes, and
// journal_size_limit gives the disk space back after a burst.
// Nothing depends on the checkpoint for durability: a committed transaction is in the WAL, which
// SQLite replays after a crash. If the worker cannot run or dies, the main connection checkpoints by
// itself again (wal_autocheckpoint restored), so the WAL cannot grow without bound.
// When a checkpoint has copied every frame, the WAL starts over at the next write, and that write pays
// for it: in a scratch measurement (100 KB commits every 150 ms, checkpoints every 2 s, load 15-20) the
// main connection's first commit after each checkpoint took p50 2.4-5.4 ms, max 12-16 ms, against 0.4 ms
// for the others. So the worker makes that write itself (page 1 rewritten as it is: PRAGMA user_version
// set to its own value), and the main thread's next commit (a new article's reminders, a command's
// write) finds the WAL started over (then p50 0.5 ms, max 0.7 ms). While nothing else is written, the
// worker neither copies that write nor writes again (an idle Herald does not write every 2 s).
// The same worker writes the article cache's rows (writeCacheRows): a new article's cache row was a
// transaction on the main thread, where a write() stalled by the disk (the machine is shared) held the
// event loop for 50–130 ms. The cache is only a cache (a row missing after a crash means one parse at
// the next start), but nothing handed over is dropped on a clean stop: the worker handles its messages
// in order, and stop() lets it finish the writes before it closes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Db } from './db';

/** SQLite's own default: what the main connection goes back to when the worker is not there. */
export const AUTOCHECKPOINT_PAGES = 1000;
/** After a checkpoint lets the WAL start over, a WAL file larger than this is truncated to it. */
export const JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;
/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 2_000;

/**
 * PRAGMA wal_checkpoint's answer: busy (1 if it could not complete), frames in the WAL, frames copied.
 * All 0 when the checkpoint was skipped: nothing was written since the worker started the WAL over.
 */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** The article cache's upsert (store/article-cache.ts writes the same on the main thread without a worker). */
export const CACHE_UPSERT = `INSERT INTO article_cache (origin, content_hash, parser, article_json, ingested_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET content_hash = excluded.content_hash, parser = excluded.parser,
         article_json = excluded.article_json, ingested_at = excluded.ingested_at`;

/** One article-cache row to write: [origin, content hash, article JSON, ingested at], or [origin] to delete it. */
export type CacheRowWrite = [origin: string, hash: string, json: string, ingestedAt: string] | [origin: string];

// The worker is plain CommonJS given as text (no file of its own to bundle): it opens its own
// connection with the driver the main thread resolved and answers each 'checkpoint' message.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
// A write waits here, off the event loop, for a main-thread transaction (PASSIVE checkpoints never wait).
db.pragma('busy_timeout = 10000');
let upsert;
let remove;
/** data_version after this connection started the WAL over; undefined once anything else was written. */
let restartedAt;
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  if (message && message.op === 'cache') {
    try {
      restartedAt = undefined;
      upsert ??= db.prepare(${JSON.stringify(CACHE_UPSERT)});
      remove ??= db.prepare('DELETE FROM article_cache WHERE origin = ?');
      db.transaction(() => {
        for (const row of message.rows) {
          if (row.length === 1) remove.run(row[0]);
          else upsert.run(row[0], row[1], message.parser, row[2], row[3]);
        }
      })();
      parentPort.postMessage({ write: message.id, ok: true });
    } catch (error) {
      parentPort.postMessage({ write: message.id, ok: false, error: String((error && error.message) || error) });
    }
    return;
  }
  try {
    // Only that write since (no other connection committed, this one wrote no cache row): nothing to copy.
    // Copying it would only make the next commit start the WAL over again.
    if (restartedAt !== undefined && db.pragma('data_version', { simple: true }) === restartedAt) {
      parentPort.postMessage({ ok: true, result: { busy: 0, log: 0, checkpointed: 0 } });
      return;
    }
    restartedAt = undefined;
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    // Everything copied: this connection makes the write that starts the WAL over (see the top of checkpoint.ts).
    if (row.busy === 0 && row.log > 0 && row.checkpointed === row.log) {
      db.transaction(() => db.pragma('user_version = ' + db.pragma('user_version', { simple: true })))();
      restartedAt = db.pragma('data_version', { simple: true });
    }
    parentPort.postMessage({ ok: true, result: row });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String((error && error.message) || error) });
  }
});
`;

export interface CheckpointerOptions {
  /** The database file the main connection `db` has open (not ':memory:'). */
  path: string;
  log?: Logger;
  /** Default CHECKPOINT_EVERY_MS. */
  everyMs?: number;
}

export class WalCheckpointer {
  private worker: Worker | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: { resolve: (r: CheckpointResult | undefined) => void } | undefined;
  private stopped = false;
  private checkpoints = 0;
  private last: CheckpointResult | undefined;
  /** Cache writes handed to the worker and not yet answered, by id. */
  private writes = new Map<number, (ok: boolean) => void>();
  private nextWrite = 0;

  constructor(
    private readonly db: Db,
    private readonly options: CheckpointerOptions,
  ) {}

  /** Takes the checkpoints off the main connection; they run on the worker from now on. */
  start(): this {
    this.db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    let worker: Worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: this.options.path } });
    } catch (error) {
      this.fallBack(error);
      return this;
    }
    this.worker = worker;
    this.db.pragma('wal_autocheckpoint = 0');
    worker.unref();
    worker.on('message', (message: { ok: boolean; result?: CheckpointResult; error?: string; write?: number }) => {
      if (message.write !== undefined) {
        const done = this.writes.get(message.write);
        this.writes.delete(message.write);
        if (!message.ok) this.options.log?.warn({ error: message.error }, 'article cache write failed on the database worker; written on the main thread instead');
        done?.(message.ok);
        return;
      }
      const waiting = this.inFlight;
      this.inFlight = undefined;
      if (message.ok && message.result) {
        this.checkpoints++;
        this.last = message.result;
      } else this.options.log?.warn({ error: message.error }, 'database checkpoint failed; retried at the next one');
      waiting?.resolve(message.ok ? message.result : undefined);
    });
    worker.on('error', (error) => this.fallBack(error));
    worker.on('exit', () => {
      if (!this.stopped) this.fallBack(new Error('the checkpoint worker exited'));
    });
    this.timer = setInterval(() => void this.checkpoint(), this.options.everyMs ?? CHECKPOINT_EVERY_MS);
    this.timer.unref();
    return this;
  }

  /** Whether checkpoints run on the worker (false: the main connection checkpoints by itself). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Checkpoints done by the worker, and the last one's result. */
  stats(): { checkpoints: number; last?: CheckpointResult } {
    return { checkpoints: this.checkpoints, last: this.last };
  }

  /** One PASSIVE checkpoint on the worker now (undefined when it failed or no worker runs); skipped while one is under way. */
  checkpoint(): Promise<CheckpointResult | undefined> {
    const worker = this.worker;
    if (!worker || this.inFlight) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.inFlight = { resolve };
      worker.postMessage('checkpoint');
    });
  }

  /**
   * Writes article-cache rows in one transaction on the worker's connection. Resolves true once
   * committed, false when the worker could not (none runs, it failed or died): the caller writes them.
   */
  writeCacheRows(parser: string, rows: CacheRowWrite[]): Promise<boolean> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(false);
    const id = this.nextWrite++;
    return new Promise((resolve) => {
      this.writes.set(id, resolve);
      worker.postMessage({ op: 'cache', id, parser, rows });
    });
  }

  /** Stops the worker (its connection closed) and gives checkpoints back to the main connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const worker = this.worker;
    this.worker = undefined;
    this.inFlight?.resolve(undefined);
    this.inFlight = undefined;
    if (worker) {
      const exited = new Promise((done) => worker.once('exit', done));
      // The worker takes its messages in order: the writes handed over before 'stop' are done, and answered, first.
      const written = this.writesDone();
      worker.postMessage('stop');
      await Promise.race([written, exited]);
      await exited;
    }
    this.failWrites();
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }

  /** Resolves when every write handed over so far has been answered. */
  private writesDone(): Promise<void> {
    const ids = [...this.writes.keys()];
    if (ids.length === 0) return Promise.resolve();
    const last = ids[ids.length - 1];
    const answer = this.writes.get(last)!;
    return new Promise((done) => this.writes.set(last, (ok) => (answer(ok), done())));
  }

  /** Writes the worker will not answer: their callers write them on the main connection. */
  private failWrites(): void {
    const waiting = [...this.writes.values()];
    this.writes.clear();
    for (const done of waiting) done(false);
  }

  private fallBack(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.worker = undefined;
    this.inFlight?.resolve(undefined);
    this.inFlight = undefined;
    this.failWrites();
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    this.options.log?.warn({ err: error }, 'database checkpoints cannot run on their own thread; the main connection checkpoints as it writes');
  }
}
