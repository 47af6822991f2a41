// ChannelWebhookStore on PostgreSQL: channels' webhook settings (table channel_webhooks).
import type pg from 'pg';
import { channelWebhookRow } from '../../feed-rows';
import type { ChannelWebhook, ChannelWebhookStore } from '../../../feeds/store';

export class PgChannelWebhooks implements ChannelWebhookStore {
  constructor(
    private readonly pool: pg.Pool,
  ) {}

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
}
