// The ReplayStore contract on SQLite, and its record surviving a restart (the file reopened).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { SqliteReplayStore } from '../../src/store/replays-sqlite';
import { replayStoreContract } from './contract/replay-store';

replayStoreContract(async () => {
  const db = openDatabase(':memory:');
  const store = new SqliteReplayStore(db);
  return { a: store, b: store, close: async () => void db.close() };
});

it('still refuses an id received before a restart, within its window', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'herald-replays-')), 'herald.db');
  const T = Date.UTC(2026, 10, 1, 9);
  const before = openDatabase(path);
  expect(await new SqliteReplayStore(before).firstTime('3001', T, T + 120_000)).toBe(true);
  before.close();
  const after = openDatabase(path);
  try {
    expect(await new SqliteReplayStore(after).firstTime('3001', T + 5_000, T + 125_000)).toBe(false);
  } finally {
    after.close();
  }
});
