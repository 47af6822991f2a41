// Red-team scenario: a database truncated to 0 bytes opened as a new, empty one (settings and sent
// history gone without a word); junk in place of the header exited with a raw SqliteError stack. An
// existing empty or damaged database is refused with what, where and how to recover.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';

const dir = mkdtempSync(join(tmpdir(), 'herald-damaged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function made(name: string): string {
  const path = join(dir, name);
  const db = openDatabase(path);
  db.exec("INSERT INTO reminder_subscriptions (key, created_at, updated_at) VALUES ('config', 0, 0)");
  db.close();
  return path;
}

describe('opening an existing database', () => {
  it('a healthy one opens and keeps its rows', () => {
    const db = openDatabase(made('ok.db'));
    expect(db.prepare('SELECT count(*) AS n FROM reminder_subscriptions').get()).toEqual({ n: 1 });
    db.close();
  });

  it('one truncated to 0 bytes is refused, saying what, where and how to recover', () => {
    const path = made('empty.db');
    truncateSync(path, 0);
    expect(() => openDatabase(path)).toThrow(
      `Herald will not open its database ${path}: the file is empty (0 bytes). It holds the servers' settings, reminders and sent history, so Herald does not start over by itself. Restore a backup to ${path}, or move the file away to start with an empty database.`,
    );
  });

  it('one with a junk header is refused with the same guidance, not a raw SqliteError', () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    expect(() => openDatabase(path)).toThrow(/^Herald will not open its database .*junk\.db: it is damaged or not a database \(file is not a database\)\. .*Restore a backup/);
  });

  it('a new path still creates a fresh database', () => {
    const db = openDatabase(join(dir, 'new', 'herald.db'));
    expect(db.prepare('SELECT count(*) AS n FROM reminder_subscriptions').get()).toEqual({ n: 0 });
    db.close();
  });
});
