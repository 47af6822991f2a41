// The delivery steps server reminders (reminders.ts) and members' reminders (member-reminders.ts) share
// on PostgreSQL: reserving what is due, retrying, ending and releasing claims. Both tables have the same
// state, run_at, due_at, last_error and claimed_by columns.
import type pg from 'pg';
import { LIVE_OWNERS } from './presence';

/** How long a scan holds the reminders it reserved (a holder that dies is noticed sooner, by its presence). */
const RESERVATION_MS = 120_000;

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

  /**
   * Reserves and returns up to `limit` rows to deliver: first claims whose lease ran out or whose holder
   * is gone (they go before later reminders), then pending rows due by `now`, soonest first. Rows another
   * process has locked are skipped, not waited for.
   */
  protected async reserveDue<T extends { id: number; dueAt: number }>(now: number, limit: number, toRow: (row: Record<string, unknown>) => T): Promise<T[]> {
    const reserve = (where: string, order: string, n: number) =>
      this.pool.query(
        `WITH picked AS (SELECT id FROM ${this.table} WHERE ${where} ORDER BY ${order} LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE ${this.table} r SET state = 'claimed', run_at = $3, claimed_by = $4, updated_at = $1 FROM picked WHERE r.id = picked.id RETURNING r.*`,
        [now, n, now + RESERVATION_MS, this.owner],
      );
    const stale = (await reserve(`state = 'claimed' AND (run_at <= $1 OR claimed_by IS NULL OR claimed_by NOT IN (${LIVE_OWNERS}))`, 'due_at', limit)).rows.map(toRow);
    const fresh = stale.length >= limit ? [] : (await reserve(`state = 'pending' AND run_at <= $1`, 'run_at', limit - stale.length)).rows.map(toRow);
    const soonest = (a: T, b: T) => a.dueAt - b.dueAt || a.id - b.id;
    return [...stale.sort(soonest), ...fresh.sort(soonest)];
  }

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
