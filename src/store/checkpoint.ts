// SQLite WAL checkpoints off the event loop. By default SQLite checkpoints inside the commit that takes
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

/** PRAGMA wal_checkpoint's answer: busy (1 if it could not complete), frames in the WAL, frames copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

// The worker is plain CommonJS given as text (no file of its own to bundle): it opens its own
// connection with the driver the main thread resolved and answers each 'checkpoint' message.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
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
    worker.on('message', (message: { ok: boolean; result?: CheckpointResult; error?: string }) => {
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
      worker.postMessage('stop');
      await exited;
    }
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }

  private fallBack(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.worker = undefined;
    this.inFlight?.resolve(undefined);
    this.inFlight = undefined;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    this.options.log?.warn({ err: error }, 'database checkpoints cannot run on their own thread; the main connection checkpoints as it writes');
  }
}
