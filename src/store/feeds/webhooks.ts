// ChannelWebhookStore on better-sqlite3: channels' webhook settings (table channel_webhooks).
import { SqliteTable } from './table';
import { channelWebhookRow } from '../feed-rows';
import type { ChannelWebhook, ChannelWebhookStore } from '../../feeds/store';

export class SqliteChannelWebhooks extends SqliteTable implements ChannelWebhookStore {
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
}
