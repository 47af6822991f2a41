// Stored watch rows as commands see them (WatchInfo). Shared by the watch registry and delivery settings.
import type { FeedStore, WatchRow } from './store';
import { describeFilter, parseStoredFilter } from './filters';
import type { WatchInfo } from './service';

export async function watchInfo(row: WatchRow, store?: Pick<FeedStore, 'feed'>): Promise<WatchInfo> {
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
  return info;
}
