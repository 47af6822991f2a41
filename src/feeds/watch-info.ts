// Stored watch rows as commands see them (WatchInfo). Shared by the watch registry and delivery settings.
import type { FeedStore, Watch } from './store';
import { describeFilter, parseStoredFilter } from './filters';
import type { WatchInfo, WebhookInfo } from './admin-services';
import type { ChannelWebhook } from './store';

export async function watchInfo(row: Watch, store?: Pick<FeedStore, 'feeds' | 'webhooks'>): Promise<WatchInfo> {
  const info: WatchInfo = { channelId: row.channelId, topic: row.topic ?? undefined, broken: row.brokenReason ?? undefined };
  if (row.feedId !== null) {
    const feed = await store?.feeds.feed(row.feedId);
    if (feed) info.feed = { url: feed.url, title: feed.title ?? undefined };
  }
  const filter = parseStoredFilter(row.filterJson);
  if (filter) info.filter = describeFilter(filter);
  if (row.format !== 'embed') info.format = row.format;
  if (row.template) info.template = row.template;
  if (row.pingRoleId) info.pingRoleId = row.pingRoleId;
  if (row.openThread) info.openThread = true;
  if (row.publish) info.publish = true;
  if (row.actionError) info.actionError = row.actionError;
  if (row.forum) info.forum = true;
  const hook = await store?.webhooks.channelWebhook(row.channelId);
  if (hook) info.webhook = webhookInfo(hook);
  return info;
}

/** A channel's webhook setting without its token. */
export function webhookInfo(row: ChannelWebhook): WebhookInfo {
  return { channelId: row.channelId, name: row.name, ...(row.avatarUrl ? { avatarUrl: row.avatarUrl } : {}), ...(row.fallbackReason ? { fallback: row.fallbackReason } : {}) };
}
