// The rows of the feed tables (feeds, watches, announcements, channel_webhooks, feed_articles,
// feed_items, folder_files) as both feed stores read them back: checked with zod (STYLE: validate at the
// borders) and mapped to the camelCase objects of feeds/store.ts, so no column name leaves src/store/.
import { z } from 'zod';
import type { Announcement, ChannelWebhook, Feed, SeenItem, StoredFeedArticle, Watch, WatchSettingsPatch } from '../feeds/store';

/** A 0/1 column as the boolean the domain uses (PostgreSQL may hand integers back as strings). */
const flag = z.coerce.number().int().default(0).transform((n) => n !== 0);
/** A count column (PostgreSQL may hand integers back as strings). */
const count = z.coerce.number().int().default(0);

export const feedRow = z
  .object({
    id: z.number().int(),
    url: z.string(),
    guild_id: z.string(),
    origin: z.enum(['config', 'command']),
    added_by: z.string().nullable(),
    added_at: z.string(),
    title: z.string().nullable(),
    etag: z.string().nullable(),
    last_modified: z.string().nullable(),
    baseline_done: flag,
    last_polled_at: z.string().nullable(),
    last_ok_at: z.string().nullable(),
    failures: z.number().int(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    poll_minutes: z.number().int().nullable().default(null),
    filter_json: z.string().nullable().default(null),
  })
  .transform(
    (r): Feed => ({
      id: r.id,
      url: r.url,
      guildId: r.guild_id,
      origin: r.origin,
      addedBy: r.added_by,
      addedAt: r.added_at,
      title: r.title,
      etag: r.etag,
      lastModified: r.last_modified,
      baselineDone: r.baseline_done,
      lastPolledAt: r.last_polled_at,
      lastOkAt: r.last_ok_at,
      failures: r.failures,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
      pollMinutes: r.poll_minutes,
      filterJson: r.filter_json,
    }),
  );

export const watchRow = z
  .object({
    id: z.number().int(),
    guild_id: z.string(),
    channel_id: z.string(),
    topic: z.string().nullable(),
    created_by: z.string().nullable(),
    created_at: z.string(),
    broken_reason: z.string().nullable(),
    feed_id: z.number().int().nullable().default(null),
    filter_json: z.string().nullable().default(null),
    template: z.string().nullable().default(null),
    format: z.enum(['embed', 'text']).default('embed'),
    ping_role_id: z.string().nullable().default(null),
    open_thread: flag,
    publish: flag,
    action_error: z.string().nullable().default(null),
    forum: flag,
  })
  .transform(
    (r): Watch => ({
      id: r.id,
      guildId: r.guild_id,
      channelId: r.channel_id,
      topic: r.topic,
      createdBy: r.created_by,
      createdAt: r.created_at,
      brokenReason: r.broken_reason,
      feedId: r.feed_id,
      filterJson: r.filter_json,
      template: r.template,
      format: r.format,
      pingRoleId: r.ping_role_id,
      openThread: r.open_thread,
      publish: r.publish,
      actionError: r.action_error,
      forum: r.forum,
    }),
  );

/** An announcements row joined with its watch's channel_id. */
export const announcementRow = z
  .object({
    watch_id: z.number().int(),
    article_key: z.string(),
    nonce: z.string(),
    status: z.enum(['pending', 'posted', 'failed', 'summarised']),
    reply_json: z.string(),
    created_at: z.string(),
    attempts: z.number().int(),
    next_attempt_at: z.string(),
    message_id: z.string().nullable(),
    posted_at: z.string().nullable(),
    last_error: z.string().nullable(),
    channel_id: z.string(),
    actions_json: z.string().nullable().default(null),
    action_attempts: count,
    thread_name: z.string().nullable().default(null),
    send_claimed_at: z.string().nullable().default(null),
    send_via: z.string().nullable().default(null),
  })
  .transform(
    (r): Announcement => ({
      watchId: r.watch_id,
      articleKey: r.article_key,
      nonce: r.nonce,
      status: r.status,
      replyJson: r.reply_json,
      createdAt: r.created_at,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      messageId: r.message_id,
      postedAt: r.posted_at,
      lastError: r.last_error,
      channelId: r.channel_id,
      actionsJson: r.actions_json,
      actionAttempts: r.action_attempts,
      threadName: r.thread_name,
      sendClaimedAt: r.send_claimed_at,
      sendVia: r.send_via,
    }),
  );

export const channelWebhookRow = z
  .object({
    channel_id: z.string(),
    guild_id: z.string(),
    name: z.string(),
    avatar_url: z.string().nullable(),
    webhook_id: z.string().nullable(),
    webhook_token: z.string().nullable(),
    fallback_reason: z.string().nullable(),
    updated_by: z.string().nullable(),
    updated_at: z.string(),
  })
  .transform(
    (r): ChannelWebhook => ({
      channelId: r.channel_id,
      guildId: r.guild_id,
      name: r.name,
      avatarUrl: r.avatar_url,
      webhookId: r.webhook_id,
      webhookToken: r.webhook_token,
      fallbackReason: r.fallback_reason,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }),
  );

/** `SELECT origin, guild_id, text, updated_at FROM feed_articles`. */
export const storedArticleRow = z
  .object({ origin: z.string(), guild_id: z.string(), text: z.string(), updated_at: z.string() })
  .transform((r): StoredFeedArticle => ({ origin: r.origin, guildId: r.guild_id, text: r.text, updatedAt: r.updated_at }));

/** `SELECT content_hash, origin FROM feed_items`. */
export const seenItemRow = z
  .object({ content_hash: z.string(), origin: z.string().nullable() })
  .transform((r): SeenItem => ({ contentHash: r.content_hash, origin: r.origin }));

/** `SELECT content_hash FROM folder_files`. */
export const folderFileRow = z.object({ content_hash: z.string() }).transform((r) => ({ contentHash: r.content_hash }));

/** `SELECT feed_id, guild_id FROM feed_articles`. */
export const articleSourceRow = z
  .object({ feed_id: z.number().int().nullable(), guild_id: z.string() })
  .transform((r) => ({ feedId: r.feed_id, guildId: r.guild_id }));

/** Columns of WatchSettingsPatch's fields, with stored values (booleans as 0/1). Shared by both stores. */
export function watchSettingsColumns(patch: WatchSettingsPatch): { column: string; value: string | number | null }[] {
  const out: { column: string; value: string | number | null }[] = [];
  if (patch.filterJson !== undefined) out.push({ column: 'filter_json', value: patch.filterJson });
  if (patch.template !== undefined) out.push({ column: 'template', value: patch.template });
  if (patch.format !== undefined) out.push({ column: 'format', value: patch.format });
  if (patch.pingRoleId !== undefined) out.push({ column: 'ping_role_id', value: patch.pingRoleId });
  if (patch.openThread !== undefined) out.push({ column: 'open_thread', value: patch.openThread ? 1 : 0 });
  if (patch.publish !== undefined) out.push({ column: 'publish', value: patch.publish ? 1 : 0 });
  if (patch.openThread !== undefined || patch.publish !== undefined) out.push({ column: 'action_error', value: null });
  return out;
}
