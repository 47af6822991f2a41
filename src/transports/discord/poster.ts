// Posts to a channel outside interactions (reminders, feed announcements) over the client's REST, and
// sorts Discord's answers into "retry later" and "this target is broken" for the caller's own backoff.
import { DiscordAPIError, HTTPError, RateLimitError, Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { Logger } from 'pino';
import type { ActionResult, FindResult, MessagePoster, PostAction, PostOptions, PostResult } from '../../core/poster';
import type { Reply } from '../../core/reply';
import { renderMessage } from './render';

/** Discord error codes worth a readable name in a broken-subscription reason. */
const KNOWN_CODES: Record<number, string> = {
  10003: 'Unknown Channel',
  10013: 'Unknown User',
  50007: 'Cannot send messages to this user',
  10004: 'Unknown Guild',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
  50008: 'Cannot send messages in a non-text channel',
  50024: 'Cannot execute action on this channel type',
  50068: 'Invalid message type',
  20028: 'Channel write rate limit',
  10015: 'Unknown Webhook',
  50027: 'Invalid Webhook Token',
};

export interface DiscordPosterOptions {
  /** Upper bound for one post, including REST's own retries (default 15 s). */
  timeoutMs?: number;
}

export class DiscordPoster implements MessagePoster {
  /** Each user's DM channel, once opened (Discord returns the same channel every time). */
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly rest: REST,
    private readonly log: Logger,
    private readonly options: DiscordPosterOptions = {},
  ) {}

  /** A thread under a posted message, or publishing it (crosspost); a second of either counts as done. */
  async act(channelId: string, messageId: string, action: PostAction): Promise<ActionResult> {
    const route = action.kind === 'publish' ? Routes.channelMessageCrosspost(channelId, messageId) : Routes.threads(channelId, messageId);
    const body = action.kind === 'thread' ? { name: action.name.replace(/\s+/g, ' ').trim().slice(0, 100) || 'Discussion', auto_archive_duration: 1440 } : undefined;
    try {
      await this.rest.post(route, { ...(body ? { body } : {}), signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
      return { ok: true };
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === 'number' && ALREADY_DONE.has(error.code)) return { ok: true };
      const result = classifyPostError(error);
      this.log.warn({ channelId, messageId, action: action.kind, reason: result.reason }, 'action on a posted message failed');
      return { ok: false, retryable: result.retryable, reason: result.reason };
    }
  }

  async post(channelId: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    const { flags: _ephemeralHasNoMeaningInAChannel, files: _noFilesInAnnouncements, ...payload } = renderMessage(reply);
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 15_000);
    try {
      if (options.webhook) {
        // wait=true: Discord answers with the message, so its id is recorded. The webhook's token is the
        // credential (auth: false); it never appears in a log line (the route is not logged, and the
        // scrubber knows the token).
        const hook = options.webhook;
        const body = { ...payload, username: hook.username, ...(hook.avatarUrl ? { avatar_url: hook.avatarUrl } : {}), ...(options.forum ? { thread_name: options.forum.threadName } : {}) };
        // with_components: a webhook Herald made (application-owned) may carry the Remind me buttons.
        const query = new URLSearchParams({ wait: 'true', ...(payload.components ? { with_components: 'true' } : {}) });
        const message = (await this.rest.post(Routes.webhook(hook.id, hook.token), { body, query, auth: false, signal })) as { id: string; channel_id: string; guild_id?: string };
        return { ok: true, messageId: message.id, channelId: message.channel_id ?? channelId, ...(message.guild_id ? { guildId: message.guild_id } : {}) };
      }
      if (options.forum) {
        // A forum post: a new thread whose first message is the announcement (its id is the thread's).
        const thread = (await this.rest.post(Routes.threads(channelId), { body: { name: options.forum.threadName, auto_archive_duration: 1440, message: payload }, signal })) as {
          id: string;
          guild_id?: string;
          message?: { id: string };
        };
        return { ok: true, messageId: thread.message?.id ?? thread.id, channelId: thread.id, ...(thread.guild_id ? { guildId: thread.guild_id } : {}) };
      }
      const body = options.nonce ? { ...payload, nonce: options.nonce, enforce_nonce: true } : payload;
      const message = (await this.rest.post(Routes.channelMessages(channelId), { body, signal })) as { id: string; channel_id: string; guild_id?: string };
      return { ok: true, messageId: message.id, channelId: message.channel_id ?? channelId, ...(message.guild_id ? { guildId: message.guild_id } : {}) };
    } catch (error) {
      let result = classifyPostError(error);
      // A webhook's own 401 is its token (deleted or reset webhook), not the bot's: never a stop of all posting.
      if (options.webhook && !result.ok && error instanceof DiscordAPIError && error.status === 401) {
        result = { ok: false, retryable: false, reason: 'Invalid Webhook Token (50027)', status: 401, code: 50027 };
      }
      this.log.warn({ channelId, via: options.webhook ? 'webhook' : options.forum ? 'forum' : 'bot', reason: result.ok ? undefined : result.reason, retryable: !result.ok && result.retryable }, 'channel post failed');
      return result;
    }
  }

  async postDirect(userId: string, reply: Reply, options: PostOptions = {}): Promise<PostResult> {
    let channelId = this.dmChannels.get(userId);
    if (!channelId) {
      try {
        const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) })) as { id: string };
        channelId = channel.id;
        this.dmChannels.set(userId, channelId);
      } catch (error) {
        const result = classifyPostError(error);
        this.log.warn({ userId, reason: result.reason }, 'could not open a DM channel');
        return result;
      }
    }
    return this.post(channelId, { ...reply, pingRoleId: undefined, pingUserId: undefined }, { nonce: options.nonce });
  }

  /** GET /channels/:id: the channel's guild_id (a posted message comes back without one). */
  async channelGuild(channelId: string): Promise<string | undefined> {
    try {
      const channel = (await this.rest.get(Routes.channel(channelId), { signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) })) as { guild_id?: string };
      return channel.guild_id;
    } catch (error) {
      const result = classifyPostError(error);
      this.log.warn({ channelId, reason: result.ok ? undefined : result.reason }, 'could not look up the server of a channel');
      return undefined;
    }
  }

  /**
   * Whether a send without a nonce went through after all: a forum post (a thread in that forum with the
   * same name, made since `since`, by Herald or its webhook) or a webhook message (the webhook's message
   * with the same text since `since`, among the channel's next 500 messages). Needs View Channel and
   * Read Message History.
   */
  async findSent(channelId: string, reply: Reply, options: PostOptions & { since: Date }): Promise<FindResult> {
    const after = snowflakeAt(new Date(options.since.getTime() - 5_000));
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 15_000);
    try {
      if (options.forum) {
        const { threads } = (await this.rest.get(Routes.guildActiveThreads(options.forum.guildId), { signal })) as { threads: { id: string; parent_id?: string; name: string; owner_id?: string }[] };
        const hit = threads.find((t) => t.parent_id === channelId && t.name === options.forum!.threadName && BigInt(t.id) > after);
        return { ok: true, ...(hit ? { found: { messageId: hit.id, channelId: hit.id } } : {}) };
      }
      if (!options.webhook) return { ok: true };
      const want = fingerprint(renderMessage(reply));
      let cursor = after;
      for (let page = 0; page < 5; page++) {
        const batch = (await this.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ after: String(cursor), limit: '100' }), signal })) as {
          id: string;
          channel_id: string;
          webhook_id?: string;
          content?: string;
          embeds?: { title?: string; url?: string }[];
        }[];
        const hit = batch.find((m) => m.webhook_id === options.webhook!.id && fingerprint(m) === want);
        if (hit) return { ok: true, found: { messageId: hit.id, channelId: hit.channel_id ?? channelId } };
        if (batch.length < 100) break;
        cursor = batch.reduce((max, m) => (BigInt(m.id) > max ? BigInt(m.id) : max), cursor);
      }
      return { ok: true };
    } catch (error) {
      const result = classifyPostError(error);
      this.log.warn({ channelId, reason: result.reason }, 'could not look for an earlier send');
      return { ok: false, reason: result.reason };
    }
  }
}

