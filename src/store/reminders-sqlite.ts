// ReminderStore on better-sqlite3 (one process). Rows are checked with zod when read back.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './db';
import type { ReminderCounts, ReminderStore, StoredReminder, Subscription, SubscriptionPatch } from '../reminders/store';
import type { ReconcileActions, ReminderContent, ReminderState } from '../reminders/plan';

const subscriptionRowSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  guild_id: z.string().nullable(),
  channel_id: z.string().nullable(),
  lead_days: z.number().int(),
  role_id: z.string().nullable(),
  reminder_time: z.string().nullable(),
  timezone: z.string().nullable(),
  broken_reason: z.string().nullable(),
  broken_at: z.number().nullable(),
});

export const contentSchema: z.ZodType<ReminderContent> = z.object({
  articleId: z.string(),
  headline: z.string(),
  url: z.string().optional(),
  description: z.string(),
  eventDate: z.string(),
  endDate: z.string(),
  qualifier: z.enum(['on', 'by', 'about', 'range', 'alternative']),
  expression: z.string(),
  sentence: z.string(),
  attribution: z.string().optional(),
});

const reminderRowSchema = z.object({
  id: z.number().int(),
  subscription_id: z.number().int(),
  origin: z.string(),
  event_key: z.string(),
  lead_days: z.number().int(),
  event_date: z.string(),
  due_at: z.number(),
  run_at: z.number(),
  state: z.enum(['pending', 'claimed', 'sent', 'missed', 'failed', 'cancelled']),
  nonce: z.string(),
  attempts: z.number().int(),
  channel_id: z.string().nullable(),
  guild_id: z.string().nullable(),
  message_id: z.string().nullable(),
  last_error: z.string().nullable(),
  content: z.string(),
  sent_at: z.number().nullable(),
});

export function toSubscription(row: unknown): Subscription {
  const r = subscriptionRowSchema.parse(row);
  return {
    id: r.id,
    key: r.key,
    guildId: r.guild_id,
    channelId: r.channel_id,
    leadDays: r.lead_days,
    roleId: r.role_id,
    time: r.reminder_time,
    timezone: r.timezone,
    broken: r.broken_reason !== null ? { reason: r.broken_reason, at: new Date(r.broken_at ?? 0) } : null,
  };
}

export function toReminder(row: unknown): StoredReminder {
  const r = reminderRowSchema.parse(row);
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    origin: r.origin,
    eventKey: r.event_key,
    leadDays: r.lead_days,
    eventDate: r.event_date,
    dueAt: r.due_at,
    runAt: r.run_at,
    state: r.state,
    nonce: r.nonce,
    attempts: r.attempts,
    channelId: r.channel_id,
    guildId: r.guild_id,
    messageId: r.message_id,
    lastError: r.last_error,
    content: contentSchema.parse(JSON.parse(r.content)),
    sentAt: r.sent_at,
  };
}

/** ≤ 25 characters (Discord's nonce limit); random so two databases never share one. */
export function newNonce(): string {
  return `hr${randomBytes(12).toString('base64url')}`;
}

export const COLUMNS: Record<keyof SubscriptionPatch, string> = {
  channelId: 'channel_id',
  leadDays: 'lead_days',
  roleId: 'role_id',
  time: 'reminder_time',
  timezone: 'timezone',
  guildId: 'guild_id',
};

