// Starts Herald's HTTP-interactions transport in-process against the fake Discord, which then POSTs its
// interactions to it signed with its own Ed25519 key pair, as Discord does. Same services as the gateway
// harness (test/e2e/bot-harness.ts): the seed article, the real router, captured logs.
import { ingestFile } from '../../../src/articles/ingest';
import { MemoryLibrary } from '../../../src/articles/library';
import { ManualClock, systemClock } from '../../../src/core/clock';
import type { Command } from '../../../src/core/command';
import { createLogger } from '../../../src/core/logger';
import { CommandRouter } from '../../../src/core/router';
import type { Services } from '../../../src/services';
import { Status } from '../../../src/core/status-snapshot';
import { createDiscord } from '../../../src/transports/discord/client';
import { RestChannelAccess } from '../../../src/transports/http/channel-access';
import { startHttpInteractions, type HttpTransport } from '../../../src/transports/http/start';
import { SEED_FILE, testCommands } from '../../e2e/bot-harness';
import type { FakeDiscord } from '../../e2e/fake-discord';

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
  const logs: string[] = [];
  const log = createLogger('debug', { write: (line: string) => void logs.push(line) }, [fake.token]);
  const clock = new ManualClock(options.now ?? '2026-11-27T12:00:00Z');
  const library = new MemoryLibrary();
  await ingestFile(library, SEED_FILE, clock.now());
  const services: Services = { articles: library, status: new Status(clock.now(), library) };
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
