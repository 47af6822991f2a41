// Composition root: load config, build services, start transports and jobs.
import { loadConfig } from './config';
import { MemoryLibrary } from './articles/library';
import { ingestDirectory } from './articles/ingest';
import { systemClock, ManualClock, type Clock } from './core/clock';
import { createLogger } from './core/logger';
import { Status } from './core/status';
import { CommandRouter } from './core/router';
import type { Services } from './core/services';
import { runConsole } from './transports/console/console';
import { commands } from '../commands';
// reminders (issue 4)
import { openDatabase } from './store/db';
import { Scheduler } from './scheduler/scheduler';
import { startReminders } from './reminders/start';
import { ConsolePoster } from './transports/console/poster';
import { createDiscord } from './transports/discord/client';
// news monitoring (issue 6)
import { NewsMonitor } from './feeds/news';
// graceful shutdown (issue 7)
import { PassThrough } from 'node:stream';
import type { Logger } from 'pino';
// /ask and the parsed-article cache (issue 5)
import { useArticleCache } from './articles/ingest';
import { SqliteArticleCache } from './store/article-cache';
import { createAskService } from './answers/ask/service';

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`Herald cannot start: the configuration is invalid.\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const config = loaded.config;
  const clock: Clock = config.HERALD_FAKE_NOW ? fakeRunningClock(config.HERALD_FAKE_NOW) : systemClock;
  const interactive = !config.DISCORD_TOKEN && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // At a console prompt, a log line per command would bury the answers: the default level shows only warnings there.
  const log = createLogger(interactive && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, undefined, config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : []);

  const library = new MemoryLibrary();
  // Opened before ingestion so parsed articles come back from the cache on restart (issue 5).
  const db = openDatabase(config.DATABASE_PATH);
  useArticleCache(new SqliteArticleCache(db));
  const report = await ingestDirectory(library, config.ARTICLES_DIR, clock.now());
  for (const f of report.failed) log.warn({ file: f.file, error: f.error }, 'could not ingest an article');
  const status = new Status(clock.now(), library);
  const services: Services = { articles: library, status };
  services.ask = createAskService(library);
  services.ask.stats(); // builds the /ask index now rather than on the first question
  // ---- reminders (issue 4): SQLite store, due-scan job every 5 s, /remind, /status figures ----
  // The Discord client is built (not connected) here so its poster and channel check exist before the router.
  const discord = config.DISCORD_TOKEN ? createDiscord({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, log }) : undefined;
  if (discord) services.channels = discord.channels;
  const scheduler = new Scheduler(log, { unref: true });
  const poster = discord?.poster ?? new ConsolePoster(process.stdout, clock);
  services.reminders = await startReminders({ db, poster, clock, log, library, status, scheduler, config });
  scheduler.start();
  // ---- end reminders ----
  // ---- news monitoring (issue 6): feeds (FEEDS, FEED_POLL), articles-folder watch, /feed, /watch, stories ----
  const news = new NewsMonitor({
    db, library, poster, clock, log,
    feeds: config.FEEDS, pollSchedule: config.FEED_POLL, allowPrivate: config.ALLOW_PRIVATE_FEEDS, articlesDir: config.ARTICLES_DIR,
  });
  await news.start();
  news.contributeStatus(status);
  for (const job of news.jobs()) scheduler.add(job);
  scheduler.start();
  void scheduler.runNow('feeds.poll');
  services.feeds = news.feeds;
  services.watches = news.watches;
  services.stories = news.stories;
  // ---- end news monitoring ----
  const router = new CommandRouter({ commands, services, clock, log });
  services.commandList = () => router.commands;

  // ---- graceful shutdown (issue 7): what SIGINT/SIGTERM stop, in order, once ----
  // Piped console input goes through a stream Herald can end: readline then answers what it has and closes.
  const consoleInput = !config.DISCORD_TOKEN && !interactive ? process.stdin.pipe(new PassThrough()) : process.stdin;
  let consoleDone: Promise<void> = Promise.resolve();
  const closeStores = [
    { name: 'jobs', run: () => scheduler.stop() },
    { name: 'news', run: () => news.stop() },
    { name: 'database', run: () => db.close() },
  ];
  const shutdown = gracefulShutdown(log, [
    ...(discord ? [{ name: 'discord', run: () => discord.stop(3_000) }] : []),
    ...(consoleInput !== process.stdin ? [{ name: 'console', run: () => { process.stdin.unpipe(consoleInput); consoleInput.end(); return consoleDone; } }] : []),
    ...closeStores,
  ]);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal).then(() => process.exit(0)));
  // ---- end graceful shutdown ----

  if (!config.DISCORD_TOKEN) {
    const notes = [`Tracking ${library.size()} article${library.size() === 1 ? '' : 's'} from ${config.ARTICLES_DIR}.`, ...report.failed.map((f) => `Could not read ${f.file}: ${f.error}`)];
    consoleDone = runConsole({ router, input: consoleInput, output: process.stdout, isTTY: interactive, clock, notes });
    await consoleDone;
    // End of input: close what is open and let the process end by itself (unless a signal is already doing it).
    if (!shutdownStarted) for (const step of closeStores) await step.run();
    return;
  }
  // Minimal Discord wiring (added with reminders, issue 4); the lead's fuller branch may replace it.
  if (discord) {
    await discord.start({ router, guildId: config.DISCORD_GUILD_ID, clock });
  }
}

/** Graceful shutdown must finish within this, or the process exits 1 saying so (the issue's bound is 5 s). */
const SHUTDOWN_TIMEOUT_MS = 4_500;
let shutdownStarted: Promise<void> | undefined;

/**
 * One shutdown, however many signals arrive: runs each step in order (a failing step is logged and the
 * rest still run), with a hard timeout. Resolves when every step has finished.
 */
function gracefulShutdown(log: Logger, steps: { name: string; run: () => unknown }[]): (signal: string) => Promise<void> {
  return (signal) =>
    (shutdownStarted ??= (async () => {
      log.info({ signal }, 'shutting down: no new interactions; finishing those in flight');
      const hard = setTimeout(() => {
        log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS);
      for (const step of steps) {
        try {
          await step.run();
        } catch (error) {
          log.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      clearTimeout(hard);
      log.info({ signal }, 'shut down cleanly');
    })());
}

/** HERALD_FAKE_NOW: starts at the given instant, then runs at real speed. */
function fakeRunningClock(start: string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  void ManualClock;
  return { now: () => new Date(Date.now() + offset) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
