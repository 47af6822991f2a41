// SQLite access for news monitoring: feeds and their poll state, seen items, folder files, watches and
// the announcement outbox. Rows read back are checked with zod (STYLE: validate at the borders).
import { z } from 'zod';
import type { Db } from './db';
import type { Reply } from '../core/reply';

export const feedRowSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  guild_id: z.string(),
  origin: z.enum(['config', 'command']),
  added_by: z.string().nullable(),
  added_at: z.string(),
  title: z.string().nullable(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  baseline_done: z.number().int(),
  last_polled_at: z.string().nullable(),
  last_ok_at: z.string().nullable(),
  failures: z.number().int(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
});
export type FeedRow = z.infer<typeof feedRowSchema>;

export const watchRowSchema = z.object({
  id: z.number().int(),
  guild_id: z.string(),
  channel_id: z.string(),
  topic: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  broken_reason: z.string().nullable(),
});
export type WatchRow = z.infer<typeof watchRowSchema>;

export const announcementRowSchema = z.object({
  watch_id: z.number().int(),
  article_key: z.string(),
  nonce: z.string(),
  status: z.enum(['pending', 'posted', 'failed']),
  reply_json: z.string(),
  created_at: z.string(),
  attempts: z.number().int(),
  next_attempt_at: z.string(),
  message_id: z.string().nullable(),
  posted_at: z.string().nullable(),
  last_error: z.string().nullable(),
  channel_id: z.string(),
});
export type AnnouncementRow = z.infer<typeof announcementRowSchema>;

export interface PollSuccess {
  title: string;
  etag: string | null;
  lastModified: string | null;
  at: Date;
}

export class FeedStore {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  // ── feeds ────────────────────────────────────────────────────────────────────────────────────────

  /** Adds the feed unless it is already followed in that scope; returns its row either way. */
  addFeed(input: { url: string; guildId: string | null; origin: 'config' | 'command'; addedBy?: string; at: Date }): { row: FeedRow; created: boolean } {
    const guild = input.guildId ?? '';
    const existing = this.feedByUrl(input.url, input.guildId);
    if (existing) return { row: existing, created: false };
    this.db
      .prepare('INSERT INTO feeds (url, guild_id, origin, added_by, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.url, guild, input.origin, input.addedBy ?? null, input.at.toISOString());
    return { row: this.feedByUrl(input.url, input.guildId) as FeedRow, created: true };
  }

  removeFeed(url: string, guildId: string | null): boolean {
    return this.db.prepare('DELETE FROM feeds WHERE url = ? AND guild_id = ?').run(url, guildId ?? '').changes > 0;
  }

  feedByUrl(url: string, guildId: string | null): FeedRow | undefined {
    const row = this.db.prepare('SELECT * FROM feeds WHERE url = ? AND guild_id = ?').get(url, guildId ?? '');
    return row ? feedRowSchema.parse(row) : undefined;
  }

  feed(id: number): FeedRow | undefined {
    const row = this.db.prepare('SELECT * FROM feeds WHERE id = ?').get(id);
    return row ? feedRowSchema.parse(row) : undefined;
  }

  feeds(): FeedRow[] {
    return this.db.prepare('SELECT * FROM feeds ORDER BY id').all().map((r) => feedRowSchema.parse(r));
  }

  /** Feeds a guild sees: the global ones and its own. */
  feedsVisibleTo(guildId: string | null): FeedRow[] {
    return this.db
      .prepare("SELECT * FROM feeds WHERE guild_id = '' OR guild_id = ? ORDER BY id")
      .all(guildId ?? '')
      .map((r) => feedRowSchema.parse(r));
  }

  recordPollSuccess(id: number, result: PollSuccess): void {
    this.db
      .prepare(
        `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_polled_at = ?,
         last_ok_at = ?, failures = 0, last_error = NULL, next_attempt_at = NULL, baseline_done = 1 WHERE id = ?`,
      )
      .run(result.title, result.etag, result.lastModified, result.at.toISOString(), result.at.toISOString(), id);
  }

  recordNotModified(id: number, at: Date): void {
    this.db
      .prepare('UPDATE feeds SET last_polled_at = ?, last_ok_at = ?, failures = 0, last_error = NULL, next_attempt_at = NULL WHERE id = ?')
      .run(at.toISOString(), at.toISOString(), id);
  }

  recordPollFailure(id: number, error: string, at: Date, nextAttemptAt: Date): void {
    this.db
      .prepare('UPDATE feeds SET last_polled_at = ?, failures = failures + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(at.toISOString(), error.slice(0, 500), nextAttemptAt.toISOString(), id);
  }

  // ── items ────────────────────────────────────────────────────────────────────────────────────────

  /** The stored hash of an item of this feed, if seen before. */
  seenItem(feedId: number, itemKey: string): { content_hash: string; origin: string | null } | undefined {
    return this.db.prepare('SELECT content_hash, origin FROM feed_items WHERE feed_id = ? AND item_key = ?').get(feedId, itemKey) as
      | { content_hash: string; origin: string | null }
      | undefined;
  }

  /** True when a feed whose announcements reach this server already delivered this content (syndicated
   * copies are announced once): a global feed ('' = FEEDS) or a feed of the same server. Another server's
   * feed does not count, or that server's copy would hide the item from this one. */
  hashSeen(contentHash: string, guildId: string): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.content_hash = ? AND f.guild_id IN ('', ?) LIMIT 1")
        .get(contentHash, guildId) !== undefined
    );
  }

