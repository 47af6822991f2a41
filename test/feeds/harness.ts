// One "Herald process" worth of news monitoring for tests: a NewsMonitor on a database file, posting
// through the real DiscordPoster to the end-to-end fake Discord. Restart = close and build another on the
// same file.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SqliteFeedStore } from '../../src/store/feeds';
import { REST } from 'discord.js';
import pino from 'pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock, type Clock } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import { NewsMonitor, type NewsMonitorOptions } from '../../src/feeds/news';
import { openDatabase, type Db } from '../../src/store/db';
import { DiscordPoster } from '../../src/transports/discord/poster';
import { CommandRouter } from '../../src/core/router';
import { Status } from '../../src/core/status-snapshot';
import type { HeraldCommand, Services } from '../../src/services';
import { createDiscord } from '../../src/transports/discord/client';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { startFeedServer, type FeedServer } from './feed-server';

export const silent = pino({ level: 'silent' });

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function discordPoster(fake: FakeDiscord): MessagePoster {
  const rest = new REST({ api: fake.apiUrl, retries: 0, timeout: 5000 }).setToken(fake.token);
  return new DiscordPoster(rest, silent, { timeoutMs: 5000 });
}

export const noDns = async (host: string): Promise<{ address: string; family: number }[]> => {
  throw Object.assign(new Error(`no DNS in tests (${host})`), { code: 'ENOTFOUND' });
};

export interface Instance {
  news: NewsMonitor;
  library: MemoryLibrary;
  db: Db;
  stop(): Promise<void>;
}

export type InstanceOptions = Partial<Omit<NewsMonitorOptions, 'store' | 'library' | 'poster' | 'clock'>> & { library?: MemoryLibrary };

export async function startInstance(dbPath: string, clock: Clock, poster: MessagePoster, options: InstanceOptions = {}): Promise<Instance> {
  const db = openDatabase(dbPath);
  const library = options.library ?? new MemoryLibrary();
  const news = new NewsMonitor({
    store: new SqliteFeedStore(db),
    library,
    poster,
    clock,
    log: silent,
    feeds: [],
    pollSchedule: '*/10 * * * *',
    allowPrivate: true,
    // Tests never depend on real DNS: names fail at once (feeds and pages are served from 127.0.0.1).
    fetch: { timeoutMs: 3000, connectTimeoutMs: 2000, resolve: noDns },
    ...options,
  });
  await news.start();
  return {
    news,
    library,
    db,
    stop: async () => {
      await news.stop();
      db.close();
    },
  };
}

export interface FeedTestBed {
  /** For the whole file: the feed server, the fake Discord, and the real DiscordPoster posting to it. */
  server: FeedServer;
  fake: FakeDiscord;
  poster: MessagePoster;
  /** For each test: its number (for fixture names and paths), its own database file, a clock at 2024-11-27T10:00Z. */
  n: number;
  dbPath: string;
  clock: ManualClock;
  /** An instance on this test's database and clock, posting through `poster`. */
  start(options?: InstanceOptions): Promise<Instance>;
}

/** Registers the hooks that keep a FeedTestBed: call it at the top of a test file. */
export function feedTestBed(prefix: string): FeedTestBed {
  const bed = { n: 0 } as FeedTestBed;
  bed.start = (options) => startInstance(bed.dbPath, bed.clock, bed.poster, options);
  beforeAll(async () => {
    bed.server = await startFeedServer();
    bed.fake = await startFakeDiscord();
    bed.poster = discordPoster(bed.fake);
  });
  afterAll(async () => {
    await bed.server.close();
    await bed.fake.close();
  });
  beforeEach(() => {
    bed.n++;
    bed.dbPath = join(tempDir(prefix), 'herald.db');
    bed.clock = new ManualClock('2024-11-27T10:00:00Z');
  });
  return bed;
}

export interface NewsOverDiscord {
  fake: FakeDiscord;
  server: FeedServer;
  discord: ReturnType<typeof createDiscord>;
  herald: Instance;
  /** The /status source the news monitor reports to. */
  status: Status;
  stop(): Promise<void>;
}

/**
 * The feeds e2e tests' world: a fake Discord, a feed server, and a Herald instance (its own database in a
 * temp folder) behind the real discord.js client, with `commands` routed over the gateway and every news
 * service (feeds, watches, deliveries, OPML) and Discord's channels and attachments in the services.
 * Registers the hooks that start it before the file's tests and stop it after them: call it at the top.
 */
export function newsOverDiscord(options: Parameters<typeof startNewsOverDiscord>[0]): NewsOverDiscord {
  const world = {} as NewsOverDiscord;
  beforeAll(async () => void Object.assign(world, await startNewsOverDiscord(options)));
  afterAll(() => world.stop());
  return world;
}

async function startNewsOverDiscord(options: {
  commands: HeraldCommand<any>[];
  clock: Clock;
  log?: pino.Logger;
  /** The instance's options; given the Discord transport (for its webhook maker). */
  instance?: (discord: ReturnType<typeof createDiscord>) => InstanceOptions;
}): Promise<NewsOverDiscord> {
  const { clock, log = silent } = options;
  const fake = await startFakeDiscord();
  const server = await startFeedServer();
  const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
  const herald = await startInstance(join(tempDir('herald-news-e2e-'), 'h.db'), clock, discord.poster, options.instance?.(discord));
  const status = new Status(clock.now(), herald.library);
  herald.news.contributeStatus(status);
  const services: Services = {
    articles: herald.library,
    status,
    channels: discord.channels,
    feeds: herald.news.feeds,
    watches: herald.news.watches,
    deliveries: herald.news.deliveries,
    opml: herald.news.opml,
    attachments: discord.attachments,
  };
  const router = new CommandRouter({ commands: options.commands, services, clock, log });
  await discord.start({ router, guildId: fake.guildId, clock });
  await fake.waitForReady();
  return {
    fake,
    server,
    discord,
    herald,
    status,
    async stop() {
      await herald.stop();
      await discord.stop();
      await fake.close();
      await server.close();
    },
  };
}

/** Polls `check` until it holds (file-system events arrive asynchronously); fails after `ms`. */
export async function eventually(check: () => boolean, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
