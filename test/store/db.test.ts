import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/db';

describe('openDatabase', () => {
  it('applies each migration once, in version order, across reopenings', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'herald-db-')), 'x.db');
    const migrations = [
      { version: 2, name: 'b', sql: 'ALTER TABLE t ADD COLUMN b TEXT' },
      { version: 1, name: 'a', sql: 'CREATE TABLE t (a TEXT)' },
    ];
    const db = openDatabase(path, migrations);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare('INSERT INTO t (a, b) VALUES (?, ?)').run('x', 'y');
    db.close();
    const again = openDatabase(path, [...migrations, { version: 3, name: 'c', sql: 'ALTER TABLE t ADD COLUMN c TEXT' }]);
    expect(again.prepare('SELECT a, b, c FROM t').get()).toEqual({ a: 'x', b: 'y', c: null });
    expect((again.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual([1, 2, 3]);
    again.close();
  });
});
