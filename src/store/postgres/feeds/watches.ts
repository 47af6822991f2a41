// WatchStore on PostgreSQL: channels' watches and feeds' routes, with their delivery settings (table
// watches).
import type pg from 'pg';
import { watchRow, watchSettingsColumns } from '../../feed-rows';
import type { Watch, WatchSettingsPatch, WatchStore } from '../../../feeds/store';

export class PgWatches implements WatchStore {
  constructor(
    private readonly pool: pg.Pool,
  ) {}

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

  async watches(guildId?: string): Promise<Watch[]> {
    const { rows } = guildId
      ? await this.pool.query('SELECT * FROM watches WHERE guild_id = $1 ORDER BY id', [guildId])
      : await this.pool.query('SELECT * FROM watches ORDER BY id');
    return rows.map((r) => watchRow.parse(r));
  }
}
