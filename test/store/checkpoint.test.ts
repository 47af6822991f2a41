// WAL checkpoints on a worker thread (src/store/checkpoint.ts): the main connection's commits never
// checkpoint, the worker's checkpoints keep the WAL as small as a few writes, a crash before any
// checkpoint loses no committed row, and without the worker the main connection checkpoints again.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTOCHECKPOINT_PAGES, WalCheckpointer } from '../../src/store/checkpoint';
import { openDatabase, type Db } from '../../src/store/db';
import { openStores } from '../../src/store/open';

const quiet = pino({ level: 'silent' });
const autocheckpoint = (db: Db) => db.pragma('wal_autocheckpoint', { simple: true });
const walBytes = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
/** One transaction of `rows` rows of 4 KB each (about a page a row). */
const write = (db: Db, rows: number) => {
  const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(4000) + Math.random());
  })();
};

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('WalCheckpointer', () => {
  let dir: string;
  let path: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-checkpoint-'));
    path = join(dir, 'herald.db');
    db = openDatabase(path, []);
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes checkpoints off the main connection and keeps the WAL to about one write', async () => {
    const checkpointer = new WalCheckpointer(db, { path, log: quiet, everyMs: 60_000 }).start();
    expect(checkpointer.running).toBe(true);
    expect(autocheckpoint(db)).toBe(0);
    // 40 transactions of 100 pages: 4,000 pages written, 4 times SQLite's own 1,000-page checkpoint point.
    let largest = 0;
    for (let i = 0; i < 40; i++) {
      write(db, 100);
      largest = Math.max(largest, walBytes(path));
      const result = await checkpointer.checkpoint();
      expect(result).toBeDefined();
      expect(result!.checkpointed).toBe(result!.log);
    }
    // Each checkpoint copied everything, so the next write started the WAL over: never much past 100 pages.
    expect(largest).toBeLessThan(150 * 4096);
    expect(checkpointer.stats().checkpoints).toBe(40);
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(AUTOCHECKPOINT_PAGES);
    expect((db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(4000);
  });

  it('starts the WAL over itself after a checkpoint that copied everything, so the main connection\'s next commit does not (issue 17)', async () => {
    const checkpointer = new WalCheckpointer(db, { path, log: quiet, everyMs: 60_000 }).start();
    /** The WAL header's checkpoint sequence number: one more each time the WAL starts over. */
    const sequence = () => readFileSync(`${path}-wal`).readUInt32BE(12);
    write(db, 20);
    const before = sequence();
    const copied = await checkpointer.checkpoint();
    expect(copied?.log).toBeGreaterThanOrEqual(20);
    expect(copied?.checkpointed).toBe(copied?.log);
    // Started over already, before this connection writes again.
    expect(sequence()).toBe(before + 1);
    // Nothing written since: the next checkpoint leaves the WAL alone.
    await checkpointer.checkpoint();
    expect(sequence()).toBe(before + 1);
    write(db, 5);
    expect(sequence()).toBe(before + 1);
    await checkpointer.checkpoint();
    expect(sequence()).toBe(before + 2);
    expect((db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(25);
    await checkpointer.stop();
  });

  it('checkpoints on its timer', async () => {
    const checkpointer = new WalCheckpointer(db, { path, log: quiet, everyMs: 20 }).start();
    write(db, 50);
    // The timer's checkpoints: the first copies the 50 pages and starts the WAL over, the next find only that.
    await until(() => checkpointer.stats().checkpoints >= 2);
    write(db, 10);
    // The WAL started over: the new transaction sits at its beginning.
    expect(walBytes(path)).toBeLessThan(60 * 4096);
    await checkpointer.stop();
  });

  it('gives checkpoints back to the main connection when the worker cannot run', async () => {
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const checkpointer = new WalCheckpointer(db, { path: join(dir, 'missing', 'other.db'), log, everyMs: 20 }).start();
    await until(() => !checkpointer.running);
    expect(autocheckpoint(db)).toBe(AUTOCHECKPOINT_PAGES);
    expect(warnings.join('')).toMatch(/main connection checkpoints/);
    // SQLite's own checkpoints again: 2,000 pages in 1-page commits leave the WAL near 1,000 pages, not 2,000.
    for (let i = 0; i < 2000; i++) write(db, 1);
    expect(walBytes(path)).toBeLessThan(1200 * 4096);
  });

  it('loses no committed row when the process dies before any checkpoint', () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // A separate process commits with checkpoints off (as under the checkpointer) and is killed outright.
    const script = `
      const Database = require(${JSON.stringify(driver)});
      const db = new Database(${JSON.stringify(path)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('wal_autocheckpoint = 0');
      const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
      for (let i = 0; i < 300; i++) insert.run('row ' + i);
      process.kill(process.pid, 'SIGKILL');
    `;
    db.close();
    const child = spawnSync(process.execPath, ['-e', script]);
    expect(child.signal).toBe('SIGKILL');
    expect(walBytes(path)).toBeGreaterThan(0);
    db = openDatabase(path, []);
    expect((db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(300);
  });

  it('is what openStores runs on an SQLite file, and stops with the stores', async () => {
    db.close();
    const stores = (await openStores({ DATABASE_PATH: path }, quiet)) as Awaited<ReturnType<typeof openStores>> & { db: Db };
    expect(autocheckpoint(stores.db)).toBe(0);
    await stores.close();
    // The last connection closed checkpointed and removed the WAL.
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
