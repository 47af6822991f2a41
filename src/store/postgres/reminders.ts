// ReminderStore on PostgreSQL, for several Herald processes on one database. The due-scan reserves
// what it returns (SELECT … FOR UPDATE SKIP LOCKED, then state 'claimed' with this process as holder
// and a lease), so two processes never get the same reminder; the service's claim() then
// compare-and-sets on that reservation. A claim whose holder is gone (its presence lock dropped) is
// taken over at the next scan, re-sent with the same nonce.
import type pg from 'pg';
import type { ReminderCounts, ReminderStore, StoredReminder, Subscription, SubscriptionPatch } from '../../reminders/store';
import type { ReconcileActions, ReminderState } from '../../reminders/plan';
import { COLUMNS, newNonce, toReminder, toSubscription } from '../reminders-sqlite';
import { GroupWriter } from './group';
import { inTransaction } from './pool';
import { PgClaimedRows } from './claimed-rows';


interface ClaimInput {
  id: number;
  state: string;
  runAt: number;
  leaseUntil: number;
  channelId: string;
  at: number;
}

interface SentInput {
  id: number;
  messageId: string;
  channelId: string;
  guildId: string | null;
  at: number;
}

export class PgReminderStore extends PgClaimedRows implements ReminderStore {
  // A due-scan claims and records many reminders at once: each wave goes in one statement (group.ts).
  private readonly claims = new GroupWriter<ClaimInput, boolean>((inputs) => this.claimGroup(inputs), (c) => c.id);
  private readonly sends = new GroupWriter<SentInput, void>((inputs) => this.sentGroup(inputs), (s) => s.id);

  constructor(pool: pg.Pool, owner: number) {
    super(pool, owner, 'reminders');
  }

