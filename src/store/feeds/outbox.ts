// Outbox on better-sqlite3: the announcement outbox (table announcements).
import { SqliteTable } from './table';
import { announcementRow } from '../feed-rows';
import { CHANNEL_SUMMARY } from '../../feeds/store';
import type { Announcement, NewAnnouncement, Outbox } from '../../feeds/store';
import type { PostAction } from '../../core/poster';

export class SqliteOutbox extends SqliteTable implements Outbox {
  async nextPending(watchId: number): Promise<Announcement | undefined> {
    const row = this.sql(
        `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
         WHERE a.watch_id = ? AND a.status = 'pending' ORDER BY a.created_at, a.rowid LIMIT 1`,
      )
      .get(watchId);
    return row ? announcementRow.parse(row) : undefined;
  }

  /** Queues announcements, inside the caller's transaction when there is one (items, folder files). */
  enqueueNow(announcements: NewAnnouncement[], at: Date): number {
    const insert = this.sql(
      `INSERT OR IGNORE INTO announcements (watch_id, article_key, nonce, reply_json, created_at, next_attempt_at, actions_json, thread_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let queued = 0;
    this.tx(() => {
      for (const a of announcements) {
        queued += insert.run(a.watchId, a.articleKey, a.nonce, JSON.stringify(a.reply), at.toISOString(), at.toISOString(), a.actions?.length ? JSON.stringify(a.actions) : null, a.threadName ?? null).changes;
      }
    });
    return queued;
  }

  async enqueue(announcements: NewAnnouncement[], at: Date): Promise<number> {
    return this.enqueueNow(announcements, at);
  }

  async due(now: Date, limit: number, leaseUntil: Date): Promise<Announcement[]> {
    return this.tx(() => {
      const rows = this.sql(
          `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
           WHERE a.status = 'pending' AND a.next_attempt_at <= ? AND w.broken_reason IS NULL
           ORDER BY a.created_at, a.rowid LIMIT ?`,
        )
        .all(now.toISOString(), limit)
        .map((r) => announcementRow.parse(r));
      const reserve = this.sql('UPDATE announcements SET next_attempt_at = ?, reserved = 1 WHERE watch_id = ? AND article_key = ?');
      for (const r of rows) reserve.run(leaseUntil.toISOString(), r.watchId, r.articleKey);
      return rows;
    });
  }

  async markPosted(watchId: number, articleKey: string, messageId: string, at: Date): Promise<void> {
    this.sql("UPDATE announcements SET status = 'posted', message_id = ?, posted_at = ?, attempts = attempts + 1, reserved = 0, send_claimed_at = NULL, send_via = NULL WHERE watch_id = ? AND article_key = ?")
      .run(messageId, at.toISOString(), watchId, articleKey);
  }

  async markRetry(watchId: number, articleKey: string, error: string, next: Date): Promise<void> {
    this.sql('UPDATE announcements SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, reserved = 0 WHERE watch_id = ? AND article_key = ?')
      .run(error.slice(0, 300), next.toISOString(), watchId, articleKey);
  }

  async markFailed(watchId: number, articleKey: string, error: string): Promise<void> {
    this.sql("UPDATE announcements SET status = 'failed', attempts = attempts + 1, last_error = ?, reserved = 0, send_claimed_at = NULL, send_via = NULL WHERE watch_id = ? AND article_key = ?")
      .run(error.slice(0, 300), watchId, articleKey);
  }

  async markSummarised(watchId: number, articleKey: string): Promise<void> {
    this.sql("UPDATE announcements SET status = 'summarised', reserved = 0 WHERE watch_id = ? AND article_key = ? AND status = 'pending'").run(watchId, articleKey);
  }

  async defer(watchId: number, articleKey: string, next: Date): Promise<void> {
    this.sql('UPDATE announcements SET next_attempt_at = ?, reserved = 0 WHERE watch_id = ? AND article_key = ?').run(next.toISOString(), watchId, articleKey);
  }

  async channelWindow(channelId: string, since: Date): Promise<{ posted: number[]; lastSummary: number | null }> {
    const watchIds = 'SELECT id FROM watches WHERE channel_id = ?';
    const posted = this.sql(`SELECT posted_at FROM announcements WHERE watch_id IN (${watchIds}) AND status = 'posted' AND posted_at > ? ORDER BY posted_at`)
      .all(channelId, since.toISOString()) as { posted_at: string }[];
    const summary = this.sql(`SELECT MAX(created_at) AS at FROM announcements WHERE watch_id IN (${watchIds}) AND article_key LIKE ? AND created_at > ?`)
      .get(channelId, `${CHANNEL_SUMMARY}${channelId}:%`, since.toISOString()) as { at: string | null };
    return { posted: posted.map((r) => Date.parse(r.posted_at)), lastSummary: summary.at ? Date.parse(summary.at) : null };
  }

  /** One process per SQLite file: every reservation at start-up was left by a previous run. */
  async releaseStaleReservations(now: Date): Promise<number> {
    return this.sql("UPDATE announcements SET next_attempt_at = ?, reserved = 0 WHERE status = 'pending' AND reserved = 1")
      .run(now.toISOString()).changes;
  }

  async announcement(watchId: number, articleKey: string): Promise<Announcement | undefined> {
    const row = this.sql('SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id WHERE a.watch_id = ? AND a.article_key = ?')
      .get(watchId, articleKey);
    return row ? announcementRow.parse(row) : undefined;
  }

  async setAnnouncementActions(watchId: number, articleKey: string, actions: PostAction[] | null, attempted: boolean): Promise<void> {
    this.sql('UPDATE announcements SET actions_json = ?, action_attempts = action_attempts + ? WHERE watch_id = ? AND article_key = ?')
      .run(actions?.length ? JSON.stringify(actions) : null, attempted ? 1 : 0, watchId, articleKey);
  }

  async pendingActions(limit: number): Promise<Announcement[]> {
    return this.sql(
        `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
         WHERE a.status = 'posted' AND a.actions_json IS NOT NULL ORDER BY a.posted_at, a.rowid LIMIT ?`,
      )
      .all(limit)
      .map((r) => announcementRow.parse(r));
  }

  async claimSend(watchId: number, articleKey: string, via: string, at: Date): Promise<void> {
    this.sql('UPDATE announcements SET send_claimed_at = COALESCE(send_claimed_at, ?), send_via = ? WHERE watch_id = ? AND article_key = ?')
      .run(at.toISOString(), via, watchId, articleKey);
  }

  async announcementCounts(): Promise<{ pending: number; posted: number; failed: number; summarised: number }> {
    const out = { pending: 0, posted: 0, failed: 0, summarised: 0 };
    for (const r of this.sql('SELECT status, COUNT(*) AS n FROM announcements GROUP BY status').all() as { status: keyof typeof out; n: number }[]) out[r.status] = r.n;
    return out;
  }
}
