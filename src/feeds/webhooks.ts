// Webhook delivery (issue 15): a channel's announcements carry the name and avatar its server chose,
// through a webhook Herald creates with Discord's API. The pure decisions (what a name or avatar may be,
// how a row is sent, what happens when the webhook is gone) and the directory that reads the settings,
// registers each webhook token as a secret (scrubbed from logs and replies) and keeps the fallbacks
// /status shows. Transports implement WebhookMaker (transports/discord/webhooks.ts).
import type { PostOptions } from '../core/poster';
import { visibleTo } from '../core/status-snapshot';
import type { ChannelWebhook, FeedStore, Watch } from './store';

/** Creates and deletes webhooks (the Discord transport; none in the console). */
export interface WebhookMaker {
  /** `missingPermission`: Herald lacks Manage Webhooks there (posts fall back to Herald's own messages). */
  create(channelId: string, name: string): Promise<{ ok: true; id: string; token: string } | { ok: false; reason: string; missingPermission: boolean }>;
  /** Best effort (a webhook already deleted is fine). */
  remove(id: string, token: string): Promise<void>;
}

export const WEBHOOK_NAME_MAX = 80;

/** Discord refuses webhook names that are empty, longer than 80, or contain "clyde" or "discord" (pure). */
export function checkWebhookName(name: string): { ok: true; name: string } | { ok: false; reason: string } {
  const clean = name.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  if (!clean) return { ok: false, reason: 'the name is empty' };
  if (clean.length > WEBHOOK_NAME_MAX) return { ok: false, reason: `the name is longer than ${WEBHOOK_NAME_MAX} characters` };
  if (/clyde|discord/i.test(clean)) return { ok: false, reason: 'Discord does not allow "clyde" or "discord" in a webhook name' };
  if (/[@#:`]|```/.test(clean) || /^(everyone|here)$/i.test(clean)) return { ok: false, reason: 'the name may not contain @, #, : or `' };
  return { ok: true, name: clean };
}

/**
 * An avatar is an https image URL that Discord itself fetches when showing the message (Herald never
 * fetches it, so it cannot be used to reach Herald's network); no credentials, at most 2048 characters (pure).
 */
export function checkAvatarUrl(url: string): { ok: true; url: string } | { ok: false; reason: string } {
  const trimmed = url.trim();
  if (trimmed.length > 2048) return { ok: false, reason: 'the avatar URL is longer than 2048 characters' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'the avatar is not a URL (give an https:// link to an image)' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: 'the avatar URL must start with https://' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'the avatar URL may not carry a user name or password' };
  return { ok: true, url: parsed.toString() };
}

/** Discord's "Unknown Webhook" (deleted, by an admin or with its channel) and "Invalid Webhook Token". */
export const WEBHOOK_GONE = new Set([10015, 50027]);

export const DELETED_REASON = 'the webhook was deleted (Unknown Webhook 10015): posting as Herald until /watch webhook sets it up again';

/**
 * How one announcement is sent (pure): through the channel's webhook when it has one, as a forum post in
 * a forum channel, else as Herald's message with the announcement's nonce. Sends without a nonce (webhook,
 * forum post) are claimed first (`claimVia`), so a crash between post and record is found, not repeated.
 */
export function sendPlan(
  row: { nonce: string; threadName: string | null },
  watch: Pick<Watch, 'forum' | 'guildId'> | undefined,
  hook: Pick<ChannelWebhook, 'webhookId' | 'webhookToken' | 'name' | 'avatarUrl'> | undefined,
  headline?: string,
): { options: PostOptions; claimVia?: string } {
  const options: PostOptions = { nonce: row.nonce };
  if (watch?.forum) options.forum = { threadName: row.threadName || headline || 'News', guildId: watch.guildId };
  if (hook?.webhookId && hook.webhookToken) {
    options.webhook = { id: hook.webhookId, token: hook.webhookToken, username: hook.name, ...(hook.avatarUrl ? { avatarUrl: hook.avatarUrl } : {}) };
    return { options, claimVia: hook.webhookId };
  }
  return options.forum ? { options, claimVia: 'bot' } : { options };
}

/** Webhook settings as the announcer and /status read them; every token read is registered as a secret. */
export class WebhookDirectory {
  private fallbacks: { channelId: string; guildId: string; reason: string }[] = [];

  constructor(
    private readonly store: FeedStore,
    /** Registers a webhook token with the secret scrubber (logs, replies, posts). */
    private readonly secret: (value: string) => void = () => undefined,
  ) {}

  async get(channelId: string): Promise<ChannelWebhook | undefined> {
    const row = await this.store.webhooks.channelWebhook(channelId);
    if (row?.webhookToken) this.secret(row.webhookToken);
    return row;
  }

  /** Re-reads every channel's setting (start-up, after each drain and change): tokens and fallbacks. */
  async refresh(): Promise<void> {
    const rows = await this.store.webhooks.channelWebhooks();
    for (const r of rows) if (r.webhookToken) this.secret(r.webhookToken);
    this.fallbacks = rows.filter((r) => r.fallbackReason).map((r) => ({ channelId: r.channelId, guildId: r.guildId, reason: r.fallbackReason! }));
  }

  /** Channels whose announcements go out as Herald instead of their webhook, and why (for /status). */
  fallbacksFor(guildId?: string | null): { channelId: string; reason: string }[] {
    return this.fallbacks.filter((f) => visibleTo(f.guildId, guildId)).map(({ channelId, reason }) => ({ channelId, reason }));
  }

  registerToken(token: string): void {
    this.secret(token);
  }
}
