// Composition root: load config, build services, start transports and jobs. The only place that
// reads the real clock and decides between Discord and the local console.
import { PassThrough } from 'node:stream';
import { commands } from '../commands';
import { loadConfig } from './config';
import { MemoryLibrary } from './articles/library';
import { ingestDirectory, type IngestOptions } from './articles/ingest';
import { createAskService } from './answers/ask/service';
import { clockStartingAt, systemClock, type Clock } from './core/clock';
import { createLogger } from './core/logger';
import { scrubbingPoster } from './core/poster';
import { createScrubber } from './core/secrets';
import { CommandRouter } from './core/router';
import type { Services } from './core/services';
import { Shutdown } from './core/shutdown';
import { Status } from './core/status';
import { NewsMonitor } from './feeds/news';
import { noMetrics } from './core/metrics';
import { PrometheusMetrics } from './status/metrics';
import { startStatus } from './status/start';
import { observeRest } from './transports/discord/metrics';
import { TimelinePictures } from './pictures/timeline-picture';
import { startReminders } from './reminders/start';
import { Scheduler } from './scheduler/scheduler';
import { AdvisoryLeadership } from './scheduler/leader';
import { loggingLeadership, SoleLeadership } from './scheduler/leadership';
import { DatabaseRefusedError } from './store/db';
import { openStores } from './store/open';
import type { Stores } from './store/stores';
import { StoryIndex } from './stories/index';
import { runConsole } from './transports/console/console';
import { ConsolePoster } from './transports/console/poster';
import { createDiscord } from './transports/discord/client';
import { RestChannelAccess } from './transports/http/channel-access';
import { startHttpInteractions, type HttpTransport } from './transports/http/start';

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`Herald cannot start: the configuration is invalid.\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const config = loaded.config;
  const clock: Clock = config.HERALD_FAKE_NOW ? clockStartingAt(config.HERALD_FAKE_NOW) : systemClock;
  const interactive = !config.DISCORD_TOKEN && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // In the console mode a log line per command would bury the answers: unless LOG_LEVEL says otherwise, only warnings.
  // Every secret Herald knows (the token, *_KEY values, from the environment and .env) is scrubbed from logs, replies and posts.
  const secrets = [...new Set([...(config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : []), ...loaded.secrets])];
  const scrub = createScrubber(secrets);
  const log = createLogger(config.LOG_LEVEL ?? (config.DISCORD_TOKEN ? 'info' : 'warn'), undefined, secrets);

  // A bug that escapes every handler is logged and shown as /status's last error, not a crash of the whole bot.
  let status: Status | undefined;
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled rejection');
    status?.recordError({ message: reason instanceof Error ? reason.message : String(reason) }, clock.now());
  });

  // Articles: the database is opened first so unchanged files come back from the parsed-article cache.
  let stores: Stores;
  try {
    stores = await openStores(config, log);
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError)) throw error;
    log.fatal({ path: config.DATABASE_PATH }, error.message);
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // The same cache and file policy serve the first ingestion and the folder watcher (handed to news below).
  const ingest: IngestOptions = { cache: stores.articleCache, policy: { links: config.ARTICLES_SYMLINKS, maxBytes: config.ARTICLE_MAX_SIZE } };
  const library = new MemoryLibrary();
  // Metrics are kept only when the status server that shows them runs.
  const prometheus = config.STATUS_PORT !== undefined ? new PrometheusMetrics() : undefined;
  const metrics = prometheus ?? noMetrics;
  const ingestStarted = performance.now();
  const report = await ingestDirectory(library, config.ARTICLES_DIR, clock.now(), ingest);
  metrics.ingestion('startup', (performance.now() - ingestStarted) / 1000);
  for (const f of report.failed) log.warn({ file: f.file, error: f.error }, 'could not ingest an article');

  status = new Status(clock.now(), library);
  const services: Services = { articles: library, status };
  services.ask = createAskService(library);
  services.ask.stats(); // builds the /ask index now rather than on the first question
  services.pictures = new TimelinePictures();

  // The Discord client is built (not connected) here so its poster and channel check exist before the router.
  // INTERACTIONS=http: the same client posts over REST but never connects; Discord POSTs interactions to PORT.
  const overHttp = config.INTERACTIONS === 'http';
  const discord = config.DISCORD_TOKEN ? createDiscord({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, log }) : undefined;
  if (discord) services.channels = overHttp ? new RestChannelAccess(discord.client.rest, log.child({ transport: 'http' })) : discord.channels;
  if (discord) observeRest(discord.client, metrics);
  const poster = scrubbingPoster(discord?.poster ?? new ConsolePoster(process.stdout, clock), scrub);
  // Scheduled jobs run in the leader only. SQLite: one process per database, so it always leads.
  // Gateway processes on one PostgreSQL database all run the jobs and share the work (claims make every
  // post happen once); HTTP-interaction replicas run them on one leader at a time.
  const leadership = loggingLeadership(
    overHttp && stores.presence ? new AdvisoryLeadership(stores.presence) : new SoleLeadership(),
    log.child({ feature: 'scheduler' }),
  );
  const scheduler = new Scheduler(log, { unref: true, leadership });

  // One story index for reminders (dates a newer article moved) and announcements (updates to a story).
  const stories = new StoryIndex(library);
  // Reminders: after the initial ingestion, since startup cancels pending reminders of articles no longer tracked.
  services.reminders = await startReminders({ store: stores.reminders, poster, clock, log, library, status, scheduler, stories, config, metrics });

  // News monitoring: feeds, the articles-folder watch, announcements and story linking.
  const news = new NewsMonitor({
    store: stores.feeds, shared: stores.kind === 'postgres', library, poster, clock, log, stories, metrics,
    feeds: config.FEEDS, pollSchedule: config.FEED_POLL, allowPrivate: config.ALLOW_PRIVATE_FEEDS, articlesDir: config.ARTICLES_DIR, ingest,
  });
  await news.start();
  news.contributeStatus(status);
  for (const job of news.jobs()) scheduler.add(job);
  services.feeds = news.feeds;
  services.watches = news.watches;
  services.stories = news.stories;

  scheduler.start();
  void scheduler.runNow('feeds.poll');

  const router = new CommandRouter({ commands, services, clock, log, scrub, metrics });
  services.commandList = () => router.commands;

  // The status server (STATUS_PORT) starts before Discord connects, so /healthz says 503 until it has.
  let http: HttpTransport | undefined;
  const statusServer = prometheus
    ? await startStatus({
        config: { STATUS_PORT: config.STATUS_PORT ?? 0, STATUS_HOST: config.STATUS_HOST, STATUS_TOKEN: config.STATUS_TOKEN },
        status, metrics: prometheus, database: stores, clock, log, scrub,
        discord: discord && { ready: () => discord.client.isReady(), servers: () => discord.client.guilds.cache.size },
        ...(overHttp ? { http: { serving: () => http?.server.serving() ?? false } } : {}),
      })
    : undefined;

  // SIGINT/SIGTERM: stop taking interactions, finish those in flight, stop jobs, close the database.
  // Piped console input goes through a stream Herald can end: readline then answers what it has and closes.
  const consoleInput = !config.DISCORD_TOKEN && !interactive ? process.stdin.pipe(new PassThrough()) : process.stdin;
  let consoleDone: Promise<void> = Promise.resolve();
  const closeStores = [
    ...(statusServer ? [{ name: 'status server', run: () => statusServer.close() }] : []),
    { name: 'jobs', run: () => scheduler.stop() },
    { name: 'leadership', run: () => leadership.release() },
    { name: 'news', run: () => news.stop() },
    { name: 'database', run: () => stores.close() },
  ];
  const shutdown = new Shutdown(log, [
    ...(overHttp ? [{ name: 'interactions endpoint', run: () => http?.stop(3_000) }] : discord ? [{ name: 'discord', run: () => discord.stop(3_000) }] : []),
    ...(consoleInput !== process.stdin ? [{ name: 'console', run: () => { process.stdin.unpipe(consoleInput); consoleInput.end(); return consoleDone; } }] : []),
    ...closeStores,
  ]);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown.run(signal).then(() => process.exit(0)));

  if (discord && overHttp) {
    http = await startHttpInteractions({
      publicKey: config.DISCORD_PUBLIC_KEY!,
      host: config.INTERACTIONS_HOST,
      port: config.PORT!,
      router,
      rest: discord.client.rest,
      log,
      // Signature timestamps are Discord's real time, whatever HERALD_FAKE_NOW says.
      clock: systemClock,
      guildId: config.DISCORD_GUILD_ID,
      healthy: () => stores.answers(),
    });
    return;
  }
  if (discord) {
    await discord.start({ router, guildId: config.DISCORD_GUILD_ID, clock });
    return;
  }
  const notes = [`Tracking ${library.size()} article${library.size() === 1 ? '' : 's'} from ${config.ARTICLES_DIR}.`, ...report.failed.map((f) => `Could not read ${f.file}: ${f.error}`)];
  consoleDone = runConsole({ router, input: consoleInput, output: process.stdout, isTTY: interactive, clock, notes });
  await consoleDone;
  // End of input: close what is open and let the process end by itself (unless a signal is already doing it).
  if (!shutdown.started) for (const step of closeStores) await step.run();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
