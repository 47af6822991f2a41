// FeedItemStore on PostgreSQL: the items feeds listed and the feed articles taken into the library (tables
// feed_items, feed_articles); an item taken or shared queues its announcements in the same transaction,
// through the outbox.
import type pg from 'pg';
import { inTransaction } from '../pool';
import type { PgOutbox } from './outbox';
import { articleSourceRow, seenItemRow, storedArticleRow } from '../../feed-rows';
import type { FeedItemStore, NewAnnouncement, SeenItem, StoredFeedArticle } from '../../../feeds/store';
import type { Queryable } from '../pool';

export class PgFeedItems implements FeedItemStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly outbox: PgOutbox,
  ) {}

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
      const queued = await this.outbox.enqueueWith(c, announcements, item.at);
      await this.recordItemWith(c, item.feedId, item.itemKey, item.contentHash, item.origin, item.at);
      return queued;
    });
  }

  recordSharedItem(item: { feedId: number; itemKey: string; contentHash: string; origin: string; at: Date }, announcements: NewAnnouncement[]): Promise<number> {
    return inTransaction(this.pool, async (c) => {
      const queued = await this.outbox.enqueueWith(c, announcements, item.at);
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

  async articleSource(origin: string): Promise<{ feedId: number | null; guildId: string } | undefined> {
    const { rows } = await this.pool.query('SELECT feed_id, guild_id FROM feed_articles WHERE origin = $1', [origin]);
    return rows[0] ? articleSourceRow.parse(rows[0]) : undefined;
  }
}
