// Starts Herald's Discord transport in-process against a fake Discord: the real router, the real commands
// (plus test-only ones), the seed article, and a logger whose every line is captured for assertions.
import { resolve } from 'node:path';
import { z } from 'zod';
import { ingestFile } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock } from '../../src/core/clock';
import { OptionType, type Command } from '../../src/core/command';
import { defineCommand } from '../../src/services';
import { createLogger } from '../../src/core/logger';
import { CommandRouter } from '../../src/core/router';
import { Status } from '../../src/core/status-snapshot';
import type { Services } from '../../src/services';
import { createDiscord, type DiscordTransport } from '../../src/transports/discord/client';
import { afterEach, beforeEach } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const SEED_FILE = resolve(repoRoot, 'data/articles/csto-border-plan.txt');

const echoArgs = z.object({
  subcommand: z.string().optional(),
  text: z.string().optional(),
  count: z.number().int().optional(),
  channel: z.string().optional(),
  loud: z.boolean().optional(),
});

/** Opened by tests to let the in-flight /gate command finish. */
export const gate = { open: () => undefined as void, reset(): Promise<void> { return new Promise<void>((resolve) => (gate.open = resolve)); } };
let gateOpened: Promise<void> = Promise.resolve();
/** Shaped like a Discord bot token (no real one): what a failing handler's error might carry. */
export const TOKEN_IN_ERROR = ['MTIzNDU2Nzg5MDEyMzQ1Njc4OTA', 'GHijkl', 'mnopqrstuvwxyzABCDEFGHIJKLMNOPQ'].join('.');
export function closeGate(): void {
  gateOpened = gate.reset();
}

/** Test-only commands exercising each path of the transport. */
export const testCommands: Command<any>[] = [
  defineCommand({ definition: { name: 'ping', description: 'Pong', contexts: [0, 1] }, args: z.object({}), defer: 'none', run: () => ({ content: 'pong' }) }),
  defineCommand({
    definition: { name: 'boom', description: 'Throws' },
    args: z.object({}),
    defer: 'none',
    run: () => {
      throw new Error('kaboom in a test command');
    },
  }),
  defineCommand({
    definition: {
      name: 'echo',
      description: 'Echoes what the transport delivered',
      contexts: [0, 1],
      options: [
        {
          type: OptionType.Subcommand,
          name: 'say',
          description: 'Say it',
          options: [
            { type: OptionType.String, name: 'text', description: 'Text' },
            { type: OptionType.Integer, name: 'count', description: 'Count' },
            { type: OptionType.Channel, name: 'channel', description: 'Channel' },
            { type: OptionType.Boolean, name: 'loud', description: 'Loud' },
          ],
        },
      ],
    },
    args: echoArgs,
    defer: 'none',
    run: (args, ctx) => ({ content: JSON.stringify({ args, caller: ctx.caller }) }),
  }),
  defineCommand({
    definition: { name: 'gate', description: 'Answers when the test opens the gate' },
    args: z.object({}),
    defer: 'public',
    run: async () => {
      await gateOpened;
      return { content: 'through the gate' };
    },
  }),
  defineCommand({
    definition: { name: 'sluggish', description: 'Answers without a deferral, once the test opens the gate', options: [{ type: OptionType.Boolean, name: 'private', description: 'Answer privately' }] },
    args: z.object({ private: z.boolean().optional() }),
    defer: 'none',
    run: async (args) => {
      await gateOpened;
      return { content: 'at last', ephemeral: args.private ?? false };
    },
  }),
  defineCommand({ definition: { name: 'slow', description: 'Defers publicly' }, args: z.object({}), defer: 'public', run: () => ({ embeds: [{ title: 'Done', description: 'After a defer.' }] }) }),
  defineCommand({ definition: { name: 'secret', description: 'Defers ephemerally' }, args: z.object({}), defer: 'ephemeral', run: () => ({ content: 'only you', ephemeral: true }) }),
  defineCommand({ definition: { name: 'oops', description: 'Defers publicly, then a user mistake' }, args: z.object({}), defer: 'public', run: () => ({ content: 'Say which article.', ephemeral: true }) }),
  defineCommand({ definition: { name: 'admin', description: 'Admins only', default_member_permissions: '32', contexts: [0, 1] }, args: z.object({}), defer: 'none', adminOnly: true, run: () => ({ content: 'admin ok' }) }),
  defineCommand({ definition: { name: 'hostile', description: 'Article text that tries to ping' }, args: z.object({}), defer: 'none', run: () => ({ content: '@everyone @here <@&123456789012345678> <@123456789012345678>', embeds: [{ title: '@everyone', description: '@here' }] }) }),
  defineCommand({
    definition: { name: 'pager', description: 'Pages with buttons' },
    args: z.object({}),
    defer: 'none',
    run: () => ({ content: 'page 1', buttons: [{ customId: 'pager:2', label: 'Next' }] }),
    // pager:late… answer when the test opens the gate (a press slower than Discord's 3 s).
    button: async (customId) => {
      if (customId.startsWith('pager:late')) await gateOpened;
      if (customId.endsWith('boom')) return { content: 'no longer', ephemeral: true };
      return { content: `page ${customId.split(':')[1]}`, buttons: [{ customId: 'pager:1', label: 'Back' }] };
    },
  }),
  defineCommand({
    definition: { name: 'pick', description: 'Autocomplete', options: [{ type: OptionType.String, name: 'fruit', description: 'Fruit', autocomplete: true }] },
    args: z.object({ fruit: z.string().optional() }),
    defer: 'none',
    run: ({ fruit }) => ({ content: `picked ${fruit}` }),
    autocomplete: async (option, value) => {
      // 'slow' answers when the test opens the gate (slower than Discord's 3 s); 'boom' throws with the token in its message.
      if (value === 'slow') await gateOpened;
      if (value === 'boom') throw new Error(`lookup failed for Bot ${TOKEN_IN_ERROR}`);
      return ['apple', 'apricot', 'banana'].filter((f) => f.startsWith(value)).map((f) => ({ name: `${option}: ${f}`, value: f }));
    },
  }),
];

