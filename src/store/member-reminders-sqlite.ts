// MemberReminderStore on better-sqlite3 (one process). Rows are checked with zod when read back.
import { z } from 'zod';
import type { Db } from './db';
import type { MemberReminder, MemberReminderCounts, MemberReminderState, MemberReminderStore, MemberReschedule, NewMemberReminder } from '../reminders/member-store';
import { contentSchema, newNonce } from './reminders-sqlite';

const rowSchema = z.object({
  id: z.number().int(),
  user_id: z.string(),
  guild_id: z.string(),
  origin: z.string(),
  event_key: z.string(),
  event_date: z.string(),
  remind_time: z.string(),
  timezone: z.string(),
  due_at: z.number(),
  run_at: z.number(),
  state: z.enum(['pending', 'claimed', 'sent', 'missed', 'failed', 'cancelled']),
  nonce: z.string(),
  attempts: z.number().int(),
  content: z.string(),
  moved_from: z.string().nullable(),
  moved_by: z.string().nullable(),
  via: z.enum(['dm', 'channel']).nullable(),
  channel_id: z.string().nullable(),
  message_id: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.number(),
  sent_at: z.number().nullable(),
});

export function toMemberReminder(row: unknown): MemberReminder {
  const r = rowSchema.parse(row);
  return {
    id: r.id,
    userId: r.user_id,
    guildId: r.guild_id,
    origin: r.origin,
    eventKey: r.event_key,
    eventDate: r.event_date,
    time: r.remind_time,
    timezone: r.timezone,
    dueAt: r.due_at,
    runAt: r.run_at,
    state: r.state,
    nonce: r.nonce,
    attempts: r.attempts,
    content: contentSchema.parse(JSON.parse(r.content)),
    movedFrom: r.moved_from,
    movedBy: r.moved_by,
    via: r.via,
    channelId: r.channel_id,
    messageId: r.message_id,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** /status's counts per server (both stores): sent and cancelled reminders, the bulk of the table, are not read. */
export const COUNTS_SQL = `SELECT guild_id, count(*) FILTER (WHERE state IN ('pending', 'claimed')) AS pending, count(*) FILTER (WHERE state = 'missed') AS missed,
    count(*) FILTER (WHERE state = 'failed') AS failed
  FROM member_reminders WHERE state IN ('pending', 'claimed', 'missed', 'failed') GROUP BY guild_id ORDER BY guild_id`;

/** A counts row (PostgreSQL hands count(*) back as a string). */
export const countsRow = z
  .object({ guild_id: z.string(), pending: z.coerce.number().int(), missed: z.coerce.number().int(), failed: z.coerce.number().int() })
  .transform((r): MemberReminderCounts => ({ guildId: r.guild_id, pending: r.pending, missed: r.missed, failed: r.failed }));

/** Pending and claimed soonest first; history newest first (both stores order alike). */
export const orderFor = (state: MemberReminderState) => (state === 'pending' || state === 'claimed' ? 'due_at ASC, id ASC' : 'updated_at DESC, id DESC');

export class SqliteMemberReminderStore implements MemberReminderStore {
  constructor(private readonly db: Db) {}

  async add(r: NewMemberReminder, now: Date): Promise<{ reminder: MemberReminder; created: boolean }> {
    const t = now.getTime();
    const changes = this.db
      .prepare(
        `INSERT OR IGNORE INTO member_reminders (user_id, guild_id, origin, event_key, event_date, remind_time, timezone, due_at, run_at, state, nonce, content, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(r.userId, r.guildId, r.origin, r.eventKey, r.eventDate, r.time, r.timezone, r.dueAt, r.dueAt, newNonce(), JSON.stringify(r.content), t, t).changes;
    const row = this.db
      .prepare("SELECT * FROM member_reminders WHERE user_id = ? AND origin = ? AND event_key = ? AND state IN ('pending', 'claimed')")
      .get(r.userId, r.origin, r.eventKey);
    return { reminder: toMemberReminder(row), created: changes === 1 };
  }

  async get(id: number): Promise<MemberReminder | undefined> {
    const row = this.db.prepare('SELECT * FROM member_reminders WHERE id = ?').get(id);
    return row ? toMemberReminder(row) : undefined;
  }

  async byUser(userId: string, states: MemberReminderState[], limit: number): Promise<MemberReminder[]> {
    const out: MemberReminder[] = [];
    for (const state of states) {
      out.push(...this.db.prepare(`SELECT * FROM member_reminders WHERE user_id = ? AND state = ? ORDER BY ${orderFor(state)} LIMIT ?`).all(userId, state, limit).map(toMemberReminder));
    }
    return out;
  }

  async pendingOf(filter: { origin: string } | { userId: string }): Promise<MemberReminder[]> {
    const [column, value] = 'origin' in filter ? ['origin', filter.origin] : ['user_id', filter.userId];
    return this.db.prepare(`SELECT * FROM member_reminders WHERE ${column} = ? AND state = 'pending' ORDER BY id`).all(value).map(toMemberReminder);
  }

  async renameOrigin(from: string, to: string, keys: ReadonlyMap<string, string>, now: Date): Promise<number> {
    const live = "state IN ('pending', 'claimed')";
    const rekey = this.db.prepare(`UPDATE member_reminders SET origin = ?, event_key = ?, updated_at = ? WHERE origin = ? AND event_key = ? AND ${live}`);
    const rest = this.db.prepare(`UPDATE member_reminders SET origin = ?, updated_at = ? WHERE origin = ? AND ${live}`);
    return this.db.transaction(() => {
      let moved = 0;
      for (const [was, key] of keys) moved += rekey.run(to, key, now.getTime(), from, was).changes;
      return moved + rest.run(to, now.getTime(), from).changes;
    })();
  }

  async pendingOrigins(): Promise<string[]> {
    return (this.db.prepare("SELECT DISTINCT origin FROM member_reminders WHERE state = 'pending'").all() as { origin: string }[]).map((r) => r.origin);
  }

  async counts(): Promise<MemberReminderCounts[]> {
    return this.db.prepare(COUNTS_SQL).all().map((row) => countsRow.parse(row));
  }

  async reschedule(id: number, c: MemberReschedule, now: Date): Promise<boolean> {
    const r = this.db
      .prepare(
        `UPDATE member_reminders SET event_date = ?, timezone = ?, due_at = ?, run_at = ?, content = COALESCE(?, content), moved_from = COALESCE(?, moved_from),
           moved_by = COALESCE(?, moved_by), nonce = ?, attempts = 0, last_error = NULL, updated_at = ?
         WHERE id = ? AND state = 'pending'`,
      )
      .run(c.eventDate, c.timezone, c.dueAt, c.dueAt, c.content ? JSON.stringify(c.content) : null, c.moved?.from ?? null, c.moved?.by ?? null, newNonce(), now.getTime(), id);
    return r.changes === 1;
  }

  async cancel(id: number, reason: string, now: Date, userId?: string): Promise<boolean> {
    const r = this.db
      .prepare("UPDATE member_reminders SET state = 'cancelled', last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending' AND (? IS NULL OR user_id = ?)")
      .run(reason, now.getTime(), id, userId ?? null, userId ?? null);
    return r.changes === 1;
  }

  async due(now: number, limit: number): Promise<MemberReminder[]> {
    const stale = this.db.prepare("SELECT * FROM member_reminders WHERE state = 'claimed' AND run_at <= ? ORDER BY run_at LIMIT ?").all(now, limit).map(toMemberReminder);
    if (stale.length >= limit) return stale;
    const fresh = this.db.prepare("SELECT * FROM member_reminders WHERE state = 'pending' AND run_at <= ? ORDER BY run_at LIMIT ?").all(now, limit - stale.length).map(toMemberReminder);
    return [...stale, ...fresh];
  }

  async claim(r: Pick<MemberReminder, 'id' | 'state' | 'runAt'>, leaseUntil: number, now: Date): Promise<boolean> {
    const res = this.db
      .prepare("UPDATE member_reminders SET state = 'claimed', run_at = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = ? AND run_at = ?")
      .run(leaseUntil, now.getTime(), r.id, r.state, r.runAt);
    return res.changes === 1;
  }

  async markSent(id: number, sent: { via: 'dm' | 'channel'; channelId: string; messageId: string }, now: Date): Promise<void> {
    this.db
      .prepare("UPDATE member_reminders SET state = 'sent', via = ?, channel_id = ?, message_id = ?, sent_at = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'claimed'")
      .run(sent.via, sent.channelId, sent.messageId, now.getTime(), now.getTime(), id);
  }

  async retryLater(id: number, runAt: number, error: string, now: Date): Promise<void> {
    this.db.prepare("UPDATE member_reminders SET state = 'pending', run_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND state IN ('claimed', 'pending')").run(runAt, error, now.getTime(), id);
  }

  async finish(id: number, state: 'missed' | 'failed' | 'cancelled', reason: string, now: Date): Promise<void> {
    this.db.prepare("UPDATE member_reminders SET state = ?, last_error = ?, updated_at = ? WHERE id = ? AND state IN ('claimed', 'pending')").run(state, reason, now.getTime(), id);
  }

  async releaseClaims(now: Date): Promise<number> {
    return this.db.prepare("UPDATE member_reminders SET state = 'pending', run_at = due_at, updated_at = ? WHERE state = 'claimed'").run(now.getTime()).changes;
  }

  async timezone(userId: string): Promise<string | undefined> {
    return (this.db.prepare('SELECT timezone FROM member_settings WHERE user_id = ?').get(userId) as { timezone: string } | undefined)?.timezone;
  }

  async setTimezone(userId: string, timezone: string, now: Date): Promise<void> {
    this.db
      .prepare('INSERT INTO member_settings (user_id, timezone, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET timezone = excluded.timezone, updated_at = excluded.updated_at')
      .run(userId, timezone, now.getTime());
  }
}
