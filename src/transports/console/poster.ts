// Scheduled posts in console mode: printed as "[#channel] …" instead of sent to Discord.
import type { Clock } from '../../core/clock';
import type { MessagePoster, PostResult } from '../../core/poster';
import type { Reply } from '../../core/reply';
import { renderReplyText } from './render-text';

export class ConsolePoster implements MessagePoster {
  private count = 0;

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly clock: Clock,
    /** Channel id → name, when known. */
    private readonly channelName: (channelId: string) => string | undefined = () => undefined,
  ) {}

  async post(channelId: string, reply: Reply): Promise<PostResult> {
    this.count += 1;
    const text = renderReplyText(reply, this.clock.now()).split('\n').join('\n  ');
    this.output.write(`[#${this.channelName(channelId) ?? channelId}] ${text}\n`);
    return { ok: true, messageId: `console-post-${this.count}`, channelId };
  }

  /** A member's own reminder: printed as a direct message to them. */
  async postDirect(userId: string, reply: Reply): Promise<PostResult> {
    this.count += 1;
    const text = renderReplyText(reply, this.clock.now()).split('\n').join('\n  ');
    this.output.write(`[DM to ${userId}] ${text}\n`);
    return { ok: true, messageId: `console-post-${this.count}`, channelId: `dm-${userId}` };
  }
}
