// FeedItemStore on better-sqlite3: the items feeds listed and the feed articles taken into the library
// (tables feed_items, feed_articles); an item taken or shared queues its announcements in the same
// transaction, through the outbox.
import type { Db } from '../db';
import { SqliteTable } from './table';
import type { SqliteOutbox } from './outbox';
import { articleSourceRow, seenItemRow, storedArticleRow } from '../feed-rows';
import type { FeedItemStore, NewAnnouncement, SeenItem, StoredFeedArticle } from '../../feeds/store';

export class SqliteFeedItems extends SqliteTable implements FeedItemStore {
  constructor(db: Db, private readonly outbox: SqliteOutbox) {
    super(db);
  }

  private saveArticleNow(origin: string, feedId: number, guildId: string | null, text: string, at: Date): void {
    this.sql(
        `INSERT INTO feed_articles (origin, feed_id, guild_id, text, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (origin) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      )
      .run(origin, feedId, guildId ?? '', text, at.toISOString());
  }

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

  async saveArticle(origin: string, feedId: number, guildId: string | null, text: string, at: Date): Promise<void> {
    this.saveArticleNow(origin, feedId, guildId, text, at);
  }

  async recordTakenItem(
    item: { feedId: number; itemKey: string; contentHash: string; origin: string; guildId: string | null; text: string; at: Date },
    announcements: NewAnnouncement[],
  ): Promise<number> {
    return this.tx(() => {
      this.saveArticleNow(item.origin, item.feedId, item.guildId, item.text, item.at);
      const queued = this.outbox.enqueueNow(announcements, item.at);
      this.recordItemNow(item.feedId, item.itemKey, item.contentHash, item.origin, item.at);
      return queued;
    });
  }

  async recordSharedItem(item: { feedId: number; itemKey: string; contentHash: string; origin: string; at: Date }, announcements: NewAnnouncement[]): Promise<number> {
    return this.tx(() => {
      const queued = this.outbox.enqueueNow(announcements, item.at);
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

  async articleSource(origin: string): Promise<{ feedId: number | null; guildId: string } | undefined> {
    const row = this.sql('SELECT feed_id, guild_id FROM feed_articles WHERE origin = ?').get(origin);
    return row ? articleSourceRow.parse(row) : undefined;
  }
}
