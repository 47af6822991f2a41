// Stored watch rows as commands see them (WatchInfo). Shared by the watch registry and delivery settings.
import type { FeedStore, WatchRow } from './store';
import { describeFilter, parseStoredFilter } from './filters';
import type { WatchInfo, WebhookInfo } from './admin-services';
import type { ChannelWebhookRow } from './store';

export async function watchInfo(row: WatchRow, store?: Pick<FeedStore, 'feed' | 'channelWebhook'>): Promise<WatchInfo> {
  const info: WatchInfo = { channelId: row.channel_id, topic: row.topic ?? undefined, broken: row.broken_reason ?? undefined };
  if (row.feed_id !== null) {
    const feed = await store?.feed(row.feed_id);
    if (feed) info.feed = { url: feed.url, title: feed.title ?? undefined };
  }
  const filter = parseStoredFilter(row.filter_json);
  if (filter) info.filter = describeFilter(filter);
  if (row.format !== 'embed') info.format = row.format;
  if (row.template) info.template = row.template;
  if (row.ping_role_id) info.pingRoleId = row.ping_role_id;
  if (row.open_thread) info.openThread = true;
  if (row.publish) info.publish = true;
  if (row.action_error) info.actionError = row.action_error;
  if (row.forum) info.forum = true;
  const hook = await store?.channelWebhook(row.channel_id);
  if (hook) info.webhook = webhookInfo(hook);
  return info;
}

/** A channel's webhook setting without its token. */
export function webhookInfo(row: ChannelWebhookRow): WebhookInfo {
  return { channelId: row.channel_id, name: row.name, ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}), ...(row.fallback_reason ? { fallback: row.fallback_reason } : {}) };
}
