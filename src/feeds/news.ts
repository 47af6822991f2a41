// News monitoring, assembled: the feed store, story index, announcer, feed monitor, watch registry and
// the articles-folder watcher, with the jobs that drive them. main.ts builds one and hands its
// services to commands; tests build one per "process" against a shared database file.
import type { Logger } from 'pino';
import type { Metrics } from '../core/metrics';
import type { MemoryLibrary } from '../articles/library';
import type { IngestOptions } from '../articles/ingest';
import { ArticlesWatcher, type FolderEvent } from '../articles/watcher';
import type { Clock } from '../core/clock';
import type { MessagePoster } from '../core/poster';
import type { Status } from '../core/status-snapshot';
import type { Job } from '../scheduler/scheduler';
import type { PostingState } from '../core/posting';
import type { ArticleScopes } from '../articles/scopes';
import type { SafeFetchOptions } from '../net/safe-fetch';
import type { FeedStore } from './store';
import { StoryIndex } from '../stories/index';
import { Announcer, type AnnouncerDeps } from './announcer';
import { FeedMonitor, type PrivateFeeds } from './monitor';
import { WatchRegistry } from './watches';
import { DeliveryRegistry } from './deliveries';
import { OpmlTransfer } from './opml-transfer';
import { WebhookDirectory, type WebhookMaker } from './webhooks';

/** folder_files row recording that the first scan (the baseline) happened. */
const BASELINE_MARK = '<baseline>';

export interface NewsMonitorOptions {
  /** Where feeds, items, watches and the outbox live (SQLite or PostgreSQL). */
  store: FeedStore;
  library: MemoryLibrary;
  poster: MessagePoster;
  clock: Clock;
  log: Logger;
  /** FEEDS from the configuration. */
  feeds: string[];
  /** FEED_POLL (node-cron). */
  pollSchedule: string;
  /** ALLOW_PRIVATE_FEEDS: true every feed, 'operator' only FEEDS (never a feed a server added), false none. */
  allowPrivate: PrivateFeeds;
  /** Buttons under each announcement (members' Remind me); main.ts wires them to the member reminders. */
  buttons?: AnnouncerDeps['buttons'];
  /** ARTICLES_DIR to watch; omit to not watch a folder. */
  articlesDir?: string;
  /** FEED_MIN_INTERVAL in minutes: the shortest per-feed poll interval (default 5). */
  minIntervalMinutes?: number;
  /** Overrides for fetch bounds (tests, the benchmark). */
  fetch?: Partial<Omit<SafeFetchOptions, 'allowPrivate' | 'headers'>>;
  concurrency?: number;
  fetchPages?: boolean;
  /** The story index shared with reminders (one per library); built here when not given. */
  stories?: StoryIndex;
  /** Counts feed polls, announcements and feed-item ingestion (the status server's /metrics). */
  metrics?: Metrics;
  /** Stopped after Discord rejected the token (401): announcements wait. */
  posting?: PostingState;
  /** Articles-folder watcher timings, and the start-up load's hooks (see ArticlesWatcherOptions). */
  folder?: { debounceMs?: number; rescanMs?: number; fsWatch?: boolean; onProgress?: (done: number, total: number) => void; settled?: () => Promise<void>; onFailure?: (file: string, error: string) => void };
  /** Other Herald processes share the store (PostgreSQL): take in the feed articles they store. */
  shared?: boolean;
  /** Per-server libraries: who sees each feed article (main.ts builds one for the library). */
  scopes?: ArticleScopes;
  /** ANNOUNCE_PER_POLL and ANNOUNCE_PER_MINUTE (defaults 10 and 20), FEEDS_PER_SERVER (default 100). */
  caps?: { perPoll?: number; perMinute?: number; feedsPerServer?: number };
  /** The folder's parsed-article cache and file policy (main.ts passes the ones of the first ingestion). */
  ingest?: Pick<IngestOptions, 'cache' | 'policy'>;
  /** Creates webhooks for webhook delivery (the Discord transport). */
  webhookMaker?: WebhookMaker;
  /** Registers a secret learnt at run time (webhook tokens) with the log and reply scrubbers. */
  addSecret?: (value: string) => void;
}

export class NewsMonitor {
  readonly store: FeedStore;
  readonly stories: StoryIndex;
  readonly announcer: Announcer;
  readonly feeds: FeedMonitor;
  readonly watches: WatchRegistry;
  readonly deliveries: DeliveryRegistry;
  readonly opml: OpmlTransfer;
  readonly webhooks: WebhookDirectory;
  private watcher: ArticlesWatcher | null = null;
  private folderBaseline = false;
  /** Folder events are recorded one at a time, in order. */
  private folderWork: Promise<void> = Promise.resolve();

  constructor(private readonly options: NewsMonitorOptions) {
    const { library, poster, clock, log } = options;
    this.store = options.store;
    this.stories = options.stories ?? new StoryIndex(library);
    this.webhooks = new WebhookDirectory(this.store, options.addSecret);
    this.announcer = new Announcer({
      store: this.store, stories: this.stories, poster, clock, log: log.child({ feature: 'announce' }), metrics: options.metrics, library, posting: options.posting, webhooks: this.webhooks, scopes: options.scopes, perMinute: options.caps?.perMinute,
      buttons: options.buttons,
    });
    this.feeds = new FeedMonitor({
      store: this.store,
      library,
      announcer: this.announcer,
      clock,
      log: log.child({ feature: 'feeds' }),
      fetch: { allowPrivate: options.allowPrivate, ...options.fetch },
      concurrency: options.concurrency,
      fetchPages: options.fetchPages,
      metrics: options.metrics,
      shared: options.shared,
      scopes: options.scopes,
      perPoll: options.caps?.perPoll,
      perServer: options.caps?.feedsPerServer,
    });
    this.watches = new WatchRegistry(this.store, clock);
    this.deliveries = new DeliveryRegistry({
      store: this.store,
      announcer: this.announcer,
      clock,
      minIntervalMinutes: options.minIntervalMinutes ?? 5,
      feedInfo: (row) => this.feeds.info(row),
      webhookMaker: options.webhookMaker,
      webhooks: this.webhooks,
    });
    this.opml = new OpmlTransfer(this.feeds, clock);
  }

