// Posting a message to a channel outside an interaction (reminders, announcements). The Discord
// transport implements it over REST; the console transport prints "[#channel] …".
import type { Reply } from './reply';
import { scrubReply, type Scrub } from './secrets';

export type PostResult =
  | { ok: true; messageId: string; channelId: string; guildId?: string }
  /** 429, 5xx, network: leave the work due and retry later with backoff. `unauthorized`: Discord rejected
   * the token (401), which stops all posting (core/posting.ts), not just this post. */
  | { ok: false; retryable: true; reason: string; retryAfterMs?: number; unauthorized?: true }
  /** 403 missing access/permissions, 404 unknown channel, 400: the target is broken, retrying will not help. */
  | { ok: false; retryable: false; reason: string; status?: number; code?: number };

export interface PostOptions {
  /** Idempotency key (≤ 25 chars) sent as `nonce` with `enforce_nonce: true`: Discord returns the first
   * message instead of creating a second one for the same nonce within a few minutes. */
  nonce?: string;
  /** Post through this webhook, with the name and avatar the server chose (wait=true: the message comes
   * back). Webhook posts carry no nonce: the caller claims them first (see findSent). */
  webhook?: { id: string; token: string; username: string; avatarUrl?: string };
  /** The channel is a forum: the post is a forum post (a new thread with the message) with this name. */
  forum?: { threadName: string; guildId: string };
}

/** What findSent answers: the message a send made (found), none (safe to send), or the lookup failed. */
export type FindResult = { ok: true; found?: { messageId: string; channelId: string } } | { ok: false; reason: string };

/** What may follow a post: a thread opened under it, or publishing it to following servers (crosspost). */
export type PostAction = { kind: 'thread'; name: string } | { kind: 'publish' };

export type ActionResult = { ok: true } | { ok: false; retryable: boolean; reason: string };

export interface MessagePoster {
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<PostResult>;
  /** Runs an action on a posted message; doing it twice is harmless (Discord refuses a second thread or
   * publish, which counts as done). Transports without threads or publishing leave it out. */
  act?(channelId: string, messageId: string, action: PostAction): Promise<ActionResult>;
  /**
   * For sends without a nonce (webhook, forum post) whose outcome was not recorded (a crash or timeout
   * between post and record): the message such a send made in the channel since `since`, if any.
   */
  findSent?(channelId: string, reply: Reply, options: PostOptions & { since: Date }): Promise<FindResult>;
  /**
   * A direct message to one user (a member's own reminder): their DM channel is opened, then the message
   * sent (with the nonce, enforce_nonce). Discord answers 50007 when the user does not take DMs from the bot.
   */
  postDirect?(userId: string, reply: Reply, options?: PostOptions): Promise<PostResult>;
  /**
   * The server a channel is in (Discord's answer to a post names none), or undefined when it is in none or
   * the lookup failed. Transports without servers leave it out.
   */
  channelGuild?(channelId: string): Promise<string | undefined>;
}

/** A poster that scrubs secrets from every message (and thread name) before the transport sees it. */
export function scrubbingPoster(poster: MessagePoster, scrub: Scrub): MessagePoster {
  const act = poster.act?.bind(poster);
  const findSent = poster.findSent?.bind(poster);
  const postDirect = poster.postDirect?.bind(poster);
  const channelGuild = poster.channelGuild?.bind(poster);
  const scrubOptions = <T extends PostOptions>(options: T): T => (options.forum ? { ...options, forum: { ...options.forum, threadName: scrub(options.forum.threadName) } } : options);
  return {
    post: (channelId, reply, options) => poster.post(channelId, scrubReply(reply, scrub), options && scrubOptions(options)),
    ...(findSent ? { findSent: (channelId: string, reply: Reply, options: PostOptions & { since: Date }) => findSent(channelId, scrubReply(reply, scrub), scrubOptions(options)) } : {}),
    ...(postDirect ? { postDirect: (userId: string, reply: Reply, options?: PostOptions) => postDirect(userId, scrubReply(reply, scrub), options) } : {}),
    ...(channelGuild ? { channelGuild } : {}),
    ...(act ? { act: (channelId: string, messageId: string, action: PostAction) => act(channelId, messageId, action.kind === 'thread' ? { ...action, name: scrub(action.name) } : action) } : {}),
  };
}