  async upsertSubscription(key: string, patch: SubscriptionPatch, now: Date): Promise<Subscription> {
    const t = now.getTime();
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof SubscriptionPatch, unknown][];
    return inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO reminder_subscriptions (key, created_at, updated_at) VALUES ($1, $2, $2) ON CONFLICT (key) DO NOTHING', [key, t]);
      if (entries.length > 0) {
        const sets = entries.map(([k], i) => `${COLUMNS[k]} = $${i + 1}`).join(', ');
        await c.query(`UPDATE reminder_subscriptions SET ${sets}, updated_at = $${entries.length + 1} WHERE key = $${entries.length + 2}`, [
          ...entries.map(([, v]) => v),
          t,
          key,
        ]);
      }
      return toSubscription((await c.query('SELECT * FROM reminder_subscriptions WHERE key = $1', [key])).rows[0]);
    });
  }

  async subscription(key: string): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM reminder_subscriptions WHERE key = $1', [key]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async subscriptionById(id: number): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM reminder_subscriptions WHERE id = $1', [id]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    return (await this.pool.query('SELECT * FROM reminder_subscriptions WHERE channel_id IS NOT NULL ORDER BY id')).rows.map(toSubscription);
  }

  async setBroken(id: number, broken: { reason: string } | null, now: Date): Promise<void> {
    await this.pool.query('UPDATE reminder_subscriptions SET broken_reason = $1, broken_at = $2, updated_at = $3 WHERE id = $4', [
      broken?.reason ?? null,
      broken ? now.getTime() : null,
      now.getTime(),
      id,
    ]);
  }

  async forOrigin(subscriptionId: number, origin: string): Promise<StoredReminder[]> {
    return (await this.pool.query('SELECT * FROM reminders WHERE subscription_id = $1 AND origin = $2', [subscriptionId, origin])).rows.map(toReminder);
  }

  /** Several processes reconcile the same article: a reminder another already created is not created twice. */
  async apply(subscriptionId: number, origin: string, actions: ReconcileActions, now: Date): Promise<void> {
    const t = now.getTime();
    await inTransaction(this.pool, async (c) => {
      for (const id of actions.cancel) {
        await c.query("UPDATE reminders SET state = 'cancelled', last_error = $1, updated_at = $2 WHERE id = $3 AND state = 'pending'", [
          'the event is no longer in the article, or no longer ahead',
          t,
          id,
        ]);
      }
      for (const { id, planned } of actions.move) {
        await c.query(
          `UPDATE reminders SET event_key = $1, event_date = $2, due_at = $3, run_at = $3, content = $4, attempts = 0, last_error = NULL, channel_id = NULL, nonce = $5, updated_at = $6
           WHERE id = $7 AND state = 'pending'`,
          [planned.eventKey, planned.eventDate, planned.dueAt, JSON.stringify(planned.content), newNonce(), t, id],
        );
      }
      for (const { id, planned } of actions.refresh) {
        await c.query("UPDATE reminders SET event_key = $1, content = $2, updated_at = $3 WHERE id = $4 AND state = 'pending'", [
          planned.eventKey,
          JSON.stringify(planned.content),
          t,
          id,
        ]);
      }
      for (const p of actions.create) {
        await c.query(
          `INSERT INTO reminders (subscription_id, origin, event_key, lead_days, event_date, due_at, run_at, state, nonce, content, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6, 'pending', $7, $8, $9, $9)
           ON CONFLICT (subscription_id, event_key, lead_days) WHERE state IN ('pending', 'claimed') DO NOTHING`,
          [subscriptionId, origin, p.eventKey, p.leadDays, p.eventDate, p.dueAt, newNonce(), JSON.stringify(p.content), t],
        );
      }
    });
  }

  async cancelOrigin(origin: string, now: Date, subscriptionId?: number): Promise<number> {
    const reason = 'the article was removed';
    const r =
      subscriptionId === undefined
        ? await this.pool.query("UPDATE reminders SET state = 'cancelled', last_error = $1, updated_at = $2 WHERE origin = $3 AND state = 'pending'", [reason, now.getTime(), origin])
        : await this.pool.query(
            "UPDATE reminders SET state = 'cancelled', last_error = $1, updated_at = $2 WHERE origin = $3 AND subscription_id = $4 AND state = 'pending'",
            [reason, now.getTime(), origin, subscriptionId],
          );
    return r.rowCount ?? 0;
  }

  async cancelSubscription(subscriptionId: number, now: Date): Promise<number> {
    const r = await this.pool.query("UPDATE reminders SET state = 'cancelled', last_error = $1, updated_at = $2 WHERE subscription_id = $3 AND state = 'pending'", [
      'reminders were turned off or reconfigured',
      now.getTime(),
      subscriptionId,
    ]);
    return r.rowCount ?? 0;
  }

  async renameOrigin(from: string, to: string, now: Date): Promise<number> {
    return (await this.pool.query('UPDATE reminders SET origin = $1, updated_at = $2 WHERE origin = $3', [to, now.getTime(), from])).rowCount ?? 0;
  }

  async pendingOrigins(): Promise<string[]> {
    return (await this.pool.query<{ origin: string }>("SELECT DISTINCT origin FROM reminders WHERE state = 'pending'")).rows.map((r) => r.origin);
  }

  /**
   * Reserves and returns up to `limit` reminders to deliver: first claims whose lease ran out or whose
   * holder is gone (they go before later reminders), then pending reminders due by `now`, soonest first.
   * Rows another process has locked are skipped, not waited for.
   */
  async due(now: number, limit: number): Promise<StoredReminder[]> {
    return this.reserveDue(now, limit, toReminder);
  }

  async claim(r: Pick<StoredReminder, 'id' | 'state' | 'runAt'>, claim: { leaseUntil: number; channelId: string }, now: Date): Promise<boolean> {
    return this.claims.run({ id: r.id, state: r.state, runAt: r.runAt, leaseUntil: claim.leaseUntil, channelId: claim.channelId, at: now.getTime() });
  }

  /** Compare-and-set for a group of claims: each takes its reminder only if still in the state and run_at it saw. */
  private async claimGroup(inputs: ClaimInput[]): Promise<boolean[]> {
    const { rows } = await this.pool.query<{ id: number }>(
      `UPDATE reminders r SET state = 'claimed', run_at = v.lease, attempts = r.attempts + 1, channel_id = COALESCE(r.channel_id, v.channel), claimed_by = $1, updated_at = v.at
       FROM unnest($2::int[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::bigint[]) AS v(id, state, run_at, lease, channel, at)
       WHERE r.id = v.id AND r.state = v.state AND r.run_at = v.run_at
       RETURNING r.id`,
      [
        this.owner,
        inputs.map((c) => c.id),
        inputs.map((c) => c.state),
        inputs.map((c) => c.runAt),
        inputs.map((c) => c.leaseUntil),
        inputs.map((c) => c.channelId),
        inputs.map((c) => c.at),
      ],
    );
    const taken = new Set(rows.map((r) => r.id));
    return inputs.map((c) => taken.has(c.id));
  }

  async markSent(id: number, sent: { messageId: string; channelId: string; guildId?: string }, now: Date): Promise<void> {
    await this.sends.run({ id, messageId: sent.messageId, channelId: sent.channelId, guildId: sent.guildId ?? null, at: now.getTime() });
  }

  private async sentGroup(inputs: SentInput[]): Promise<void[]> {
    await this.pool.query(
      `UPDATE reminders r SET state = 'sent', message_id = v.message_id, channel_id = v.channel_id, guild_id = v.guild_id, sent_at = v.at, last_error = NULL, claimed_by = NULL, updated_at = v.at
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS v(id, message_id, channel_id, guild_id, at)
       WHERE r.id = v.id AND r.state = 'claimed'`,
      [inputs.map((s) => s.id), inputs.map((s) => s.messageId), inputs.map((s) => s.channelId), inputs.map((s) => s.guildId), inputs.map((s) => s.at)],
    );
    return inputs.map(() => undefined);
  }

  async bySubscription(subscriptionId: number, states: ReminderState[], limit: number): Promise<StoredReminder[]> {
    const out: StoredReminder[] = [];
    for (const state of states) {
      const order = state === 'pending' || state === 'claimed' ? 'ASC' : 'DESC';
      const { rows } = await this.pool.query(`SELECT * FROM reminders WHERE subscription_id = $1 AND state = $2 ORDER BY due_at ${order}, id ${order} LIMIT $3`, [
        subscriptionId,
        state,
        limit,
      ]);
      out.push(...rows.map(toReminder));
    }
    return out;
  }

  async nextPending(): Promise<StoredReminder | undefined> {
    const { rows } = await this.pool.query(
      `SELECT r.* FROM reminders r JOIN reminder_subscriptions s ON s.id = r.subscription_id
       WHERE r.state = 'pending' AND s.channel_id IS NOT NULL AND s.broken_reason IS NULL ORDER BY r.run_at, r.id LIMIT 1`,
    );
    return rows[0] ? toReminder(rows[0]) : undefined;
  }

  async counts(): Promise<ReminderCounts> {
    const { rows } = await this.pool.query<ReminderCounts>(
      "SELECT (SELECT count(*) FROM reminders WHERE state = 'pending') AS pending, (SELECT count(*) FROM reminders WHERE state = 'missed') AS missed",
    );
    return rows[0] as ReminderCounts;
  }
}
