// One "Herald process" worth of news monitoring for tests: a NewsMonitor on a database file, posting
// through the real DiscordPoster to the end-to-end fake Discord. Restart = close and build another on the
// same file.
import { SqliteFeedStore } from '../../src/store/feeds-sqlite';
import { REST } from 'discord.js';
import pino from 'pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLibrary } from '../../src/articles/library';
import type { Clock } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import { NewsMonitor, type NewsMonitorOptions } from '../../src/feeds/news';
import { openDatabase, type Db } from '../../src/store/db';
import { DiscordPoster } from '../../src/transports/discord/poster';
import type { FakeDiscord } from '../e2e/fake-discord';

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

export async function startInstance(
  dbPath: string,
  clock: Clock,
  poster: MessagePoster,
  options: Partial<Omit<NewsMonitorOptions, 'store' | 'library' | 'poster' | 'clock'>> & { library?: MemoryLibrary } = {},
): Promise<Instance> {
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

/** Polls `check` until it holds (file-system events arrive asynchronously); fails after `ms`. */
export async function eventually(check: () => boolean, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
