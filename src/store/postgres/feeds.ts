// FeedStore on PostgreSQL, for several Herald processes on one database: a feed is polled by one
// process at a time (a poll lease with its holder), the outbox is drained with SELECT … FOR UPDATE SKIP
// LOCKED reservations, a folder file's change is recorded (and announced) by the one process whose
// upsert changed the row. Reservations and leases of a process that is gone are taken over at once.
import type pg from 'pg';
import { CHANNEL_SUMMARY } from '../../feeds/store';
import { announcementRow, articleSourceRow, channelWebhookRow, feedRow, folderFileRow, seenItemRow, storedArticleRow, watchRow, watchSettingsColumns } from '../feed-rows';
import type { Announcement, ChannelWebhook, Feed, FeedStore, NewAnnouncement, PollSuccess, SeenItem, StoredFeedArticle, Watch, WatchSettingsPatch } from '../../feeds/store';
import type { PostAction } from '../../core/poster';
import { inTransaction } from './pool';
import { LIVE_OWNERS } from './presence';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export class PgFeedStore implements FeedStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: number,
  ) {}

  // ── feeds ──

  async addFeed(input: { url: string; guildId: string | null; origin: 'config' | 'command'; addedBy?: string; at: Date }): Promise<{ row: Feed; created: boolean }> {
    const r = await this.pool.query('INSERT INTO feeds (url, guild_id, origin, added_by, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url, guild_id) DO NOTHING', [
      input.url,
      input.guildId ?? '',
      input.origin,
      input.addedBy ?? null,
      input.at.toISOString(),
    ]);
    return { row: (await this.feedByUrl(input.url, input.guildId)) as Feed, created: (r.rowCount ?? 0) > 0 };
  }

  async removeFeed(url: string, guildId: string | null): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM feeds WHERE url = $1 AND guild_id = $2', [url, guildId ?? ''])).rowCount ?? 0) > 0;
  }

  async feedByUrl(url: string, guildId: string | null): Promise<Feed | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM feeds WHERE url = $1 AND guild_id = $2', [url, guildId ?? '']);
    return rows[0] ? feedRow.parse(rows[0]) : undefined;
  }

  async feed(id: number): Promise<Feed | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM feeds WHERE id = $1', [id]);
    return rows[0] ? feedRow.parse(rows[0]) : undefined;
  }

  async feeds(): Promise<Feed[]> {
    return (await this.pool.query('SELECT * FROM feeds ORDER BY id')).rows.map((r) => feedRow.parse(r));
  }

  async feedsVisibleTo(guildId: string | null): Promise<Feed[]> {
    return (await this.pool.query("SELECT * FROM feeds WHERE guild_id = '' OR guild_id = $1 ORDER BY id", [guildId ?? ''])).rows.map((r) => feedRow.parse(r));
  }

  async recordPollSuccess(id: number, result: PollSuccess): Promise<void> {
    await this.pool.query(
      `UPDATE feeds SET title = $1, etag = $2, last_modified = $3, last_polled_at = $4,
       last_ok_at = $4, failures = 0, last_error = NULL, next_attempt_at = NULL, baseline_done = 1 WHERE id = $5`,
      [result.title, result.etag, result.lastModified, result.at.toISOString(), id],
    );
  }

  async recordNotModified(id: number, at: Date): Promise<void> {
    await this.pool.query('UPDATE feeds SET last_polled_at = $1, last_ok_at = $1, failures = 0, last_error = NULL, next_attempt_at = NULL WHERE id = $2', [at.toISOString(), id]);
  }

  async recordPollFailure(id: number, error: string, at: Date, nextAttemptAt: Date): Promise<void> {
    await this.pool.query('UPDATE feeds SET last_polled_at = $1, failures = failures + 1, last_error = $2, next_attempt_at = $3 WHERE id = $4', [
      at.toISOString(),
      error.slice(0, 500),
      nextAttemptAt.toISOString(),
      id,
    ]);
  }

  async claimPoll(id: number, claim: { until: Date; notPolledSince: Date | null }, now: Date): Promise<Feed | undefined> {
    const since = claim.notPolledSince?.toISOString() ?? null;
    const { rows } = await this.pool.query(
      `UPDATE feeds SET poll_until = $1, poll_by = $2 WHERE id = $3
       AND (poll_until IS NULL OR poll_until <= $4 OR poll_by IS NULL OR poll_by NOT IN (${LIVE_OWNERS}))
       AND ($5::text IS NULL OR last_polled_at IS NULL OR last_polled_at <= $5::text)
       RETURNING *`,
      [claim.until.toISOString(), this.owner, id, now.toISOString(), since],
    );
    return rows[0] ? feedRow.parse(rows[0]) : undefined;
  }

  async releasePoll(id: number): Promise<void> {
    await this.pool.query('UPDATE feeds SET poll_until = NULL, poll_by = NULL WHERE id = $1 AND poll_by = $2', [id, this.owner]);
  }

  // ── items and stored feed articles ──

  async seenItem(feedId: number, itemKey: string): Promise<SeenItem | undefined> {
    const { rows } = await this.pool.query('SELECT content_hash, origin FROM feed_items WHERE feed_id = $1 AND item_key = $2', [feedId, itemKey]);
    return rows[0] ? seenItemRow.parse(rows[0]) : undefined;
  }

  async hashSeen(contentHash: string, guildId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      "SELECT 1 FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.content_hash = $1 AND f.guild_id IN ('', $2) LIMIT 1",
      [contentHash, guildId],
    );
    return rows.length > 0;
  }

  private async recordItemWith(q: Queryable, feedId: number, itemKey: string, contentHash: string, origin: string | null, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO feed_items (feed_id, item_key, content_hash, origin, first_seen_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (feed_id, item_key) DO UPDATE SET content_hash = excluded.content_hash, origin = COALESCE(excluded.origin, feed_items.origin)`,
      [feedId, itemKey, contentHash, origin, at.toISOString()],
    );
  }

  recordItem(feedId: number, itemKey: string, contentHash: string, origin: string | null, at: Date): Promise<void> {
    return this.recordItemWith(this.pool, feedId, itemKey, contentHash, origin, at);
  }

  async recordItems(feedId: number, items: { key: string; hash: string }[], at: Date): Promise<void> {
    if (items.length === 0) return;
    await this.pool.query(
      `INSERT INTO feed_items (feed_id, item_key, content_hash, origin, first_seen_at)
       SELECT $1, k, h, NULL, $4 FROM unnest($2::text[], $3::text[]) AS t(k, h) ON CONFLICT DO NOTHING`,
      [feedId, items.map((i) => i.key), items.map((i) => i.hash), at.toISOString()],
    );
  }

  private async saveArticleWith(q: Queryable, origin: string, feedId: number, guildId: string | null, text: string, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO feed_articles (origin, feed_id, guild_id, text, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (origin) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      [origin, feedId, guildId ?? '', text, at.toISOString()],
    );
  }

  saveArticle(origin: string, feedId: number, guildId: string | null, text: string, at: Date): Promise<void> {
    return this.saveArticleWith(this.pool, origin, feedId, guildId, text, at);
  }

  recordTakenItem(
    item: { feedId: number; itemKey: string; contentHash: string; origin: string; guildId: string | null; text: string; at: Date },
    announcements: NewAnnouncement[],
  ): Promise<number> {
    return inTransaction(this.pool, async (c) => {
      await this.saveArticleWith(c, item.origin, item.feedId, item.guildId, item.text, item.at);
      const queued = await enqueueWith(c, announcements, item.at);
      await this.recordItemWith(c, item.feedId, item.itemKey, item.contentHash, item.origin, item.at);
      return queued;
    });
  }

  recordSharedItem(item: { feedId: number; itemKey: string; contentHash: string; origin: string; at: Date }, announcements: NewAnnouncement[]): Promise<number> {
    return inTransaction(this.pool, async (c) => {
      const queued = await enqueueWith(c, announcements, item.at);
      await this.recordItemWith(c, item.feedId, item.itemKey, item.contentHash, item.origin, item.at);
      await c.query('UPDATE feed_articles SET updated_at = $1 WHERE origin = $2 AND updated_at < $1', [item.at.toISOString(), item.origin]);
      return queued;
    });
  }

  async originHasHash(origin: string, contentHash: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM feed_items WHERE content_hash = $1 AND origin = $2 LIMIT 1', [contentHash, origin]);
    return rows.length > 0;
  }

  async originOwners(origins: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (origins.length === 0) return out;
    const { rows } = await this.pool.query<{ origin: string; guild_id: string }>(
      'SELECT DISTINCT fi.origin, f.guild_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.origin = ANY($1::text[])',
      [origins],
    );
    for (const r of rows) out.set(r.origin, [...(out.get(r.origin) ?? []), r.guild_id]);
    return out;
  }

  async articles(limit: number): Promise<StoredFeedArticle[]> {
    const { rows } = await this.pool.query('SELECT origin, guild_id, text, updated_at FROM feed_articles ORDER BY updated_at DESC, origin DESC LIMIT $1', [limit]);
    return rows.map((r) => storedArticleRow.parse(r));
  }

  async articlesUpdatedAfter(after: string, limit: number): Promise<StoredFeedArticle[]> {
    const { rows } = await this.pool.query('SELECT origin, guild_id, text, updated_at FROM feed_articles WHERE updated_at > $1 ORDER BY updated_at, origin LIMIT $2', [after, limit]);
    return rows.map((r) => storedArticleRow.parse(r));
  }

  async articleScope(origin: string): Promise<string | null | undefined> {
    const { rows } = await this.pool.query<{ guild_id: string }>('SELECT guild_id FROM feed_articles WHERE origin = $1', [origin]);
    return rows[0] ? rows[0].guild_id || null : undefined;
  }

  async prune(limits: { itemsPerFeed: number; articles: number }): Promise<number> {
    return inTransaction(this.pool, async (c) => {
      const items = await c.query(
        `DELETE FROM feed_items fi USING (
           SELECT feed_id, item_key, row_number() OVER (PARTITION BY feed_id ORDER BY first_seen_at DESC, seq DESC) AS n FROM feed_items
         ) ranked WHERE fi.feed_id = ranked.feed_id AND fi.item_key = ranked.item_key AND ranked.n > $1`,
        [limits.itemsPerFeed],
      );
      const articles = await c.query(
        'DELETE FROM feed_articles WHERE origin NOT IN (SELECT origin FROM feed_articles ORDER BY updated_at DESC, origin DESC LIMIT $1)',
        [limits.articles],
      );
      return (items.rowCount ?? 0) + (articles.rowCount ?? 0);
    });
  }

  // ── folder files ──

  async folderFile(origin: string): Promise<{ contentHash: string } | undefined> {
    const { rows } = await this.pool.query('SELECT content_hash FROM folder_files WHERE origin = $1', [origin]);
    return rows[0] ? folderFileRow.parse(rows[0]) : undefined;
  }

  async folderFileCount(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM folder_files')).rows[0]?.n ?? 0;
  }

  recordFolderFile(origin: string, contentHash: string, at: Date, announcements: NewAnnouncement[] = []): Promise<boolean> {
    return inTransaction(this.pool, async (c) => {
      const r = await c.query(
        `INSERT INTO folder_files (origin, content_hash, first_seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (origin) DO UPDATE SET content_hash = excluded.content_hash WHERE folder_files.content_hash <> excluded.content_hash`,
        [origin, contentHash, at.toISOString()],
      );
      const changed = (r.rowCount ?? 0) > 0;
      if (changed) await enqueueWith(c, announcements, at);
      return changed;
    });
  }

  async forgetFolderFile(origin: string): Promise<void> {
    await this.pool.query('DELETE FROM folder_files WHERE origin = $1', [origin]);
  }

  // ── watches ──

  async upsertWatch(input: { guildId: string; channelId: string; topic: string | null; createdBy: string; at: Date; forum?: boolean }): Promise<Watch> {
    const forum = input.forum === undefined ? null : input.forum ? 1 : 0;
    const { rows } = await this.pool.query(
      `INSERT INTO watches (guild_id, channel_id, topic, created_by, created_at, forum) VALUES ($1, $2, $3, $4, $5, COALESCE($6::int, 0))
       ON CONFLICT (channel_id) WHERE feed_id IS NULL DO UPDATE SET topic = excluded.topic, broken_reason = NULL, forum = COALESCE($6::int, watches.forum) RETURNING *`,
      [input.guildId, input.channelId, input.topic, input.createdBy, input.at.toISOString(), forum],
    );
    return watchRow.parse(rows[0]);
  }

  async setWatchTopic(id: number, topic: string | null): Promise<void> {
    await this.pool.query('UPDATE watches SET topic = $1 WHERE id = $2', [topic, id]);
  }

  async markWatchBroken(id: number, reason: string): Promise<void> {
    await this.pool.query('UPDATE watches SET broken_reason = $1 WHERE id = $2', [reason.slice(0, 300), id]);
  }

  async removeWatches(guildId: string, channelId?: string): Promise<number> {
    const r = channelId
      ? await this.pool.query('DELETE FROM watches WHERE guild_id = $1 AND channel_id = $2', [guildId, channelId])
      : await this.pool.query('DELETE FROM watches WHERE guild_id = $1', [guildId]);
    return r.rowCount ?? 0;
  }

  async watch(id: number): Promise<Watch | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM watches WHERE id = $1', [id]);
    return rows[0] ? watchRow.parse(rows[0]) : undefined;
  }

  async setRoute(input: { feedId: number; guildId: string; channelId: string | null; createdBy: string; at: Date; forum?: boolean }): Promise<Watch | undefined> {
    if (input.channelId === null) {
      await this.pool.query('DELETE FROM watches WHERE feed_id = $1', [input.feedId]);
      return undefined;
    }
    const { rows } = await this.pool.query(
      `INSERT INTO watches (guild_id, channel_id, topic, created_by, created_at, feed_id, forum) VALUES ($1, $2, NULL, $3, $4, $5, $6)
       ON CONFLICT (feed_id) WHERE feed_id IS NOT NULL DO UPDATE SET channel_id = excluded.channel_id, broken_reason = NULL, forum = excluded.forum RETURNING *`,
      [input.guildId, input.channelId, input.createdBy, input.at.toISOString(), input.feedId, input.forum ? 1 : 0],
    );
    return watchRow.parse(rows[0]);
  }

  async routeOf(feedId: number): Promise<Watch | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM watches WHERE feed_id = $1', [feedId]);
    return rows[0] ? watchRow.parse(rows[0]) : undefined;
  }

  async setWatchSettings(id: number, patch: WatchSettingsPatch): Promise<void> {
    const sets = watchSettingsColumns(patch);
    if (sets.length === 0) return;
    await this.pool.query(`UPDATE watches SET ${sets.map((s, i) => `${s.column} = $${i + 1}`).join(', ')} WHERE id = $${sets.length + 1}`, [...sets.map((s) => s.value), id]);
  }

  async setWatchActionError(id: number, error: string | null): Promise<void> {
    await this.pool.query('UPDATE watches SET action_error = $1 WHERE id = $2', [error ? error.slice(0, 300) : null, id]);
  }

  async setFeedInterval(id: number, minutes: number | null): Promise<void> {
    await this.pool.query('UPDATE feeds SET poll_minutes = $1 WHERE id = $2', [minutes, id]);
  }

  async setFeedFilter(id: number, filterJson: string | null): Promise<void> {
    await this.pool.query('UPDATE feeds SET filter_json = $1 WHERE id = $2', [filterJson, id]);
  }

  async articleSource(origin: string): Promise<{ feedId: number | null; guildId: string } | undefined> {
    const { rows } = await this.pool.query('SELECT feed_id, guild_id FROM feed_articles WHERE origin = $1', [origin]);
    return rows[0] ? articleSourceRow.parse(rows[0]) : undefined;
  }

  async nextPending(watchId: number): Promise<Announcement | undefined> {
    const { rows } = await this.pool.query(
      `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
       WHERE a.watch_id = $1 AND a.status = 'pending' ORDER BY a.created_at, a.seq LIMIT 1`,
      [watchId],
    );
    return rows[0] ? announcementRow.parse(rows[0]) : undefined;
  }

  async watches(guildId?: string): Promise<Watch[]> {
    const { rows } = guildId
      ? await this.pool.query('SELECT * FROM watches WHERE guild_id = $1 ORDER BY id', [guildId])
      : await this.pool.query('SELECT * FROM watches ORDER BY id');
    return rows.map((r) => watchRow.parse(r));
  }

  // ── announcement outbox ──

  enqueue(announcements: NewAnnouncement[], at: Date): Promise<number> {
    return enqueueWith(this.pool, announcements, at);
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
    await this.pool.query(`UPDATE feeds SET poll_until = NULL, poll_by = NULL WHERE poll_by IS NOT NULL AND poll_by NOT IN (${LIVE_OWNERS})`);
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

  async channelWebhook(channelId: string): Promise<ChannelWebhook | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM channel_webhooks WHERE channel_id = $1', [channelId]);
    return rows[0] ? channelWebhookRow.parse(rows[0]) : undefined;
  }

  async channelWebhooks(guildId?: string): Promise<ChannelWebhook[]> {
    const { rows } = guildId
      ? await this.pool.query('SELECT * FROM channel_webhooks WHERE guild_id = $1 ORDER BY channel_id', [guildId])
      : await this.pool.query('SELECT * FROM channel_webhooks ORDER BY channel_id');
    return rows.map((r) => channelWebhookRow.parse(r));
  }

  async setChannelWebhook(input: { channelId: string; guildId: string; name: string; avatarUrl: string | null; webhookId: string | null; webhookToken: string | null; fallbackReason: string | null; updatedBy: string; at: Date }): Promise<void> {
    await this.pool.query(
      `INSERT INTO channel_webhooks (channel_id, guild_id, name, avatar_url, webhook_id, webhook_token, fallback_reason, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, name = excluded.name, avatar_url = excluded.avatar_url,
         webhook_id = excluded.webhook_id, webhook_token = excluded.webhook_token, fallback_reason = excluded.fallback_reason,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [input.channelId, input.guildId, input.name, input.avatarUrl, input.webhookId, input.webhookToken, input.fallbackReason?.slice(0, 300) ?? null, input.updatedBy, input.at.toISOString()],
    );
  }

  async setWebhookFallback(channelId: string, reason: string, dropWebhook: boolean): Promise<void> {
    await this.pool.query(
      `UPDATE channel_webhooks SET fallback_reason = $1, webhook_id = CASE WHEN $2 THEN NULL ELSE webhook_id END,
       webhook_token = CASE WHEN $2 THEN NULL ELSE webhook_token END WHERE channel_id = $3`,
      [reason.slice(0, 300), dropWebhook, channelId],
    );
  }

  async removeChannelWebhook(channelId: string): Promise<ChannelWebhook | undefined> {
    const { rows } = await this.pool.query('DELETE FROM channel_webhooks WHERE channel_id = $1 RETURNING *', [channelId]);
    return rows[0] ? channelWebhookRow.parse(rows[0]) : undefined;
  }

  async announcementCounts(): Promise<{ pending: number; posted: number; failed: number; summarised: number }> {
    const out = { pending: 0, posted: 0, failed: 0, summarised: 0 };
    const { rows } = await this.pool.query<{ status: keyof typeof out; n: number }>('SELECT status, COUNT(*) AS n FROM announcements GROUP BY status');
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}

async function enqueueWith(q: Queryable, announcements: NewAnnouncement[], at: Date): Promise<number> {
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