/** Discord's epoch (2015-01-01) and snowflake layout: the smallest id of a moment. */
const DISCORD_EPOCH = 1_420_070_400_000n;
export function snowflakeAt(at: Date): bigint {
  return (BigInt(Math.max(at.getTime(), Number(DISCORD_EPOCH))) - DISCORD_EPOCH) << 22n;
}

/** What identifies an announcement's message: its text and its first embed's title and link. */
function fingerprint(m: { content?: string; embeds?: { title?: string; url?: string }[] }): string {
  const e = m.embeds?.[0];
  return JSON.stringify([(m.content ?? '').trim(), e?.title ?? '', e?.url ?? '']);
}

/** Discord's answers meaning the action was already done: counted as done, so a retry is harmless. */
const ALREADY_DONE = new Set([
  40033, // This message has already been crossposted
  160004, // A thread has already been created for this message
]);

/** Maps what discord.js REST threw to a PostResult (pure). */
export function classifyPostError(error: unknown): Exclude<PostResult, { ok: true }> {
  if (error instanceof RateLimitError) {
    return { ok: false, retryable: true, reason: `rate limited on ${error.route} (${error.scope})`, retryAfterMs: Math.max(error.retryAfter, error.timeToReset, 0) };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const name = (code !== undefined && KNOWN_CODES[code]) || error.message.split('\n')[0];
    const reason = code ? `${name} (${code})` : `${name} (HTTP ${error.status})`;
    if (error.status === 429) return { ok: false, retryable: true, reason };
    if (error.status >= 500) return { ok: false, retryable: true, reason };
    // A rejected token is the bot's problem, not the channel's: keep the work due, stop posting (core/posting.ts).
    if (error.status === 401) return { ok: false, retryable: true, unauthorized: true, reason: 'Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN' };
    return { ok: false, retryable: false, reason, status: error.status, ...(code !== undefined ? { code } : {}) };
  }
  // After a 401 discord.js clears its token: every later request throws this before reaching Discord.
  if (error instanceof Error && /Expected token to be set/.test(error.message)) {
    return { ok: false, retryable: true, unauthorized: true, reason: 'Discord rejected the token earlier (401) and discord.js cleared it: check DISCORD_TOKEN' };
  }
  if (error instanceof HTTPError) return { ok: false, retryable: true, reason: `Discord server error (HTTP ${error.status})` };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, retryable: true, reason: `network: ${message}` };
}
