// The delivery steps server reminders (reminders.ts) and members' reminders (member-reminders.ts) share
// on PostgreSQL: both tables have the same state, run_at, due_at, last_error and claimed_by columns.
import type pg from 'pg';
import { LIVE_OWNERS } from './presence';

/** A table of claimable reminders (a fixed name, never user input). */
export type ClaimedTable = 'reminders' | 'member_reminders';

/** The base of PgReminderStore and PgMemberReminderStore: the pool, this process's presence id, and
 * the three statements that end or return a claim, on the subclass's table. */
export abstract class PgClaimedRows {
  constructor(
    protected readonly pool: pg.Pool,
    /** This process's presence id. */
    protected readonly owner: number,
    private readonly table: ClaimedTable,
  ) {}

  /** Back to pending, to be tried again at `runAt`. */
  async retryLater(id: number, runAt: number, error: string, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET state = 'pending', run_at = $1, last_error = $2, claimed_by = NULL, updated_at = $3 WHERE id = $4 AND state IN ('claimed', 'pending')`,
      [runAt, error, now.getTime(), id],
    );
  }

  /** Ended without a post, with the reason. */
  async finish(id: number, state: 'missed' | 'failed' | 'cancelled', reason: string, now: Date): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET state = $1, last_error = $2, claimed_by = NULL, updated_at = $3 WHERE id = $4 AND state IN ('claimed', 'pending')`, [
      state,
      reason,
      now.getTime(),
      id,
    ]);
  }

  /** Several processes: only claims whose holder is gone are stale (a live holder may be sending now). */
  async releaseClaims(now: Date): Promise<number> {
    const r = await this.pool.query(
      `UPDATE ${this.table} SET state = 'pending', run_at = due_at, claimed_by = NULL, updated_at = $1
       WHERE state = 'claimed' AND (claimed_by IS NULL OR claimed_by NOT IN (${LIVE_OWNERS}))`,
      [now.getTime()],
    );
    return r.rowCount ?? 0;
  }
}
