import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/store/backup';
import { openDatabase } from '../../src/store/db';

const dir = mkdtempSync(join(tmpdir(), 'herald-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backupDatabase', () => {
  it('copies a database that is open and being written, and the copy opens with its rows', async () => {
    const live = openDatabase(join(dir, 'live.db'));
    live.exec("INSERT INTO reminder_subscriptions (key, created_at, updated_at) VALUES ('config', 0, 0)");
    await backupDatabase(join(dir, 'live.db'), join(dir, 'copy.db'));
    live.close();
    const copy = openDatabase(join(dir, 'copy.db'));
    expect(copy.prepare('SELECT key FROM reminder_subscriptions').all()).toEqual([{ key: 'config' }]);
    copy.close();
  });

  it('never overwrites an existing file and says when there is no database', async () => {
    await expect(backupDatabase(join(dir, 'live.db'), join(dir, 'copy.db'))).rejects.toThrow('already exists');
    await expect(backupDatabase(join(dir, 'none.db'), join(dir, 'x.db'))).rejects.toThrow('there is no database at');
  });
});
