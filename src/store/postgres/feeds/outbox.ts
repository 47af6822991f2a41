// Outbox on PostgreSQL: the announcement outbox (table announcements).
import type pg from 'pg';
import { LIVE_OWNERS } from '../presence';
import { announcementRow } from '../../feed-rows';
import { CHANNEL_SUMMARY } from '../../../feeds/store';
import type { Announcement, NewAnnouncement, Outbox } from '../../../feeds/store';
import type { PostAction } from '../../../core/poster';
import type { Queryable } from '../pool';


export class PgOutbox implements Outbox {
  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: number,
  ) {}

  async nextPending(watchId: number): Promise<Announcement | undefined> {
    const { rows } = await this.pool.query(
      `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
       WHERE a.watch_id = $1 AND a.status = 'pending' ORDER BY a.created_at, a.seq LIMIT 1`,
      [watchId],
    );
    return rows[0] ? announcementRow.parse(rows[0]) : undefined;
  }

  enqueue(announcements: NewAnnouncement[], at: Date): Promise<number> {
    return this.enqueueWith(this.pool, announcements, at);
  }

  async due(now: Date, limit: number, leaseUntil: Date): Promise<Announcement[]> {
    const { rows } = await this.pool.query(
      `WITH picked AS (
         SELECT a.watch_id, a.article_key FROM announcements a JOIN watches w ON w.id = a.watch_id
         WHERE a.status = 'pending' AND w.broken_reason IS NULL
           AND (a.next_attempt_at <= $1 OR (a.reserved_by IS NOT NULL AND a.reserved_by NOT IN (${LIVE_OWNERS})))
         ORDER BY a.created_at, a.seq LIMIT $2 FOR UPDATE OF a SKIP LOCKED)
       UPDATE announcements a SET next_attempt_at = $3, reserved_by = $4 FROM picked, watches w
       WHERE a.watch_id = picked.watch_id AND a.article_key = picked.article_key AND w.id = a.watch_id
       RETURNING a.*, w.channel_id`,
      [now.toISOString(), limit, leaseUntil.toISOString(), this.owner],
    );
    // Rows reserved with the next attempt moved to the lease: report the one they were due at is not
    // needed by callers; the order is the outbox's.
    return rows
      .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : Number(a.seq) - Number(b.seq)))
      .map((r) => announcementRow.parse(r));
  }

  async markPosted(watchId: number, articleKey: string, messageId: string, at: Date): Promise<void> {
    await this.pool.query(
      "UPDATE announcements SET status = 'posted', message_id = $1, posted_at = $2, attempts = attempts + 1, reserved_by = NULL, send_claimed_at = NULL, send_via = NULL WHERE watch_id = $3 AND article_key = $4",
      [messageId, at.toISOString(), watchId, articleKey],
    );
  }

  async markRetry(watchId: number, articleKey: string, error: string, next: Date): Promise<void> {
    await this.pool.query(
      'UPDATE announcements SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, reserved_by = NULL WHERE watch_id = $3 AND article_key = $4',
      [error.slice(0, 300), next.toISOString(), watchId, articleKey],
    );
  }

  async markSummarised(watchId: number, articleKey: string): Promise<void> {
    await this.pool.query("UPDATE announcements SET status = 'summarised', reserved_by = NULL WHERE watch_id = $1 AND article_key = $2 AND status = 'pending'", [watchId, articleKey]);
  }

  async defer(watchId: number, articleKey: string, next: Date): Promise<void> {
    await this.pool.query('UPDATE announcements SET next_attempt_at = $1, reserved_by = NULL WHERE watch_id = $2 AND article_key = $3', [next.toISOString(), watchId, articleKey]);
  }

  async channelWindow(channelId: string, since: Date): Promise<{ posted: number[]; lastSummary: number | null }> {
    const watchIds = 'SELECT id FROM watches WHERE channel_id = $1';
    const posted = await this.pool.query<{ posted_at: string }>(
      `SELECT posted_at FROM announcements WHERE watch_id IN (${watchIds}) AND status = 'posted' AND posted_at > $2 ORDER BY posted_at`,
      [channelId, since.toISOString()],
    );
    const summary = await this.pool.query<{ at: string | null }>(
      `SELECT MAX(created_at) AS at FROM announcements WHERE watch_id IN (${watchIds}) AND article_key LIKE $3 AND created_at > $2`,
      [channelId, since.toISOString(), `${CHANNEL_SUMMARY}${channelId}:%`],
    );
    const at = summary.rows[0]?.at;
    return { posted: posted.rows.map((r) => Date.parse(r.posted_at)), lastSummary: at ? Date.parse(at) : null };
  }

  async markFailed(watchId: number, articleKey: string, error: string): Promise<void> {
    await this.pool.query("UPDATE announcements SET status = 'failed', attempts = attempts + 1, last_error = $1, reserved_by = NULL, send_claimed_at = NULL, send_via = NULL WHERE watch_id = $2 AND article_key = $3", [
      error.slice(0, 300),
      watchId,
      articleKey,
    ]);
  }

  /** Only what processes that are gone held: a live process may be posting its reservations now. */
  async releaseStaleReservations(now: Date): Promise<number> {
    const r = await this.pool.query(
      `UPDATE announcements SET next_attempt_at = $1, reserved_by = NULL WHERE status = 'pending' AND reserved_by IS NOT NULL AND reserved_by NOT IN (${LIVE_OWNERS})`,
      [now.toISOString()],
    );
    return r.rowCount ?? 0;
  }

  async announcement(watchId: number, articleKey: string): Promise<Announcement | undefined> {
    const { rows } = await this.pool.query('SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id WHERE a.watch_id = $1 AND a.article_key = $2', [
      watchId,
      articleKey,
    ]);
    return rows[0] ? announcementRow.parse(rows[0]) : undefined;
  }

  async setAnnouncementActions(watchId: number, articleKey: string, actions: PostAction[] | null, attempted: boolean): Promise<void> {
    await this.pool.query('UPDATE announcements SET actions_json = $1, action_attempts = action_attempts + $2 WHERE watch_id = $3 AND article_key = $4', [
      actions?.length ? JSON.stringify(actions) : null,
      attempted ? 1 : 0,
      watchId,
      articleKey,
    ]);
  }

  async pendingActions(limit: number): Promise<Announcement[]> {
    const { rows } = await this.pool.query(
      `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
       WHERE a.status = 'posted' AND a.actions_json IS NOT NULL ORDER BY a.posted_at, a.seq LIMIT $1`,
      [limit],
    );
    return rows.map((r) => announcementRow.parse(r));
  }

  async claimSend(watchId: number, articleKey: string, via: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE announcements SET send_claimed_at = COALESCE(send_claimed_at, $1), send_via = $2 WHERE watch_id = $3 AND article_key = $4', [
      at.toISOString(),
      via,
      watchId,
      articleKey,
    ]);
  }

  async announcementCounts(): Promise<{ pending: number; posted: number; failed: number; summarised: number }> {
    const out = { pending: 0, posted: 0, failed: 0, summarised: 0 };
    const { rows } = await this.pool.query<{ status: keyof typeof out; n: number }>('SELECT status, COUNT(*) AS n FROM announcements GROUP BY status');
    for (const r of rows) out[r.status] = r.n;
    return out;
  }

  /** Queues announcements on `q`: the pool, or the client of another store's transaction (items, folder files). */
  async enqueueWith(q: Queryable, announcements: NewAnnouncement[], at: Date): Promise<number> {
    if (announcements.length === 0) return 0;
    const r = await q.query(
      `INSERT INTO announcements (watch_id, article_key, nonce, reply_json, created_at, next_attempt_at, actions_json, thread_name)
       SELECT w, k, n, j, $5, $5, x, tn FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $6::text[], $7::text[]) WITH ORDINALITY AS t(w, k, n, j, x, tn, i) ORDER BY i
       ON CONFLICT (watch_id, article_key) DO NOTHING`,
      [
        announcements.map((a) => a.watchId),
        announcements.map((a) => a.articleKey),
        announcements.map((a) => a.nonce),
        announcements.map((a) => JSON.stringify(a.reply)),
        at.toISOString(),
        announcements.map((a) => (a.actions?.length ? JSON.stringify(a.actions) : null)),
        announcements.map((a) => a.threadName ?? null),
      ],
    );
    return r.rowCount ?? 0;
  }
}
