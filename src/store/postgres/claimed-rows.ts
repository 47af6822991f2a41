// The delivery steps server reminders (reminders.ts) and members' reminders (member-reminders.ts) share
// on PostgreSQL: both tables have the same state, run_at, due_at, last_error and claimed_by columns.
import type pg from 'pg';
import { LIVE_OWNERS } from './presence';

/** A table of claimable reminders (a fixed name, never user input). */
export type ClaimedTable = 'reminders' | 'member_reminders';

/** Back to pending, to be tried again at `runAt`. */
export async function retryLater(pool: pg.Pool, table: ClaimedTable, id: number, runAt: number, error: string, now: Date): Promise<void> {
  await pool.query(
    `UPDATE ${table} SET state = 'pending', run_at = $1, last_error = $2, claimed_by = NULL, updated_at = $3 WHERE id = $4 AND state IN ('claimed', 'pending')`,
    [runAt, error, now.getTime(), id],
  );
}

/** Ended without a post, with the reason. */
export async function finish(pool: pg.Pool, table: ClaimedTable, id: number, state: 'missed' | 'failed' | 'cancelled', reason: string, now: Date): Promise<void> {
  await pool.query(`UPDATE ${table} SET state = $1, last_error = $2, claimed_by = NULL, updated_at = $3 WHERE id = $4 AND state IN ('claimed', 'pending')`, [
    state,
    reason,
    now.getTime(),
    id,
  ]);
}

/** Several processes: only claims whose holder is gone are stale (a live holder may be sending now). */
export async function releaseClaims(pool: pg.Pool, table: ClaimedTable, now: Date): Promise<number> {
  const r = await pool.query(
    `UPDATE ${table} SET state = 'pending', run_at = due_at, claimed_by = NULL, updated_at = $1
     WHERE state = 'claimed' AND (claimed_by IS NULL OR claimed_by NOT IN (${LIVE_OWNERS}))`,
    [now.getTime()],
  );
  return r.rowCount ?? 0;
}