  recordItem(feedId: number, itemKey: string, contentHash: string, origin: string | null, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO feed_items (feed_id, item_key, content_hash, origin, first_seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (feed_id, item_key) DO UPDATE SET content_hash = excluded.content_hash, origin = COALESCE(excluded.origin, origin)`,
      )
      .run(feedId, itemKey, contentHash, origin, at.toISOString());
  }

  /** Records many items at once (a feed's first poll). */
  recordItems(feedId: number, items: { key: string; hash: string }[], at: Date): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO feed_items (feed_id, item_key, content_hash, origin, first_seen_at) VALUES (?, ?, ?, NULL, ?)');
    this.db.transaction(() => {
      for (const i of items) insert.run(feedId, i.key, i.hash, at.toISOString());
    })();
  }

  saveArticle(origin: string, feedId: number, guildId: string | null, text: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO feed_articles (origin, feed_id, guild_id, text, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (origin) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      )
      .run(origin, feedId, guildId ?? '', text, at.toISOString());
  }

  /** Stored feed articles, newest first. */
  articles(limit: number): { origin: string; guild_id: string; text: string; updated_at: string }[] {
    return this.db.prepare('SELECT origin, guild_id, text, updated_at FROM feed_articles ORDER BY updated_at DESC LIMIT ?').all(limit) as {
      origin: string;
      guild_id: string;
      text: string;
      updated_at: string;
    }[];
  }

  articleScope(origin: string): string | null | undefined {
    const row = this.db.prepare('SELECT guild_id FROM feed_articles WHERE origin = ?').get(origin) as { guild_id: string } | undefined;
    return row ? row.guild_id || null : undefined;
  }

  /**
   * Bounds the tables that grow with every item: a feed's newest `itemsPerFeed` seen items are kept (a
   * feed lists far fewer, and items that fell off a feed do not come back), and the newest
   * `articles` stored feed articles. Returns how many rows went.
   */
  prune(limits: { itemsPerFeed: number; articles: number }): number {
    return this.transaction(() => {
      let removed = 0;
      const crowded = this.db
        .prepare('SELECT feed_id FROM feed_items GROUP BY feed_id HAVING COUNT(*) > ?')
        .all(limits.itemsPerFeed) as { feed_id: number }[];
      for (const { feed_id } of crowded) {
        removed += this.db
          .prepare(
            `DELETE FROM feed_items WHERE feed_id = ? AND rowid NOT IN
             (SELECT rowid FROM feed_items WHERE feed_id = ? ORDER BY first_seen_at DESC, rowid DESC LIMIT ?)`,
          )
          .run(feed_id, feed_id, limits.itemsPerFeed).changes;
      }
      removed += this.db
        .prepare('DELETE FROM feed_articles WHERE origin NOT IN (SELECT origin FROM feed_articles ORDER BY updated_at DESC LIMIT ?)')
        .run(limits.articles).changes;
      return removed;
    });
  }

  // ── folder files ─────────────────────────────────────────────────────────────────────────────────

  folderFile(origin: string): { content_hash: string } | undefined {
    return this.db.prepare('SELECT content_hash FROM folder_files WHERE origin = ?').get(origin) as { content_hash: string } | undefined;
  }

  folderFileCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM folder_files').get() as { n: number }).n;
  }

  recordFolderFile(origin: string, contentHash: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO folder_files (origin, content_hash, first_seen_at) VALUES (?, ?, ?)
         ON CONFLICT (origin) DO UPDATE SET content_hash = excluded.content_hash`,
      )
      .run(origin, contentHash, at.toISOString());
  }

