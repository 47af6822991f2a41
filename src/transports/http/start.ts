// The HTTP-interactions transport's lifecycle (INTERACTIONS=http): checks the configured public key against
// the application's, registers slash commands like the gateway transport does, and serves the endpoint.
// Stateless: any number of replicas can run behind a load balancer; each answers what it is sent.
import { Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import type { CommandRouter } from '../../core/router';
import { syncCommands, type SyncOutcome } from '../discord/sync';
import { HttpInteractionHandler } from './interactions';
import { startInteractionsServer, type InteractionsServer } from './server';
import type { ReplayStore } from './replays';
import { publicKeyFromHex } from './verify';

export interface HttpTransportOptions {
  /** DISCORD_PUBLIC_KEY: the application's public key (64 hex digits). */
  publicKey: string;
  host: string;
  port: number;
  router: CommandRouter;
  /** REST with the bot token (channel posts share it); interaction webhooks are called without auth. */
  rest: REST;
  log: Logger;
  clock: Clock;
  /** Register commands in this guild (DISCORD_GUILD_ID) instead of globally. */
  guildId?: string;
  /** Compare and register slash commands at start (default true). */
  syncCommands?: boolean;
  /** The database answers (for /healthz). */
  healthy?: () => boolean;
  /** Interaction ids already received, in the database the replicas share (replay refusal across them). */
  replays?: ReplayStore;
  /** Tests: defer sooner than Discord's 3 s needs. */
  deferAfterMs?: number;
  /** Tests: at most one "refused" log line per this many ms (default 10 s). */
  refusalLogMs?: number;
}

export interface HttpTransport {
  server: InteractionsServer;
  handler: HttpInteractionHandler;
  sync: SyncOutcome | 'failed' | 'skipped';
  /** Stops taking interactions, lets follow-ups in flight finish (≤ timeoutMs), then closes the port. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startHttpInteractions(o: HttpTransportOptions): Promise<HttpTransport> {
  const log = o.log.child({ transport: 'http' });
  const publicKey = publicKeyFromHex(o.publicKey);
  let sync: HttpTransport['sync'] = 'skipped';
  if (o.syncCommands !== false) {
    try {
      const app = (await o.rest.get(Routes.currentApplication())) as { id: string; verify_key?: string };
      // A wrong key refuses every request Discord sends: say so at start rather than leave the bot silent.
      if (app.verify_key && app.verify_key.toLowerCase() !== o.publicKey.toLowerCase()) {
        log.error({ applicationId: app.id }, 'DISCORD_PUBLIC_KEY is not this application\'s public key: Discord\'s requests will all be refused (401)');
      }
      sync = await syncCommands(o.rest, app.id, o.router.commands.map((c) => c.definition), log, o.guildId);
    } catch (error) {
      sync = 'failed';
      log.error({ err: error }, 'slash command sync failed; existing registrations stay as they are');
    }
  }
  const handler = new HttpInteractionHandler(o.router, o.rest, log, { deferAfterMs: o.deferAfterMs });
  const server = await startInteractionsServer({
    host: o.host,
    port: o.port,
    publicKey,
    clock: o.clock,
    log,
    respond: (i) => handler.respond(i),
    accepting: () => handler.accepting,
    healthy: o.healthy ?? (() => true),
    refusalLogMs: o.refusalLogMs,
    replays: o.replays,
  });
  return {
    server,
    handler,
    sync,
    async stop(timeoutMs = 4_000): Promise<void> {
      await handler.drain(timeoutMs);
      await server.close();
      log.info('interactions endpoint closed');
    },
  };
}
