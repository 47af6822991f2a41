// WatchStore on better-sqlite3: channels' watches and feeds' routes, with their delivery settings (table
// watches).
import { SqliteTable } from './table';
import { watchRow, watchSettingsColumns } from '../feed-rows';
import type { Watch, WatchSettingsPatch, WatchStore } from '../../feeds/store';

export class SqliteWatches extends SqliteTable implements WatchStore {
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

  async watches(guildId?: string): Promise<Watch[]> {
    const rows = guildId
      ? this.sql('SELECT * FROM watches WHERE guild_id = ? ORDER BY id').all(guildId)
      : this.sql('SELECT * FROM watches ORDER BY id').all();
    return rows.map((r) => watchRow.parse(r));
  }
}
