// FeedStore on better-sqlite3 (one process): feeds and their poll state, seen items, folder files,
// watches and the announcement outbox. Rows read back are checked with zod (STYLE: validate at the borders).
// Every method is synchronous underneath; the async signatures are the feature's interface.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { CHANNEL_SUMMARY } from '../feeds/store';
import { announcementRow, articleSourceRow, channelWebhookRow, feedRow, folderFileRow, seenItemRow, storedArticleRow, watchRow, watchSettingsColumns } from './feed-rows';
import type { Announcement, ChannelWebhook, Feed, FeedStore, NewAnnouncement, PollSuccess, SeenItem, StoredFeedArticle, Watch, WatchSettingsPatch } from '../feeds/store';
import type { PostAction } from '../core/poster';

export class SqliteFeedStore implements FeedStore {
  /** Each statement is prepared once, on first use, keyed by its text (the few built ones come in a few shapes). */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private tx<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  // ── feeds ────────────────────────────────────────────────────────────────────────────────────────

  async addFeed(input: { url: string; guildId: string | null; origin: 'config' | 'command'; addedBy?: string; at: Date }): Promise<{ row: Feed; created: boolean }> {
    const r = this.sql('INSERT OR IGNORE INTO feeds (url, guild_id, origin, added_by, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.url, input.guildId ?? '', input.origin, input.addedBy ?? null, input.at.toISOString());
    return { row: this.feedByUrlNow(input.url, input.guildId) as Feed, created: r.changes > 0 };
  }

  async removeFeed(url: string, guildId: string | null): Promise<boolean> {
    return this.sql('DELETE FROM feeds WHERE url = ? AND guild_id = ?').run(url, guildId ?? '').changes > 0;
  }

  private feedByUrlNow(url: string, guildId: string | null): Feed | undefined {
    const row = this.sql(`SELECT * FROM feeds WHERE url = ? AND guild_id = ?`).get(url, guildId ?? '');
    return row ? feedRow.parse(row) : undefined;
  }

  async feedByUrl(url: string, guildId: string | null): Promise<Feed | undefined> {
    return this.feedByUrlNow(url, guildId);
  }

  async feed(id: number): Promise<Feed | undefined> {
    const row = this.sql(`SELECT * FROM feeds WHERE id = ?`).get(id);
    return row ? feedRow.parse(row) : undefined;
  }

  async feeds(): Promise<Feed[]> {
    return this.sql(`SELECT * FROM feeds ORDER BY id`).all().map((r) => feedRow.parse(r));
  }

  async feedsVisibleTo(guildId: string | null): Promise<Feed[]> {
    return this.sql(`SELECT * FROM feeds WHERE guild_id = '' OR guild_id = ? ORDER BY id`)
      .all(guildId ?? '')
      .map((r) => feedRow.parse(r));
  }

  async recordPollSuccess(id: number, result: PollSuccess): Promise<void> {
    this.sql(
        `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_polled_at = ?,
         last_ok_at = ?, failures = 0, last_error = NULL, next_attempt_at = NULL, baseline_done = 1 WHERE id = ?`,
      )
      .run(result.title, result.etag, result.lastModified, result.at.toISOString(), result.at.toISOString(), id);
  }

  async recordNotModified(id: number, at: Date): Promise<void> {
    this.sql('UPDATE feeds SET last_polled_at = ?, last_ok_at = ?, failures = 0, last_error = NULL, next_attempt_at = NULL WHERE id = ?')
      .run(at.toISOString(), at.toISOString(), id);
  }

  async recordPollFailure(id: number, error: string, at: Date, nextAttemptAt: Date): Promise<void> {
    this.sql('UPDATE feeds SET last_polled_at = ?, failures = failures + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(at.toISOString(), error.slice(0, 500), nextAttemptAt.toISOString(), id);
  }

  async claimPoll(id: number, claim: { until: Date; notPolledSince: Date | null }, now: Date): Promise<Feed | undefined> {
    const taken = this.sql(
        `UPDATE feeds SET poll_until = ? WHERE id = ? AND (poll_until IS NULL OR poll_until <= ?)
         AND (? IS NULL OR last_polled_at IS NULL OR last_polled_at <= ?)`,
      )
      .run(claim.until.toISOString(), id, now.toISOString(), claim.notPolledSince?.toISOString() ?? null, claim.notPolledSince?.toISOString() ?? null);
    return taken.changes === 1 ? this.feed(id) : undefined;
  }

  async releasePoll(id: number): Promise<void> {
    this.sql('UPDATE feeds SET poll_until = NULL WHERE id = ?').run(id);
  }

  // ── items ────────────────────────────────────────────────────────────────────────────────────────

  async seenItem(feedId: number, itemKey: string): Promise<SeenItem | undefined> {
    const row = this.sql('SELECT content_hash, origin FROM feed_items WHERE feed_id = ? AND item_key = ?').get(feedId, itemKey);
    return row ? seenItemRow.parse(row) : undefined;
  }

  /** Another server's feed does not count, or that server's copy would hide the item from this one. */
  async hashSeen(contentHash: string, guildId: string): Promise<boolean> {
    return (
      this.sql("SELECT 1 FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.content_hash = ? AND f.guild_id IN ('', ?) LIMIT 1")
        .get(contentHash, guildId) !== undefined
    );
  }

  private recordItemNow(feedId: number, itemKey: string, contentHash: string, origin: string | null, at: Date): void {
    this.sql(
        `INSERT INTO feed_items (feed_id, item_key, content_hash, origin, first_seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (feed_id, item_key) DO UPDATE SET content_hash = excluded.content_hash, origin = COALESCE(excluded.origin, origin)`,
      )
      .run(feedId, itemKey, contentHash, origin, at.toISOString());
  }

  async recordItem(feedId: number, itemKey: string, contentHash: string, origin: string | null, at: Date): Promise<void> {
    this.recordItemNow(feedId, itemKey, contentHash, origin, at);
  }

  async recordItems(feedId: number, items: { key: string; hash: string }[], at: Date): Promise<void> {
    const insert = this.sql('INSERT OR IGNORE INTO feed_items (feed_id, item_key, content_hash, origin, first_seen_at) VALUES (?, ?, ?, NULL, ?)');
    this.tx(() => {
      for (const i of items) insert.run(feedId, i.key, i.hash, at.toISOString());
    });
  }

  private saveArticleNow(origin: string, feedId: number, guildId: string | null, text: string, at: Date): void {
    this.sql(
        `INSERT INTO feed_articles (origin, feed_id, guild_id, text, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (origin) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      )
      .run(origin, feedId, guildId ?? '', text, at.toISOString());
  }

  async saveArticle(origin: string, feedId: number, guildId: string | null, text: string, at: Date): Promise<void> {
    this.saveArticleNow(origin, feedId, guildId, text, at);
  }

  async recordTakenItem(
    item: { feedId: number; itemKey: string; contentHash: string; origin: string; guildId: string | null; text: string; at: Date },
    announcements: NewAnnouncement[],
  ): Promise<number> {
    return this.tx(() => {
      this.saveArticleNow(item.origin, item.feedId, item.guildId, item.text, item.at);
      const queued = this.enqueueNow(announcements, item.at);
      this.recordItemNow(item.feedId, item.itemKey, item.contentHash, item.origin, item.at);
      return queued;
    });
  }

  async recordSharedItem(item: { feedId: number; itemKey: string; contentHash: string; origin: string; at: Date }, announcements: NewAnnouncement[]): Promise<number> {
    return this.tx(() => {
      const queued = this.enqueueNow(announcements, item.at);
      this.recordItemNow(item.feedId, item.itemKey, item.contentHash, item.origin, item.at);
      this.sql('UPDATE feed_articles SET updated_at = ? WHERE origin = ? AND updated_at < ?').run(item.at.toISOString(), item.origin, item.at.toISOString());
      return queued;
    });
  }

  async originHasHash(origin: string, contentHash: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM feed_items WHERE content_hash = ? AND origin = ? LIMIT 1').get(contentHash, origin) !== undefined;
  }

  async originOwners(origins: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (origins.length === 0) return out;
    const rows = this.sql('SELECT DISTINCT fi.origin, f.guild_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.origin IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(origins)) as { origin: string; guild_id: string }[];
    for (const r of rows) out.set(r.origin, [...(out.get(r.origin) ?? []), r.guild_id]);
    return out;
  }

  async articles(limit: number): Promise<StoredFeedArticle[]> {
    return this.sql('SELECT origin, guild_id, text, updated_at FROM feed_articles ORDER BY updated_at DESC LIMIT ?')
      .all(limit)
      .map((r) => storedArticleRow.parse(r));
  }

  async articlesUpdatedAfter(after: string, limit: number): Promise<StoredFeedArticle[]> {
    return this.sql('SELECT origin, guild_id, text, updated_at FROM feed_articles WHERE updated_at > ? ORDER BY updated_at, origin LIMIT ?')
      .all(after, limit)
      .map((r) => storedArticleRow.parse(r));
  }

  async articleScope(origin: string): Promise<string | null | undefined> {
    const row = this.sql('SELECT guild_id FROM feed_articles WHERE origin = ?').get(origin) as { guild_id: string } | undefined;
    return row ? row.guild_id || null : undefined;
  }

  /**
   * A feed's newest `itemsPerFeed` seen items are kept (a feed lists far fewer, and items that fell off
   * a feed do not come back), and the newest `articles` stored feed articles.
   */
  async prune(limits: { itemsPerFeed: number; articles: number }): Promise<number> {
    return this.tx(() => {
      let removed = 0;
      const crowded = this.sql('SELECT feed_id FROM feed_items GROUP BY feed_id HAVING COUNT(*) > ?')
        .all(limits.itemsPerFeed) as { feed_id: number }[];
      for (const { feed_id } of crowded) {
        removed += this.sql(
            `DELETE FROM feed_items WHERE feed_id = ? AND rowid NOT IN
             (SELECT rowid FROM feed_items WHERE feed_id = ? ORDER BY first_seen_at DESC, rowid DESC LIMIT ?)`,
          )
          .run(feed_id, feed_id, limits.itemsPerFeed).changes;
      }
      removed += this.sql('DELETE FROM feed_articles WHERE origin NOT IN (SELECT origin FROM feed_articles ORDER BY updated_at DESC LIMIT ?)')
        .run(limits.articles).changes;
      return removed;
    });
  }

  // ── folder files ─────────────────────────────────────────────────────────────────────────────────

  async folderFile(origin: string): Promise<{ contentHash: string } | undefined> {
    const row = this.sql('SELECT content_hash FROM folder_files WHERE origin = ?').get(origin);
    return row ? folderFileRow.parse(row) : undefined;
  }

  async folderFileCount(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM folder_files').get() as { n: number }).n;
  }

  async recordFolderFile(origin: string, contentHash: string, at: Date, announcements: NewAnnouncement[] = []): Promise<boolean> {
    return this.tx(() => {
      const changed =
        this.sql(
            `INSERT INTO folder_files (origin, content_hash, first_seen_at) VALUES (?, ?, ?)
             ON CONFLICT (origin) DO UPDATE SET content_hash = excluded.content_hash WHERE content_hash <> excluded.content_hash`,
          )
          .run(origin, contentHash, at.toISOString()).changes > 0;
      if (changed) this.enqueueNow(announcements, at);
      return changed;
    });
  }

  async forgetFolderFile(origin: string): Promise<void> {
    this.sql('DELETE FROM folder_files WHERE origin = ?').run(origin);
  }

  // ── watches ──────────────────────────────────────────────────────────────────────────────────────

  async upsertWatch(input: { guildId: string; channelId: string; topic: string | null; createdBy: string; at: Date; forum?: boolean }): Promise<Watch> {
    const forum = input.forum === undefined ? null : input.forum ? 1 : 0;
    this.sql(
        `INSERT INTO watches (guild_id, channel_id, topic, created_by, created_at, forum) VALUES (?, ?, ?, ?, ?, COALESCE(?, 0))
         ON CONFLICT (channel_id) WHERE feed_id IS NULL DO UPDATE SET topic = excluded.topic, broken_reason = NULL, forum = COALESCE(?, forum)`,
      )
      .run(input.guildId, input.channelId, input.topic, input.createdBy, input.at.toISOString(), forum, forum);
    return watchRow.parse(this.sql('SELECT * FROM watches WHERE channel_id = ? AND feed_id IS NULL').get(input.channelId));
  }

  async setWatchTopic(id: number, topic: string | null): Promise<void> {
    this.sql('UPDATE watches SET topic = ? WHERE id = ?').run(topic, id);
  }

  async markWatchBroken(id: number, reason: string): Promise<void> {
    this.sql('UPDATE watches SET broken_reason = ? WHERE id = ?').run(reason.slice(0, 300), id);
  }

  async removeWatches(guildId: string, channelId?: string): Promise<number> {
    if (channelId) return this.sql('DELETE FROM watches WHERE guild_id = ? AND channel_id = ?').run(guildId, channelId).changes;
    return this.sql('DELETE FROM watches WHERE guild_id = ?').run(guildId).changes;
  }

  async watch(id: number): Promise<Watch | undefined> {
    const row = this.sql('SELECT * FROM watches WHERE id = ?').get(id);
    return row ? watchRow.parse(row) : undefined;
  }

  async setRoute(input: { feedId: number; guildId: string; channelId: string | null; createdBy: string; at: Date; forum?: boolean }): Promise<Watch | undefined> {
    if (input.channelId === null) {
      this.sql('DELETE FROM watches WHERE feed_id = ?').run(input.feedId);
      return undefined;
    }
    this.sql(
        `INSERT INTO watches (guild_id, channel_id, topic, created_by, created_at, feed_id, forum) VALUES (?, ?, NULL, ?, ?, ?, ?)
         ON CONFLICT (feed_id) WHERE feed_id IS NOT NULL DO UPDATE SET channel_id = excluded.channel_id, broken_reason = NULL, forum = excluded.forum`,
      )
      .run(input.guildId, input.channelId, input.createdBy, input.at.toISOString(), input.feedId, input.forum ? 1 : 0);
    return this.routeOf(input.feedId);
  }

  async routeOf(feedId: number): Promise<Watch | undefined> {
    const row = this.sql('SELECT * FROM watches WHERE feed_id = ?').get(feedId);
    return row ? watchRow.parse(row) : undefined;
  }

  async setWatchSettings(id: number, patch: WatchSettingsPatch): Promise<void> {
    const sets = watchSettingsColumns(patch);
    if (sets.length === 0) return;
    this.sql(`UPDATE watches SET ${sets.map((s) => `${s.column} = ?`).join(', ')} WHERE id = ?`).run(...sets.map((s) => s.value), id);
  }

  async setWatchActionError(id: number, error: string | null): Promise<void> {
    this.sql('UPDATE watches SET action_error = ? WHERE id = ?').run(error ? error.slice(0, 300) : null, id);
  }

  async setFeedInterval(id: number, minutes: number | null): Promise<void> {
    this.sql('UPDATE feeds SET poll_minutes = ? WHERE id = ?').run(minutes, id);
  }

  async setFeedFilter(id: number, filterJson: string | null): Promise<void> {
    this.sql('UPDATE feeds SET filter_json = ? WHERE id = ?').run(filterJson, id);
  }

  async articleSource(origin: string): Promise<{ feedId: number | null; guildId: string } | undefined> {
    const row = this.sql('SELECT feed_id, guild_id FROM feed_articles WHERE origin = ?').get(origin);
    return row ? articleSourceRow.parse(row) : undefined;
  }

  async nextPending(watchId: number): Promise<Announcement | undefined> {
    const row = this.sql(
        `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
         WHERE a.watch_id = ? AND a.status = 'pending' ORDER BY a.created_at, a.rowid LIMIT 1`,
      )
      .get(watchId);
    return row ? announcementRow.parse(row) : undefined;
  }

  async watches(guildId?: string): Promise<Watch[]> {
    const rows = guildId
      ? this.sql('SELECT * FROM watches WHERE guild_id = ? ORDER BY id').all(guildId)
      : this.sql('SELECT * FROM watches ORDER BY id').all();
    return rows.map((r) => watchRow.parse(r));
  }

  // ── announcement outbox ──────────────────────────────────────────────────────────────────────────

  private enqueueNow(announcements: NewAnnouncement[], at: Date): number {
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

  /** One process per SQLite file: every reservation and poll lease at start-up was left by a previous run. */
  async releaseStaleReservations(now: Date): Promise<number> {
    this.sql('UPDATE feeds SET poll_until = NULL WHERE poll_until IS NOT NULL').run();
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

  async channelWebhook(channelId: string): Promise<ChannelWebhook | undefined> {
    const row = this.sql('SELECT * FROM channel_webhooks WHERE channel_id = ?').get(channelId);
    return row ? channelWebhookRow.parse(row) : undefined;
  }

  async channelWebhooks(guildId?: string): Promise<ChannelWebhook[]> {
    const rows = guildId
      ? this.sql('SELECT * FROM channel_webhooks WHERE guild_id = ? ORDER BY channel_id').all(guildId)
      : this.sql('SELECT * FROM channel_webhooks ORDER BY channel_id').all();
    return rows.map((r) => channelWebhookRow.parse(r));
  }

  async setChannelWebhook(input: { channelId: string; guildId: string; name: string; avatarUrl: string | null; webhookId: string | null; webhookToken: string | null; fallbackReason: string | null; updatedBy: string; at: Date }): Promise<void> {
    this.sql(
        `INSERT INTO channel_webhooks (channel_id, guild_id, name, avatar_url, webhook_id, webhook_token, fallback_reason, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, name = excluded.name, avatar_url = excluded.avatar_url,
           webhook_id = excluded.webhook_id, webhook_token = excluded.webhook_token, fallback_reason = excluded.fallback_reason,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(input.channelId, input.guildId, input.name, input.avatarUrl, input.webhookId, input.webhookToken, input.fallbackReason?.slice(0, 300) ?? null, input.updatedBy, input.at.toISOString());
  }

  async setWebhookFallback(channelId: string, reason: string, dropWebhook: boolean): Promise<void> {
    this.sql(
        `UPDATE channel_webhooks SET fallback_reason = ?, webhook_id = CASE WHEN ? THEN NULL ELSE webhook_id END,
         webhook_token = CASE WHEN ? THEN NULL ELSE webhook_token END WHERE channel_id = ?`,
      )
      .run(reason.slice(0, 300), dropWebhook ? 1 : 0, dropWebhook ? 1 : 0, channelId);
  }

  async removeChannelWebhook(channelId: string): Promise<ChannelWebhook | undefined> {
    const row = await this.channelWebhook(channelId);
    if (row) this.sql('DELETE FROM channel_webhooks WHERE channel_id = ?').run(channelId);
    return row;
  }

  async announcementCounts(): Promise<{ pending: number; posted: number; failed: number; summarised: number }> {
    const out = { pending: 0, posted: 0, failed: 0, summarised: 0 };
    for (const r of this.sql('SELECT status, COUNT(*) AS n FROM announcements GROUP BY status').all() as { status: keyof typeof out; n: number }[]) out[r.status] = r.n;
    return out;
  }
}