export interface Bot {
  discord: DiscordTransport;
  logs: string[];
  services: Services;
  clock: ManualClock;
  stop(): Promise<void>;
}

/** What the gateway and HTTP harnesses serve: the seed article, a clock at `now`, a debug log captured in `logs` (the token scrubbed). */
export async function seedServices(fake: FakeDiscord, now = '2026-11-27T12:00:00Z') {
  const logs: string[] = [];
  const log = createLogger('debug', { write: (line: string) => void logs.push(line) }, [fake.token]);
  const clock = new ManualClock(now);
  const library = new MemoryLibrary();
  await ingestFile(library, SEED_FILE, clock.now());
  const services: Services = { articles: library, status: new Status(clock.now(), library) };
  return { logs, log, clock, services };
}

export interface BotPerTest {
  /** This test's fake Discord (1 s heartbeats). */
  fake: FakeDiscord;
  /** A bot on this test's fake, stopped after the test if the test did not stop it. */
  startBot(options?: Parameters<typeof startBot>[1]): Promise<Bot>;
}

/** Registers the hooks that give each test a fresh fake Discord and stop its bots and the fake after it: call at the top of a test file. */
export function botPerTest(): BotPerTest {
  let bots: Bot[] = [];
  const world = {
    startBot: async (options) => {
      const bot = await startBot(world.fake, options);
      bots.push(bot);
      return bot;
    },
  } as BotPerTest;
  beforeEach(async () => {
    world.fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  });
  afterEach(async () => {
    for (const bot of bots) await bot.stop();
    bots = [];
    await world.fake.close();
  });
  return world;
}

export async function startBot(fake: FakeDiscord, options: { commands?: Command<any>[]; guildId?: string; now?: string } = {}): Promise<Bot> {
  const { logs, log, clock, services } = await seedServices(fake, options.now);
  const router = new CommandRouter({ commands: options.commands ?? testCommands, services, clock, log });
  const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
  services.channels = discord.channels;
  await discord.start({ router, guildId: 'guildId' in options ? options.guildId : fake.guildId, clock });
  let stopped: Promise<void> | undefined;
  return { discord, logs, services, clock, stop: () => (stopped ??= discord.stop(1000)) };
}

/** Waits until a captured log line matches (the transport logs asynchronously after answering). */
export async function waitForLog(logs: string[], pattern: RegExp, timeoutMs = 5000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const line = logs.find((l) => pattern.test(l));
    if (line) return line;
    if (performance.now() > deadline) throw new Error(`no log line matched ${pattern}; last lines:\n${logs.slice(-10).join('')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