export class SqliteReminderStore implements ReminderStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      subByKey: db.prepare('SELECT * FROM reminder_subscriptions WHERE key = ?'),
      subById: db.prepare('SELECT * FROM reminder_subscriptions WHERE id = ?'),
      insertSub: db.prepare('INSERT OR IGNORE INTO reminder_subscriptions (key, created_at, updated_at) VALUES (?, ?, ?)'),
      activeSubs: db.prepare('SELECT * FROM reminder_subscriptions WHERE channel_id IS NOT NULL ORDER BY id'),
      setBroken: db.prepare('UPDATE reminder_subscriptions SET broken_reason = ?, broken_at = ?, updated_at = ? WHERE id = ?'),
      forOrigin: db.prepare('SELECT * FROM reminders WHERE subscription_id = ? AND origin = ?'),
      insert: db.prepare(
        `INSERT INTO reminders (subscription_id, origin, event_key, lead_days, event_date, due_at, run_at, state, nonce, content, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      ),
      move: db.prepare(
        `UPDATE reminders SET event_key = ?, event_date = ?, due_at = ?, run_at = ?, content = ?, attempts = 0, last_error = NULL, channel_id = NULL, nonce = ?, updated_at = ?
         WHERE id = ? AND state = 'pending'`,
      ),
      refresh: db.prepare("UPDATE reminders SET event_key = ?, content = ?, updated_at = ? WHERE id = ? AND state = 'pending'"),
      cancelOne: db.prepare("UPDATE reminders SET state = 'cancelled', last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'"),
      cancelOrigin: db.prepare("UPDATE reminders SET state = 'cancelled', last_error = ?, updated_at = ? WHERE origin = ? AND state = 'pending'"),
      cancelOriginSub: db.prepare(
        "UPDATE reminders SET state = 'cancelled', last_error = ?, updated_at = ? WHERE origin = ? AND subscription_id = ? AND state = 'pending'",
      ),
      cancelSub: db.prepare("UPDATE reminders SET state = 'cancelled', last_error = ?, updated_at = ? WHERE subscription_id = ? AND state = 'pending'"),
      renameOrigin: db.prepare('UPDATE reminders SET origin = ?, updated_at = ? WHERE origin = ?'),
      pendingOrigins: db.prepare("SELECT DISTINCT origin FROM reminders WHERE state = 'pending'"),
      // The due-scan. Both use the (state, run_at) index: a range scan that stops after `limit` rows.
      dueClaimed: db.prepare("SELECT * FROM reminders WHERE state = 'claimed' AND run_at <= ? ORDER BY run_at LIMIT ?"),
      duePending: db.prepare("SELECT * FROM reminders WHERE state = 'pending' AND run_at <= ? ORDER BY run_at LIMIT ?"),
      claim: db.prepare(
        `UPDATE reminders SET state = 'claimed', run_at = ?, attempts = attempts + 1, channel_id = COALESCE(channel_id, ?), updated_at = ?
         WHERE id = ? AND state = ? AND run_at = ?`,
      ),
      sent: db.prepare(
        `UPDATE reminders SET state = 'sent', message_id = ?, channel_id = ?, guild_id = ?, sent_at = ?, last_error = NULL, updated_at = ?
         WHERE id = ? AND state = 'claimed'`,
      ),
      retry: db.prepare("UPDATE reminders SET state = 'pending', run_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND state IN ('claimed', 'pending')"),
      finish: db.prepare("UPDATE reminders SET state = ?, last_error = ?, updated_at = ? WHERE id = ? AND state IN ('claimed', 'pending')"),
      // Back to its place in the queue (its due instant): a crashed send goes before later reminders.
      release: db.prepare("UPDATE reminders SET state = 'pending', run_at = due_at, updated_at = ? WHERE state = 'claimed'"),
      bySubPendingFirst: db.prepare('SELECT * FROM reminders WHERE subscription_id = ? AND state = ? ORDER BY due_at ASC LIMIT ?'),
      bySubNewestFirst: db.prepare('SELECT * FROM reminders WHERE subscription_id = ? AND state = ? ORDER BY due_at DESC LIMIT ?'),
      nextPending: db.prepare(
        `SELECT r.* FROM reminders r JOIN reminder_subscriptions s ON s.id = r.subscription_id
         WHERE r.state = 'pending' AND s.channel_id IS NOT NULL AND s.broken_reason IS NULL ORDER BY r.run_at LIMIT 1`,
      ),
      counts: db.prepare(
        "SELECT (SELECT count(*) FROM reminders WHERE state = 'pending') AS pending, (SELECT count(*) FROM reminders WHERE state = 'missed') AS missed",
      ),
    };
  }

  async upsertSubscription(key: string, patch: SubscriptionPatch, now: Date): Promise<Subscription> {
    const t = now.getTime();
    this.db.transaction(() => {
      this.q.insertSub.run(key, t, t);
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof SubscriptionPatch, unknown][];
      if (entries.length === 0) return;
      const sets = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE reminder_subscriptions SET ${sets}, updated_at = ? WHERE key = ?`).run(...entries.map(([, v]) => v), t, key);
    })();
    return toSubscription(this.q.subByKey.get(key));
  }

  async subscription(key: string): Promise<Subscription | undefined> {
    const row = this.q.subByKey.get(key);
    return row ? toSubscription(row) : undefined;
  }

  async subscriptionById(id: number): Promise<Subscription | undefined> {
    const row = this.q.subById.get(id);
    return row ? toSubscription(row) : undefined;
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    return this.q.activeSubs.all().map(toSubscription);
  }

  async setBroken(id: number, broken: { reason: string } | null, now: Date): Promise<void> {
    this.q.setBroken.run(broken?.reason ?? null, broken ? now.getTime() : null, now.getTime(), id);
  }

  async forOrigin(subscriptionId: number, origin: string): Promise<StoredReminder[]> {
    return this.q.forOrigin.all(subscriptionId, origin).map(toReminder);
  }

  async apply(subscriptionId: number, origin: string, actions: ReconcileActions, now: Date): Promise<void> {
    const t = now.getTime();
    this.db.transaction(() => {
      for (const id of actions.cancel) this.q.cancelOne.run('the event is no longer in the article, or no longer ahead', t, id);
      for (const { id, planned } of actions.move) {
        // A moved reminder is a new post: a fresh nonce, so an earlier attempt cannot stand in for it.
        this.q.move.run(planned.eventKey, planned.eventDate, planned.dueAt, planned.dueAt, JSON.stringify(planned.content), newNonce(), t, id);
      }
      for (const { id, planned } of actions.refresh) this.q.refresh.run(planned.eventKey, JSON.stringify(planned.content), t, id);
      for (const p of actions.create) {
        this.q.insert.run(subscriptionId, origin, p.eventKey, p.leadDays, p.eventDate, p.dueAt, p.dueAt, newNonce(), JSON.stringify(p.content), t, t);
      }
    })();
  }

  async cancelOrigin(origin: string, now: Date, subscriptionId?: number): Promise<number> {
    const reason = 'the article was removed';
    const r =
      subscriptionId === undefined
        ? this.q.cancelOrigin.run(reason, now.getTime(), origin)
        : this.q.cancelOriginSub.run(reason, now.getTime(), origin, subscriptionId);
    return r.changes;
  }

  async renameOrigin(from: string, to: string, now: Date): Promise<number> {
    return this.q.renameOrigin.run(to, now.getTime(), from).changes;
  }

  async cancelSubscription(subscriptionId: number, now: Date): Promise<number> {
    return this.q.cancelSub.run('reminders were turned off or reconfigured', now.getTime(), subscriptionId).changes;
  }

  async pendingOrigins(): Promise<string[]> {
    return (this.q.pendingOrigins.all() as { origin: string }[]).map((r) => r.origin);
  }

  async due(now: number, limit: number): Promise<StoredReminder[]> {
    const stale = this.q.dueClaimed.all(now, limit).map(toReminder);
    if (stale.length >= limit) return stale;
    return [...stale, ...this.q.duePending.all(now, limit - stale.length).map(toReminder)];
  }

  async claim(r: Pick<StoredReminder, 'id' | 'state' | 'runAt'>, claim: { leaseUntil: number; channelId: string }, now: Date): Promise<boolean> {
    return this.q.claim.run(claim.leaseUntil, claim.channelId, now.getTime(), r.id, r.state, r.runAt).changes === 1;
  }

  async markSent(id: number, sent: { messageId: string; channelId: string; guildId?: string }, now: Date): Promise<void> {
    this.q.sent.run(sent.messageId, sent.channelId, sent.guildId ?? null, now.getTime(), now.getTime(), id);
  }

  async retryLater(id: number, runAt: number, error: string, now: Date): Promise<void> {
    this.q.retry.run(runAt, error, now.getTime(), id);
  }

  async finish(id: number, state: 'missed' | 'failed' | 'cancelled', reason: string, now: Date): Promise<void> {
    this.q.finish.run(state, reason, now.getTime(), id);
  }

  async releaseClaims(now: Date): Promise<number> {
    return this.q.release.run(now.getTime()).changes;
  }

  async bySubscription(subscriptionId: number, states: ReminderState[], limit: number): Promise<StoredReminder[]> {
    const out: StoredReminder[] = [];
    for (const state of states) {
      const q = state === 'pending' || state === 'claimed' ? this.q.bySubPendingFirst : this.q.bySubNewestFirst;
      out.push(...q.all(subscriptionId, state, limit).map(toReminder));
    }
    return out;
  }

  async nextPending(): Promise<StoredReminder | undefined> {
    const row = this.q.nextPending.get();
    return row ? toReminder(row) : undefined;
  }

  async counts(): Promise<ReminderCounts> {
    return this.q.counts.get() as ReminderCounts;
  }
}
