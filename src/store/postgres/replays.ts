// ReplayStore on PostgreSQL: one table every replica writes, so an interaction id is answered once
// across all of them. INSERT … ON CONFLICT decides atomically which replica got it first.
import type pg from 'pg';
import { REPLAY_PRUNE_MS, type ReplayStore } from '../../transports/http/replays';

export class PgReplayStore implements ReplayStore {
  private prunedAt = -Infinity;

  constructor(private readonly pool: pg.Pool) {}

  async firstTime(id: string, nowMs: number, expiresAtMs: number): Promise<boolean> {
    if (nowMs - this.prunedAt >= REPLAY_PRUNE_MS) {
      this.prunedAt = nowMs;
      // Not waited for: expired records are ignored by the insert below until they go.
      this.pool.query('DELETE FROM interactions_seen WHERE expires_at <= $1', [nowMs]).catch(() => undefined);
    }
    const r = await this.pool.query(
      `INSERT INTO interactions_seen (id, expires_at) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE interactions_seen.expires_at <= $3`,
      [id, expiresAtMs, nowMs],
    );
    return r.rowCount === 1;
  }
}