  /** load(), then watch(): what tests and a one-step start-up use. */
  async start(): Promise<void> {
    await this.load();
    this.watch();
  }

  /**
   * Syncs FEEDS, restores stored feed articles, then loads the articles folder (the watcher's first
   * scan: every file read once, in slices, so commands are served meanwhile).
   */
  async load(): Promise<void> {
    await this.feeds.syncConfigFeeds(this.options.feeds);
    // Webhook tokens are secrets from the moment they are read; fallbacks show in /status.
    await this.webhooks.refresh();
    await this.store.feeds.releaseStalePolls();
    const released = await this.store.outbox.releaseStaleReservations(this.options.clock.now());
    if (released > 0) this.options.log.warn({ released }, 'announcements a previous run had taken are due again (same nonce)');
    const restored = await this.feeds.restoreArticles();
    if (restored > 0) this.options.log.info({ restored }, 'feed articles restored');
    if (this.options.articlesDir) {
      // The first run with news monitoring records the folder as it is: nothing in it is "new".
      this.folderBaseline = (await this.store.folderFiles.folderFileCount()) === 0;
      this.watcher = new ArticlesWatcher({
        dir: this.options.articlesDir,
        library: this.options.library,
        clock: this.options.clock,
        log: this.options.log.child({ feature: 'folder' }),
        debounceMs: this.options.folder?.debounceMs,
        rescanMs: this.options.folder?.rescanMs,
        fsWatch: this.options.folder?.fsWatch,
        onProgress: this.options.folder?.onProgress,
        settled: this.options.folder?.settled,
        ingest: this.options.ingest,
        onEvent: (event) => this.onFolderEvent(event),
      });
      await this.watcher.scan();
      await this.folderWork;
      // Stopped during the load: the folder was not all seen, so no baseline is taken (the next start takes it).
      if (this.watcher.isStopped) return;
      // Marks the baseline as taken even when the folder was empty, so later files always count as new.
      if (this.folderBaseline) await this.store.folderFiles.recordFolderFile(BASELINE_MARK, '', this.options.clock.now());
      this.folderBaseline = false;
    }
  }

  /** Watches the folder for changes and starts announcing. */
  watch(): void {
    this.watcher?.watch();
    this.announcer.drainInBackground();
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    await this.folderWork;
    await this.announcer.idle();
  }

  /** Waits for queued folder work and a drain of the outbox (tests, shutdown). */
  async settle(): Promise<void> {
    await this.watcher?.idle();
    await this.folderWork;
    await this.announcer.drain();
  }

  /** The declared jobs for the scheduler: poll feeds on FEED_POLL, retry due announcements every 30 s. */
  jobs(): Job[] {
    return [
      { name: 'feeds.poll', schedule: this.options.pollSchedule, run: () => this.feeds.pollAll() },
      { name: 'feeds.announce', schedule: '*/30 * * * * *', run: () => this.announcer.drain() },
      // Feed articles other processes on the same database took in (PostgreSQL, several processes).
      ...(this.options.shared ? [{ name: 'feeds.sync', schedule: '*/30 * * * * *', run: () => this.feeds.syncFromStore() }] : []),
      // Feeds with their own poll interval (/feed interval) are checked every minute.
      { name: 'feeds.poll-interval', schedule: '15 * * * * *', run: () => this.feeds.pollIntervalFeeds() },
    ];
  }

  /** /status: failing feeds with their last error. */
  contributeStatus(status: Status): void {
    status.contribute((_now, guildId) => ({ failingFeeds: this.feeds.failing(guildId), webhookFallbacks: this.webhooks.fallbacksFor(guildId) }));
  }

  private onFolderEvent(event: FolderEvent): void {
    this.folderWork = this.folderWork
      .then(() => this.recordFolderEvent(event))
      .catch((error) => this.options.log.error({ err: error, origin: event.origin }, 'could not record an articles-folder change'));
  }

  /**
   * The file's hash is recorded and its announcements queued in one step that only one process wins
   * (several Herald processes watching one folder announce a file once).
   */
  private async recordFolderEvent(event: FolderEvent): Promise<void> {
    const { store, announcer } = this;
    const now = this.options.clock.now();
    if (event.type === 'failed') {
      this.options.folder?.onFailure?.(event.origin, event.error);
      return;
    }
    if (event.type === 'removed') {
      await store.folderFiles.forgetFolderFile(event.origin);
      return;
    }
    const known = await store.folderFiles.folderFile(event.origin);
    const hash = event.tracked.article.contentHash;
    if (known && known.contentHash === hash) return;
    const announcements = this.folderBaseline && !known ? [] : await announcer.plan(event.tracked, { scope: null, kind: known ? 'changed' : 'new', previous: event.previous });
    if (await store.folderFiles.recordFolderFile(event.origin, hash, now, announcements)) announcer.logQueued(event.tracked, announcements.length);
    if (announcements.length > 0) announcer.drainInBackground();
  }
}