  forgetFolderFile(origin: string): void {
    this.db.prepare('DELETE FROM folder_files WHERE origin = ?').run(origin);
  }

  // ── watches ──────────────────────────────────────────────────────────────────────────────────────

  upsertWatch(input: { guildId: string; channelId: string; topic: string | null; createdBy: string; at: Date }): WatchRow {
    this.db
      .prepare(
        `INSERT INTO watches (guild_id, channel_id, topic, created_by, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET topic = excluded.topic, broken_reason = NULL`,
      )
      .run(input.guildId, input.channelId, input.topic, input.createdBy, input.at.toISOString());
    return watchRowSchema.parse(this.db.prepare('SELECT * FROM watches WHERE channel_id = ?').get(input.channelId));
  }

  setWatchTopic(id: number, topic: string | null): void {
    this.db.prepare('UPDATE watches SET topic = ? WHERE id = ?').run(topic, id);
  }

  markWatchBroken(id: number, reason: string): void {
    this.db.prepare('UPDATE watches SET broken_reason = ? WHERE id = ?').run(reason.slice(0, 300), id);
  }

  removeWatches(guildId: string, channelId?: string): number {
    if (channelId) return this.db.prepare('DELETE FROM watches WHERE guild_id = ? AND channel_id = ?').run(guildId, channelId).changes;
    return this.db.prepare('DELETE FROM watches WHERE guild_id = ?').run(guildId).changes;
  }

  watches(guildId?: string): WatchRow[] {
    const rows = guildId
      ? this.db.prepare('SELECT * FROM watches WHERE guild_id = ? ORDER BY id').all(guildId)
      : this.db.prepare('SELECT * FROM watches ORDER BY id').all();
    return rows.map((r) => watchRowSchema.parse(r));
  }

  // ── announcement outbox ──────────────────────────────────────────────────────────────────────────

  /** Queues an announcement; a (watch, article) pair is queued at most once, ever. Returns whether it was new. */
  enqueue(watchId: number, articleKey: string, nonce: string, reply: Reply, at: Date): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO announcements (watch_id, article_key, nonce, reply_json, created_at, next_attempt_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(watchId, articleKey, nonce, JSON.stringify(reply), at.toISOString(), at.toISOString()).changes > 0
    );
  }

  due(now: Date, limit: number): AnnouncementRow[] {
    return this.db
      .prepare(
        `SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id
         WHERE a.status = 'pending' AND a.next_attempt_at <= ? AND w.broken_reason IS NULL
         ORDER BY a.created_at, a.rowid LIMIT ?`,
      )
      .all(now.toISOString(), limit)
      .map((r) => announcementRowSchema.parse(r));
  }

  markPosted(watchId: number, articleKey: string, messageId: string, at: Date): void {
    this.db
      .prepare("UPDATE announcements SET status = 'posted', message_id = ?, posted_at = ?, attempts = attempts + 1 WHERE watch_id = ? AND article_key = ?")
      .run(messageId, at.toISOString(), watchId, articleKey);
  }

  markRetry(watchId: number, articleKey: string, error: string, next: Date): void {
    this.db
      .prepare('UPDATE announcements SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE watch_id = ? AND article_key = ?')
      .run(error.slice(0, 300), next.toISOString(), watchId, articleKey);
  }

  markFailed(watchId: number, articleKey: string, error: string): void {
    this.db
      .prepare("UPDATE announcements SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE watch_id = ? AND article_key = ?")
      .run(error.slice(0, 300), watchId, articleKey);
  }

  announcement(watchId: number, articleKey: string): AnnouncementRow | undefined {
    const row = this.db
      .prepare('SELECT a.*, w.channel_id FROM announcements a JOIN watches w ON w.id = a.watch_id WHERE a.watch_id = ? AND a.article_key = ?')
      .get(watchId, articleKey);
    return row ? announcementRowSchema.parse(row) : undefined;
  }

  announcementCounts(): { pending: number; posted: number; failed: number } {
    const out = { pending: 0, posted: 0, failed: 0 };
    for (const r of this.db.prepare('SELECT status, COUNT(*) AS n FROM announcements GROUP BY status').all() as { status: keyof typeof out; n: number }[]) out[r.status] = r.n;
    return out;
  }
}
