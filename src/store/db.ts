// Opens the SQLite database (WAL) and applies versioned schema migrations. Each feature keeps its
// migrations in src/store/migrations/<feature>.ts within its own version range, so features can
// grow their tables independently; the runner applies every missing version in ascending order.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

/** An existing database Herald will not use: empty or damaged. The message says what, where and what to do. */
export class DatabaseRefusedError extends Error {
  constructor(path: string, what: string) {
    super(
      `Herald will not open its database ${path}: ${what}. It holds the servers' settings, reminders and sent history, ` +
        `so Herald does not start over by itself. Restore a backup to ${path}, or move the file away to start with an empty database.`,
    );
    this.name = 'DatabaseRefusedError';
  }
}

export function openDatabase(path: string, migrations: Migration[] = allMigrations): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // A truncated (0-byte) file would otherwise open as a new, empty database: everything gone without a word.
  if (path !== ':memory:' && existsSync(path) && statSync(path).size === 0) throw new DatabaseRefusedError(path, 'the file is empty (0 bytes)');
  let db: Db;
  try {
    db = new Database(path);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      db.close();
      throw new DatabaseRefusedError(path, `the integrity check failed (${String(check)})`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof DatabaseRefusedError || !/^SQLITE_(NOTADB|CORRUPT)/.test(code)) throw error;
    throw new DatabaseRefusedError(path, `it is damaged or not a database (${(error as Error).message})`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function migrate(db: Db, migrations: Migration[]): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const versions = new Set<number>();
  for (const m of migrations) {
    if (versions.has(m.version)) throw new Error(`duplicate migration version ${m.version}`);
    versions.add(m.version);
  }
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    // PRAGMA foreign_keys is a no-op inside a transaction: switch it off before, back after.
    const keysWereOn = m.rebuildsReferencedTable ? db.pragma('foreign_keys', { simple: true }) === 1 : false;
    if (keysWereOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (m.rebuildsReferencedTable) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.version} (${m.name}) left ${broken.length} broken foreign key(s)`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    } finally {
      if (keysWereOn) db.pragma('foreign_keys = ON');
    }
    done.push(m.version);
  }
  return done;
}
