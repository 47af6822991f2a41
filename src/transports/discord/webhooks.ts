// Creates and deletes the webhooks webhook delivery posts through (/watch webhook), over the client's
// REST. Creating one needs Manage Webhooks for Herald in that channel; without it the caller falls back
// to Herald's own messages and shows why.
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import type { WebhookMaker } from '../../feeds/webhooks';
import { classifyPostError } from './poster';

export class DiscordWebhookMaker implements WebhookMaker {
  constructor(
    private readonly rest: REST,
    private readonly log: Logger,
  ) {}

  async create(channelId: string, name: string): Promise<{ ok: true; id: string; token: string } | { ok: false; reason: string; missingPermission: boolean }> {
    try {
      const hook = (await this.rest.post(Routes.channelWebhooks(channelId), { body: { name }, signal: AbortSignal.timeout(15_000) })) as { id: string; token?: string };
      if (!hook.token) return { ok: false, reason: 'Discord created the webhook without a token', missingPermission: false };
      return { ok: true, id: hook.id, token: hook.token };
    } catch (error) {
      if (error instanceof DiscordAPIError && error.status === 403) {
        return { ok: false, reason: 'Herald is missing Manage Webhooks in this channel', missingPermission: true };
      }
      const result = classifyPostError(error);
      this.log.warn({ channelId, reason: result.reason }, 'could not create a webhook');
      return { ok: false, reason: `Discord refused the webhook: ${result.reason}`, missingPermission: false };
    }
  }

  async remove(id: string, token: string): Promise<void> {
    try {
      await this.rest.delete(Routes.webhook(id, token), { auth: false, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      const result = classifyPostError(error);
      this.log.info({ reason: result.reason }, 'webhook not deleted (already gone?)');
    }
  }
}
