// ReplayStore on better-sqlite3 (one process; the record survives a restart within the window).
import type { Db } from './db';
import { REPLAY_PRUNE_MS, type ReplayStore } from '../transports/http/replays';

export class SqliteReplayStore implements ReplayStore {
  private readonly insert;
  private readonly prune;
  private prunedAt = -Infinity;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO interactions_seen (id, expires_at) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE interactions_seen.expires_at <= ?`,
    );
    this.prune = db.prepare('DELETE FROM interactions_seen WHERE expires_at <= ?');
  }

  async firstTime(id: string, nowMs: number, expiresAtMs: number): Promise<boolean> {
    if (nowMs - this.prunedAt >= REPLAY_PRUNE_MS) {
      this.prunedAt = nowMs;
      this.prune.run(nowMs);
    }
    return this.insert.run(id, expiresAtMs, nowMs).changes === 1;
  }
}
