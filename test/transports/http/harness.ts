// Starts Herald's HTTP-interactions transport in-process against the fake Discord, which then POSTs its
// interactions to it signed with its own Ed25519 key pair, as Discord does. Same services as the gateway
// harness (test/e2e/bot-harness.ts): the seed article, the real router, captured logs.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { systemClock, type ManualClock } from '../../../src/core/clock';
import type { Command } from '../../../src/core/command';
import { CommandRouter } from '../../../src/core/router';
import type { Services } from '../../../src/services';
import { createDiscord } from '../../../src/transports/discord/client';
import { RestChannelAccess } from '../../../src/transports/http/channel-access';
import { startHttpInteractions, type HttpTransport } from '../../../src/transports/http/start';
import { repoRoot, seedServices, testCommands } from '../../e2e/bot-harness';
import type { FakeDiscord } from '../../e2e/fake-discord';

/** A /ping command interaction as Discord sends it (a fresh id and token each time), from a member in #general. */
export function pingInteraction(fake: FakeDiscord): string {
  return JSON.stringify({
    id: fake.snowflake(),
    application_id: fake.applicationId,
    type: 2,
    token: `itk_${randomBytes(24).toString('base64url')}`,
    version: 1,
    guild_id: fake.guildId,
    channel_id: fake.channels.general,
    member: { user: { id: fake.users.member, username: 'member' }, roles: [], permissions: '0' },
    data: { id: '1', name: 'ping', type: 1 },
  });
}

/** The environment of a Herald child process taking interactions over HTTP from the fake Discord (on any free port), with the seed articles. */
export function httpHeraldEnv(fake: FakeDiscord): Record<string, string> {
  return {
    INTERACTIONS: 'http',
    DISCORD_PUBLIC_KEY: fake.interactionsPublicKey,
    PORT: '0',
    INTERACTIONS_HOST: '127.0.0.1',
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
    ARTICLES_DIR: resolve(repoRoot, 'data/articles'),
    LOG_LEVEL: 'info',
  };
}

export interface HttpBot {
  http: HttpTransport;
  router: CommandRouter;
  services: Services;
  logs: string[];
  clock: ManualClock;
  url: string;
  stop(): Promise<void>;
}

export async function startHttpBot(
  fake: FakeDiscord,
  options: { commands?: Command<any>[]; now?: string; deferAfterMs?: number; refusalLogMs?: number; services?: (s: Services) => void; publicKey?: string } = {},
): Promise<HttpBot> {
  const { logs, log, clock, services } = await seedServices(fake, options.now);
  options.services?.(services);
  const router = new CommandRouter({ commands: options.commands ?? testCommands, services, clock, log });
  // The client is only a REST holder here: it never logs in to the gateway.
  const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
  services.channels = new RestChannelAccess(discord.client.rest, log);
  const http = await startHttpInteractions({
    publicKey: options.publicKey ?? fake.interactionsPublicKey,
    host: '127.0.0.1',
    port: 0,
    router,
    rest: discord.client.rest,
    log,
    clock: systemClock,
    guildId: fake.guildId,
    deferAfterMs: options.deferAfterMs,
    refusalLogMs: options.refusalLogMs,
  });
  fake.useInteractionsEndpoint(http.server.url);
  return {
    http,
    router,
    services,
    logs,
    clock,
    url: http.server.url,
    async stop() {
      await http.stop(1000);
      await discord.client.destroy();
      fake.useGateway();
    },
  };
}
