// The Discord transport's lifecycle: one discord.js Client (intents: Guilds only), slash-command sync at
// startup, interactions handed to the router, and the poster/channel check other features use.
import { Client, Events, GatewayIntentBits, type RateLimitData } from 'discord.js';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import type { MessagePoster } from '../../core/poster';
import type { CommandRouter } from '../../core/router';
import type { AttachmentReader, ChannelAccess } from '../../core/transport-services';
import { DiscordAttachments } from './attachments';
import { DiscordChannelAccess } from './channel-access';
import { InteractionHandler } from './interactions';
import { DiscordPoster } from './poster';
import { DiscordWebhookMaker } from './webhooks';
import type { WebhookMaker } from '../../feeds/webhooks';
import { syncCommands, type SyncOutcome } from './sync';

export interface DiscordClientOptions {
  token: string;
  /** REST base such as https://discord.com/api (DISCORD_API_URL); the gateway is discovered through it. */
  apiUrl?: string;
  log: Logger;
  /** REST retries of a request that got a 5xx or a network error (default 1; discord.js's own is 3). */
  restRetries?: number;
  /** REST request timeout in ms (default 10 s; discord.js's own is 15 s). */
  restTimeoutMs?: number;
  /** discord.js's own cap on requests per second (default 50, Discord's global limit); benchmarks against the fake Discord lift it. */
  restGlobalRequestsPerSecond?: number;
}

export interface DiscordStartOptions {
  router: CommandRouter;
  /** Register commands in this guild (DISCORD_GUILD_ID) instead of globally. */
  guildId?: string;
  clock: Clock;
  /** Compare and register slash commands after login (default true). */
  syncCommands?: boolean;
}

export interface DiscordTransport {
  client: Client;
  poster: MessagePoster;
  channels: ChannelAccess;
  /** Reads files attached to commands (/feed import). */
  attachments: AttachmentReader;
  /** Creates and deletes the webhooks of webhook delivery (/watch webhook). */
  webhooks: WebhookMaker;
  /** 'registered' | 'unchanged' after start(); 'failed' when Discord refused (logged); 'skipped'. */
  sync?: SyncOutcome | 'failed' | 'skipped';
  /** Stops taking interactions, lets those in flight finish (≤ timeoutMs, default 4 s), then disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Builds the client, poster and channel check without connecting, so they can be handed to services
 * before the router exists. Call `start` to log in.
 */
export function createDiscord(options: DiscordClientOptions): DiscordTransport & { start(o: DiscordStartOptions): Promise<DiscordTransport> } {
  const log = options.log.child({ transport: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl.replace(/\/+$/, '') } : {}),
      retries: options.restRetries ?? 1,
      timeout: options.restTimeoutMs ?? 10_000,
      globalRequestsPerSecond: options.restGlobalRequestsPerSecond ?? 50,
      // Channel posts belong to callers with their own backoff (reminders): a rate limit longer than a
      // second comes back to them as a retryable result instead of parking the request inside REST.
      rejectOnRateLimit: (data: RateLimitData) => data.method.toUpperCase() === 'POST' && /^\/channels\/:id\/messages$/.test(data.route) && Math.max(data.retryAfter, data.timeToReset) > 1000,
    },
  });
  client.rest.setToken(options.token);
  const poster = new DiscordPoster(client.rest, log);
  const channels = new DiscordChannelAccess(client, log);
  const attachments = new DiscordAttachments({ apiUrl: options.apiUrl });
  const webhooks = new DiscordWebhookMaker(client.rest, log);
  let handler: InteractionHandler | undefined;

  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on('rateLimited', (info) => log.debug({ route: info.route, retryAfter: info.retryAfter, scope: info.scope }, 'rate limited'));

  const transport = {
    client,
    poster,
    channels,
    attachments,
    webhooks,
    sync: undefined as DiscordTransport['sync'],
    async start(start: DiscordStartOptions): Promise<DiscordTransport> {
      handler = new InteractionHandler(start.router, log);
      client.on(Events.InteractionCreate, handler.onInteraction);
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
      if (start.syncCommands === false) transport.sync = 'skipped';
      else {
        try {
          const appId = client.application?.id ?? client.user!.id;
          transport.sync = await syncCommands(client.rest, appId, start.router.commands.map((c) => c.definition), log, start.guildId);
        } catch (error) {
          transport.sync = 'failed';
          log.error({ err: error }, 'slash command sync failed; existing registrations stay as they are');
        }
      }
      return transport;
    },
    async stop(timeoutMs = 4_000): Promise<void> {
      await handler?.drain(timeoutMs);
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
  return transport;
}

/** Creates the transport and logs in: `const discord = await startDiscord({ token, apiUrl, guildId, router, log, clock })`. */
export async function startDiscord(options: DiscordClientOptions & DiscordStartOptions): Promise<DiscordTransport> {
  return createDiscord(options).start(options);
}
