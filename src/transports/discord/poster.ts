// Posts to a channel outside interactions (reminders, feed announcements) over the client's REST, and
// sorts Discord's answers into "retry later" and "this target is broken" for the caller's own backoff.
import { DiscordAPIError, HTTPError, RateLimitError, Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { Logger } from 'pino';
import type { ActionResult, MessagePoster, PostAction, PostOptions, PostResult } from '../../core/poster';
import type { Reply } from '../../core/reply';
import { renderMessage } from './render';

/** Discord error codes worth a readable name in a broken-subscription reason. */
const KNOWN_CODES: Record<number, string> = {
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
  50008: 'Cannot send messages in a non-text channel',
  50024: 'Cannot execute action on this channel type',
  50068: 'Invalid message type',
  20028: 'Channel write rate limit',
};

export interface DiscordPosterOptions {
  /** Upper bound for one post, including REST's own retries (default 15 s). */
  timeoutMs?: number;
}

export class DiscordPoster implements MessagePoster {
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
    const { flags: _ephemeralHasNoMeaningInAChannel, ...payload } = renderMessage(reply);
    const body = options.nonce ? { ...payload, nonce: options.nonce, enforce_nonce: true } : payload;
    try {
      const message = (await this.rest.post(Routes.channelMessages(channelId), {
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      })) as { id: string; channel_id: string; guild_id?: string };
      return { ok: true, messageId: message.id, channelId: message.channel_id ?? channelId, ...(message.guild_id ? { guildId: message.guild_id } : {}) };
    } catch (error) {
      const result = classifyPostError(error);
      this.log.warn({ channelId, reason: result.ok ? undefined : result.reason, retryable: !result.ok && result.retryable }, 'channel post failed');
      return result;
    }
  }
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
