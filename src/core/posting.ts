// Posting outside interactions stops as a whole when Discord rejects the bot's token (401): discord.js
// then clears its token and every later request fails, so retrying each reminder or announcement would
// only run them into REMINDER_GRACE and mark them missed. The gate records the stop once; the reminder
// and announcement loops stop claiming while it holds, /status shows it, and main.ts logs it at error
// level and exits non-zero so a supervisor restarts Herald with its token.
import type { Clock } from './clock';
import type { ActionResult, FindResult, MessagePoster, PostAction, PostOptions, PostResult } from './poster';
import type { Reply } from './reply';

export interface PostingStop {
  reason: string;
  at: Date;
}

/** What the loops that post read: stopped or not. */
export interface PostingState {
  stopped(): PostingStop | null;
}

export class PostingGate implements PostingState {
  private stop: PostingStop | null = null;
  private readonly listeners: ((stop: PostingStop) => void)[] = [];

  stopped(): PostingStop | null {
    return this.stop;
  }

  /** Called once when posting stops (at once when it already has). */
  onStop(listener: (stop: PostingStop) => void): void {
    if (this.stop) listener(this.stop);
    else this.listeners.push(listener);
  }

  /** Stops posting (the first reason wins) and tells the listeners once. */
  halt(reason: string, at: Date): void {
    if (this.stop) return;
    this.stop = { reason, at };
    for (const l of this.listeners) l(this.stop);
  }

  /**
   * A poster that refuses at once while posting is stopped (nothing reaches Discord) and stops posting
   * when a post comes back unauthorized.
   */
  guard(poster: MessagePoster, clock: Clock): MessagePoster {
    const act = poster.act?.bind(poster);
    const findSent = poster.findSent?.bind(poster);
    const postDirect = poster.postDirect?.bind(poster);
    const channelGuild = poster.channelGuild?.bind(poster);
    const guarded = async (send: () => Promise<PostResult>): Promise<PostResult> => {
      if (this.stop) return { ok: false, retryable: true, unauthorized: true, reason: `posting is stopped: ${this.stop.reason}` };
      const result = await send();
      if (!result.ok && result.retryable && result.unauthorized) this.halt(result.reason, clock.now());
      return result;
    };
    return {
      ...(postDirect ? { postDirect: (userId: string, reply: Reply, options?: PostOptions) => guarded(() => postDirect(userId, reply, options)) } : {}),
      ...(channelGuild ? { channelGuild: async (channelId: string) => (this.stop ? undefined : channelGuild(channelId)) } : {}),
      ...(findSent
        ? {
            findSent: async (channelId: string, reply: Reply, options: PostOptions & { since: Date }): Promise<FindResult> =>
              this.stop ? { ok: false, reason: `posting is stopped: ${this.stop.reason}` } : findSent(channelId, reply, options),
          }
        : {}),
      ...(act
        ? {
            act: async (channelId: string, messageId: string, action: PostAction): Promise<ActionResult> =>
              this.stop ? { ok: false, retryable: true, reason: `posting is stopped: ${this.stop.reason}` } : act(channelId, messageId, action),
          }
        : {}),
      post: (channelId, reply, options) => guarded(() => poster.post(channelId, reply, options)),
    };
  }
}
