// MemberReminderStore on PostgreSQL, for several Herald processes on one database. Like server reminders
// (reminders.ts): the due-scan reserves what it returns (FOR UPDATE SKIP LOCKED, state 'claimed' with this
// process as holder), so two processes never take the same member reminder; a claim whose holder is gone
// is taken over, re-sent with the same nonce.
import type pg from 'pg';
import type { MemberReminder, MemberReminderCounts, MemberReminderState, MemberReminderStore, MemberReschedule, NewMemberReminder } from '../../reminders/member-store';
import { newNonce } from '../reminders-sqlite';
import { COUNTS_SQL, countsRow, orderFor, toMemberReminder } from '../member-reminders-sqlite';
import { PgClaimedRows } from './claimed-rows';
import { inTransaction } from './pool';

const toRow = (r: Record<string, unknown>) => toMemberReminder({ ...r, id: Number(r.id) });

export class PgMemberReminderStore extends PgClaimedRows implements MemberReminderStore {
  constructor(pool: pg.Pool, owner: number) {
    super(pool, owner, 'member_reminders');
  }

  async add(r: NewMemberReminder, now: Date): Promise<{ reminder: MemberReminder; created: boolean }> {
    const t = now.getTime();
    const inserted = await this.pool.query(
      `INSERT INTO member_reminders (user_id, guild_id, origin, event_key, event_date, remind_time, timezone, due_at, run_at, state, nonce, content, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 'pending', $9, $10, $11, $11)
       ON CONFLICT (user_id, origin, event_key) WHERE state IN ('pending', 'claimed') DO NOTHING`,
      [r.userId, r.guildId, r.origin, r.eventKey, r.eventDate, r.time, r.timezone, r.dueAt, newNonce(), JSON.stringify(r.content), t],
    );
    const { rows } = await this.pool.query("SELECT * FROM member_reminders WHERE user_id = $1 AND origin = $2 AND event_key = $3 AND state IN ('pending', 'claimed')", [
      r.userId,
      r.origin,
      r.eventKey,
    ]);
    return { reminder: toRow(rows[0]), created: inserted.rowCount === 1 };
  }

  async get(id: number): Promise<MemberReminder | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM member_reminders WHERE id = $1', [id]);
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  async byUser(userId: string, states: MemberReminderState[], limit: number): Promise<MemberReminder[]> {
    const out: MemberReminder[] = [];
    for (const state of states) {
      const { rows } = await this.pool.query(`SELECT * FROM member_reminders WHERE user_id = $1 AND state = $2 ORDER BY ${orderFor(state)} LIMIT $3`, [userId, state, limit]);
      out.push(...rows.map(toRow));
    }
    return out;
  }

  async pendingOf(filter: { origin: string } | { userId: string }): Promise<MemberReminder[]> {
    const [column, value] = 'origin' in filter ? ['origin', filter.origin] : ['user_id', filter.userId];
    return (await this.pool.query(`SELECT * FROM member_reminders WHERE ${column} = $1 AND state = 'pending' ORDER BY id`, [value])).rows.map(toRow);
  }

  async renameOrigin(from: string, to: string, keys: ReadonlyMap<string, string>, now: Date): Promise<number> {
    const live = "state IN ('pending', 'claimed')";
    return inTransaction(this.pool, async (client) => {
      let moved = 0;
      for (const [was, key] of keys) {
        moved += (await client.query(`UPDATE member_reminders SET origin = $1, event_key = $2, updated_at = $3 WHERE origin = $4 AND event_key = $5 AND ${live}`, [to, key, now.getTime(), from, was])).rowCount ?? 0;
      }
      moved += (await client.query(`UPDATE member_reminders SET origin = $1, updated_at = $2 WHERE origin = $3 AND ${live}`, [to, now.getTime(), from])).rowCount ?? 0;
      return moved;
    });
  }

  async pendingOrigins(): Promise<string[]> {
    return (await this.pool.query<{ origin: string }>("SELECT DISTINCT origin FROM member_reminders WHERE state = 'pending'")).rows.map((r) => r.origin);
  }

  async counts(): Promise<MemberReminderCounts[]> {
    return (await this.pool.query(COUNTS_SQL)).rows.map((row) => countsRow.parse(row));
  }

  async reschedule(id: number, c: MemberReschedule, now: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE member_reminders SET event_date = $1, timezone = $2, due_at = $3, run_at = $3, content = COALESCE($4, content), moved_from = COALESCE($5, moved_from),
         moved_by = COALESCE($6, moved_by), nonce = $7, attempts = 0, last_error = NULL, updated_at = $8
       WHERE id = $9 AND state = 'pending'`,
      [c.eventDate, c.timezone, c.dueAt, c.content ? JSON.stringify(c.content) : null, c.moved?.from ?? null, c.moved?.by ?? null, newNonce(), now.getTime(), id],
    );
    return r.rowCount === 1;
  }

  async cancel(id: number, reason: string, now: Date, userId?: string): Promise<boolean> {
    const r = await this.pool.query(
      "UPDATE member_reminders SET state = 'cancelled', last_error = $1, updated_at = $2 WHERE id = $3 AND state = 'pending' AND ($4::text IS NULL OR user_id = $4)",
      [reason, now.getTime(), id, userId ?? null],
    );
    return r.rowCount === 1;
  }

  /** Reserves up to `limit`: claims whose lease ran out or whose holder is gone first, then pending ones due by `now`. */
  async due(now: number, limit: number): Promise<MemberReminder[]> {
    return this.reserveDue(now, limit, toRow);
  }

  async claim(r: Pick<MemberReminder, 'id' | 'state' | 'runAt'>, leaseUntil: number, now: Date): Promise<boolean> {
    const res = await this.pool.query(
      "UPDATE member_reminders SET state = 'claimed', run_at = $1, attempts = attempts + 1, claimed_by = $2, updated_at = $3 WHERE id = $4 AND state = $5 AND run_at = $6",
      [leaseUntil, this.owner, now.getTime(), r.id, r.state, r.runAt],
    );
    return res.rowCount === 1;
  }

  async markSent(id: number, sent: { via: 'dm' | 'channel'; channelId: string; messageId: string }, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE member_reminders SET state = 'sent', via = $1, channel_id = $2, message_id = $3, sent_at = $4, last_error = NULL, claimed_by = NULL, updated_at = $4
       WHERE id = $5 AND state = 'claimed'`,
      [sent.via, sent.channelId, sent.messageId, now.getTime(), id],
    );
  }

  async timezone(userId: string): Promise<string | undefined> {
    return (await this.pool.query<{ timezone: string }>('SELECT timezone FROM member_settings WHERE user_id = $1', [userId])).rows[0]?.timezone;
  }

  async setTimezone(userId: string, timezone: string, now: Date): Promise<void> {
    await this.pool.query(
      'INSERT INTO member_settings (user_id, timezone, updated_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone, updated_at = EXCLUDED.updated_at',
      [userId, timezone, now.getTime()],
    );
  }
}
