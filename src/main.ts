// Composition root: load config, build services, start transports and jobs. The only place that
// reads the real clock and decides between Discord and the local console.
import { PassThrough } from 'node:stream';
import { inspect } from 'node:util';
import { commands } from '../commands';
import { loadConfig } from './config';
import { MemoryLibrary } from './articles/library';
import { keepParserWarm, warmParser, type IngestOptions } from './articles/ingest';
import { ArticleScopes, ScopedLibrary } from './articles/scopes';
import { viewFor } from './servers/view';
import { createAskService } from './answers/ask/ask';
import { clockStartingAt, systemClock, type Clock } from './core/clock';
import { createLogger } from './core/logger';
import { scrubbingPoster } from './core/poster';
import { PostingGate } from './core/posting';
import { addSecret, createScrubber, secretValues, type Scrub } from './core/secrets';
import { CommandRouter } from './core/router';
import type { Services } from './services';
import { Shutdown } from './core/shutdown';
import { Status } from './core/status-snapshot';
import { NewsMonitor } from './feeds/news';
import { noMetrics } from './core/metrics';
import { PrometheusMetrics } from './status/metrics';
import { startStatus } from './status/start';
import { observeRest } from './transports/discord/metrics';
import { PictureThread } from './pictures/picture-thread';
import { startReminders } from './reminders/start';
import type { Reminders } from './reminders/reminders';
import type { MemberReminders } from './reminders/member-reminders';
import { Scheduler } from './scheduler/scheduler';
import { AdvisoryLeadership } from './store/postgres/leadership';
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
  knownSecrets = secrets;
  const scrub = createScrubber(secrets);
  const log = createLogger(config.LOG_LEVEL ?? (config.DISCORD_TOKEN ? 'info' : 'warn'), undefined, secrets);

  // A bug that escapes every handler is logged and shown as /status's last error, not a crash of the whole bot.
  let status: Status | undefined;
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled rejection');
    // Servers' /status says only that one happened: its message may carry any server's data (a feed URL).
    status?.recordError({ message: reason instanceof Error ? reason.message : String(reason), toServers: 'an unexpected internal error (the operator has the details in the log)' }, clock.now());
  });

  // Articles: the database is opened first so unchanged files come back from the parsed-article cache.
  let stores: Stores;
  try {
    stores = await openStores(config, log);
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError)) throw error;
    log.fatal({ path: config.DATABASE_PATH }, error.message);
    process.stderr.write(`${scrub(error.message)}\n`);
    process.exit(1);
  }
  // The same cache and file policy serve the start-up load and the folder watcher (handed to news below).
  const ingest: IngestOptions = { cache: stores.articleCache, policy: { links: config.ARTICLES_SYMLINKS, maxBytes: config.ARTICLE_MAX_SIZE } };
  // The library fills while Herald already answers: commands answer from what is loaded and say so.
  const library = new MemoryLibrary();
  library.setLoading({ done: 0, total: 0 });
  // Metrics are kept only when the status server that shows them runs.
  const prometheus = config.STATUS_PORT !== undefined ? new PrometheusMetrics() : undefined;
  const metrics = prometheus ?? noMetrics;

  // Per-server libraries: the operator's articles (ARTICLES_DIR, FEEDS) are everyone's; a server's own
  // /feed add items are that server's, in every command, reminder, announcement and /status.
  const scopes = new ArticleScopes(library);
  status = new Status(clock.now(), library, (guildId) => new ScopedLibrary(library, scopes, guildId));
  const services: Services = { articles: library, status };
  services.ask = createAskService(library);
  services.ask.stats(); // the /ask index exists from the start and follows the library as it loads
  // /timeline pictures are drawn on a thread of their own (src/pictures/picture-thread.ts), started by the
  // first picture asked for and ended when idle: the first picture's one-off costs (fonts, compiling) are
  // that thread's, not the main thread's.
  services.pictures = new PictureThread();

  // The Discord client is built (not connected) here so its poster and channel check exist before the router.
  // INTERACTIONS=http: the same client posts over REST but never connects; Discord POSTs interactions to PORT.
  const overHttp = config.INTERACTIONS === 'http';
  const discord = config.DISCORD_TOKEN ? createDiscord({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, log }) : undefined;
  if (discord) {
    services.channels = overHttp ? new RestChannelAccess(discord.client.rest, log.child({ transport: 'http' })) : discord.channels;
    services.attachments = discord.attachments;
  }
  if (discord) observeRest(discord.client, metrics);
  // A 401 from Discord stops all posting (discord.js has cleared its token): reminders and announcements
  // stop claiming, /status says so, and Herald exits non-zero below so its supervisor restarts it.
  const posting = new PostingGate();
  const poster = posting.guard(scrubbingPoster(discord?.poster ?? new ConsolePoster(process.stdout, clock), scrub), clock);
  status.contribute(() => ({ postingStopped: posting.stopped() }));
  // Scheduled jobs run in the leader only. SQLite: one process per database, so it always leads.
  // Gateway processes on one PostgreSQL database all run the jobs and share the work (claims make every
  // post happen once); HTTP-interaction replicas run them on one leader at a time.
  const leadership = loggingLeadership(
    overHttp && stores.presence ? new AdvisoryLeadership(stores.presence) : new SoleLeadership(),
    log.child({ feature: 'scheduler' }),
  );
  const scheduler = new Scheduler(log, { unref: true, leadership });

  // One story index for reminders (dates a newer article moved) and announcements (updates to a story),
  // built as the library loads.
  const stories = new StoryIndex(library);
  let reminders: (Reminders & { members?: MemberReminders }) | undefined;
  const failed: { file: string; error: string }[] = [];
  // News monitoring: feeds, the articles-folder watch (whose first scan is the start-up load), announcements.
  const news = new NewsMonitor({
    store: stores.feeds, shared: stores.kind === 'postgres', library, poster, clock, log, stories, metrics,
    // Webhook delivery: webhooks made over Discord's REST; their tokens join the secrets every scrubber reads.
    webhookMaker: discord?.webhooks, addSecret: (value) => addSecret(secrets, value),
    feeds: config.FEEDS, pollSchedule: config.FEED_POLL, allowPrivate: config.ALLOW_PRIVATE_FEEDS, articlesDir: config.ARTICLES_DIR, ingest, posting, scopes,
    caps: { perPoll: config.ANNOUNCE_PER_POLL, perMinute: config.ANNOUNCE_PER_MINUTE, feedsPerServer: config.FEEDS_PER_SERVER },
    // Remind me under each upcoming sure event (once member reminders have started).
    buttons: (tracked, now) => services.members?.buttons(tracked, now) ?? [],
    folder: {
      onProgress: (done, total) => {
        if (library.loading()) library.setLoading({ done, total });
      },
      // A changed file counts as processed once its reminders are reconciled too.
      settled: () => reminders?.idle() ?? Promise.resolve(),
      onFailure: (file, error) => failed.push({ file, error }),
    },
    minIntervalMinutes: config.FEED_MIN_INTERVAL,
  });
  services.feeds = news.feeds;
  services.watches = news.watches;
  services.deliveries = news.deliveries;
  services.opml = news.opml;
  services.stories = news.stories;
  services.forViewer = (guildId) => viewFor(services, library, scopes, guildId);

  const router = new CommandRouter({ commands, services, clock, log, scrub, metrics });

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

  // The start-up load, in slices: the folder (each file read once), then reminders brought in line with
  // the whole library (only then: their start-up cancels reminders of articles no longer present), then
  // the folder watch, feed polls and the due-scan.
  let stopping = false;
  let stopKeepingWarm = (): void => undefined;
  // Aborted first thing on SIGINT/SIGTERM: every long loop (reminder sync, due-scan) checks it.
  const stop = new AbortController();
  const ingestStarted = performance.now();
  const loading = (async () => {
    await news.load();
    if (stopping) return;
    metrics.ingestion('startup', (performance.now() - ingestStarted) / 1000);
    library.setLoading(undefined);
    reminders = await startReminders({ store: stores.reminders, holds: stores.holds, members: stores.members, poster, clock, log, library, status, scheduler, stories, config, metrics, posting, signal: stop.signal, scopes });
    services.reminders = reminders;
    services.members = reminders.members;
    if (stopping) return;
    news.watch();
    // The main thread parses every new file and feed item from now on: its first parse would carry the
    // parser's one-off start (80–500 ms); a few small parses now, between events, take it instead.
    // …and keeps it warm: full garbage collections would otherwise drop its compiled patterns.
    void warmParser(clock.now())
      .then((times) => {
        log.info({ ms: times.map((t) => Math.round(t)) }, 'parser warmed up');
        if (!stopping) stopKeepingWarm = keepParserWarm(() => clock.now());
      })
      .catch((error) => log.warn({ err: error }, 'parser warm-up failed'));
    news.contributeStatus(status as Status);
    for (const job of news.jobs()) scheduler.add(job);
    scheduler.start();
    void scheduler.runNow('feeds.poll');
    log.info({ articles: library.size(), ms: Math.round(performance.now() - ingestStarted) }, 'start-up load complete');
  })();
  loading.catch((error) => {
    log.fatal({ err: error }, 'start-up load failed');
    process.stderr.write(scrub(`Herald could not load its articles: ${error instanceof Error ? error.message : String(error)}\n`));
    process.exit(1);
  });

  // SIGINT/SIGTERM: stop taking interactions, finish those in flight, stop the load and jobs, close the database.
  // Piped console input goes through a stream Herald can end: readline then answers what it has and closes.
  const consoleInput = !config.DISCORD_TOKEN && !interactive ? process.stdin.pipe(new PassThrough()) : process.stdin;
  let consoleDone: Promise<void> = Promise.resolve();
  const closeStores = [
    ...(statusServer ? [{ name: 'status server', run: () => statusServer.close() }] : []),
    { name: 'jobs', run: () => scheduler.stop() },
    { name: 'leadership', run: () => leadership.release() },
    {
      name: 'news',
      run: async () => {
        stopping = true;
        stopKeepingWarm();
        reminders?.stop();
        await news.stop();
        await loading.catch(() => undefined);
        await reminders?.idle();
        await services.members?.idle?.();
      },
    },
    { name: 'database', run: () => stores.close() },
  ];
  const shutdown = new Shutdown(log, [
    { name: 'stop signal', run: () => stop.abort() },
    ...(overHttp ? [{ name: 'interactions endpoint', run: () => http?.stop(3_000) }] : discord ? [{ name: 'discord', run: () => discord.stop(3_000) }] : []),
    ...(consoleInput !== process.stdin ? [{ name: 'console', run: () => { process.stdin.unpipe(consoleInput); consoleInput.end(); return consoleDone; } }] : []),
    ...closeStores,
  ]);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown.run(signal).then(() => process.exit(0)));
  posting.onStop((stop) => {
    log.error({ reason: stop.reason }, 'posting stopped: Discord rejected the token (401); nothing more is claimed. Herald exits (status 1) so its supervisor restarts it');
    status?.recordError({ message: `Posting stopped: ${stop.reason}` }, stop.at);
    if (!shutdown.started) void shutdown.run('unauthorized').then(() => process.exit(1));
  });

  // A small folder is complete before the first command, however slow the machine; a large one answers
  // from what is loaded once START_GRACE_MS have passed.
  const largeFolder = new Promise<false>((done) => {
    const check = setInterval(() => {
      const progress = library.loading();
      if (progress && progress.total > SMALL_FOLDER && performance.now() - ingestStarted >= START_GRACE_MS) {
        clearInterval(check);
        done(false);
      }
    }, 50);
    void loading.finally(() => clearInterval(check)).catch(() => undefined);
  });
  const complete = await Promise.race([loading.then(() => true), largeFolder]);

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
      replays: stores.replays,
    });
    return;
  }
  if (discord) {
    await discord.start({ router, guildId: config.DISCORD_GUILD_ID, clock });
    return;
  }
  const progress = library.loading();
  const notes = complete || !progress
    ? [`Tracking ${library.size()} article${library.size() === 1 ? '' : 's'} from ${config.ARTICLES_DIR}.`, ...failed.map((f) => `Could not read ${f.file}: ${f.error}`)]
    : [`Loading articles from ${config.ARTICLES_DIR} (${progress.done} of ${progress.total} files read so far): commands answer from what is loaded; /status shows the progress.`];
  consoleDone = runConsole({ router, input: consoleInput, output: process.stdout, isTTY: interactive, clock, notes });
  if (!complete && interactive) {
    void loading.then(() => {
      if (!stopping) process.stdout.write(`\nAll ${library.size()} articles loaded${failed.length ? `; ${failed.length} file(s) could not be read (see the log)` : ''}.\n`);
    });
  }
  await consoleDone;
  // End of input: wait for the load, close what is open and let the process end by itself (unless a signal is already doing it).
  if (!shutdown.started) {
    await loading.catch(() => undefined);
    for (const step of closeStores) await step.run();
  }
}

/** How long start-up waits for the whole library before taking commands, when the folder is large. */
const START_GRACE_MS = 1_000;
/** Up to this many article files, start-up always loads them all before taking commands (well under a second on an idle machine). */
const SMALL_FOLDER = 200;

/**
 * The secrets Herald knows (the configuration's and those learnt while running): the fatal paths below
 * write to stderr themselves, past the logger, and scrub with these and the environment's.
 */
let knownSecrets: readonly string[] = [];
function fatalScrub(): Scrub {
  return createScrubber([...knownSecrets, ...secretValues(process.env)]);
}

main().catch((error) => {
  process.stderr.write(`${fatalScrub()(inspect(error))}\n`);
  process.exit(1);
});
// An exception no handler caught (thrown from a timer or an event listener) still ends Herald with status 1,
// as Node would, but its stack and properties are scrubbed first: Node's own report printed them whole.
process.on('uncaughtException', (error) => {
  process.stderr.write(`Herald stopped on an uncaught exception: ${fatalScrub()(inspect(error))}\n`);
  process.exit(1);
});
