// Following feeds: polls each due feed (conditional requests, bounded fetches, backoff for failing
// feeds), turns new items into tracked articles and hands them to the announcer. The first successful
// poll of a feed only records what is already there, so adding a feed never floods a channel.
import { createHash } from 'node:crypto';
import type { Metrics } from '../core/metrics';
import { visibleTo } from '../core/status-snapshot';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { MemoryLibrary, TrackedArticle } from '../articles/library';
import { parseArticle } from '../articles/parse';
import { extractArticle, htmlToParagraphs } from '../articles/html';
import type { Clock } from '../core/clock';
import { safeFetch, type SafeFetchOptions } from '../net/safe-fetch';
import { decodeBody } from '../net/charset';
import type { Feed, FeedStore } from './store';
import { normalise } from '../stories/entities';
import { PollBudget, type Announcer } from './announcer';
import type { ArticleScopes } from '../articles/scopes';
import { parseFeed, type FeedItem } from './parse-feed';
import type { FeedAddOptions, FeedAddResult, FeedInfo, FeedService } from './admin-services';
import { describeFilter, parseStoredFilter } from './filters';
import { backoffMs, type BackoffPolicy } from '../core/backoff';
import { dueForPoll } from './schedule';

export interface FeedMonitorDeps {
  store: FeedStore;
  library: MemoryLibrary;
  announcer: Announcer;
  clock: Clock;
  log: Logger;
  /**
   * allowPrivate (ALLOW_PRIVATE_FEEDS): true lets every feed and the pages it links reach private addresses;
   * 'operator' only the operator's FEEDS, never a feed a server added (/feed add, import): a server admin's
   * say-so reaches no private address whatever the operator lets its own feeds do.
   */
  fetch: Omit<SafeFetchOptions, 'headers' | 'allowPrivate'> & { allowPrivate: PrivateFeeds };
  /** Feeds polled at once. Default 16 (polling is I/O-bound: most of a poll is waiting for the network). */
  concurrency?: number;
  /** Fetch the linked page when an item carries only a summary. Default true. */
  fetchPages?: boolean;
  metrics?: Pick<Metrics, 'feedPolled' | 'ingestion'>;
  /** Other Herald processes share the store: each cycle also takes in the feed articles they stored. */
  shared?: boolean;
  /** Announcements of one poll of one feed to one watch (ANNOUNCE_PER_POLL, default 10); the rest: one summary line. */
  perPoll?: number;
  /** Per-server libraries: a /feed add item belongs to the servers whose feeds carry it. */
  scopes?: ArticleScopes;
  /** Feeds one server may add (FEEDS_PER_SERVER, default DEFAULT_FEEDS_PER_SERVER). */
  perServer?: number;
}

export const DEFAULT_FEEDS_PER_SERVER = 100;

/** ALLOW_PRIVATE_FEEDS: which feeds may reach private addresses (see FeedMonitorDeps.fetch). */
export type PrivateFeeds = boolean | 'operator';

export interface FeedPollOutcome {
  url: string;
  status: 'baseline' | 'updated' | 'not-modified' | 'failed' | 'backing-off';
  newItems: number;
  /** First poll only: items announced as a backfill. */
  backfilled?: number;
  error?: string;
}

export interface PollCycleReport {
  feeds: number;
  polled: number;
  notModified: number;
  failed: number;
  backingOff: number;
  /** Feeds another process was polling, or had polled this round. */
  skipped: number;
  newItems: number;
  ms: number;
}

/** Feed polls back off 2 min, 4 min, … 6 h after failures, or longer when the server asks. */
const BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000, retryAfter: 'at-least' };
/** A summary shorter than this (characters of text) sends Herald to the linked page for the full text. */
const SHORT_TEXT = 600;
/** /feed add backfill: at most this many items are announced at once. */
export const BACKFILL_MAX = 20;
/** Linked pages fetched per feed per poll at most: a feed cannot turn one poll into a crawl. */
const MAX_PAGES_PER_POLL = 20;

const feedUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2048);

/** A poll cycle holds each feed it polls at most this long (a process that dies mid-poll frees it then). */
const POLL_LEASE_MS = 10 * 60_000;

/** Feed articles leave memory this long after ingestion, once none of their events is still ahead. */
const RETAIN_MS = 30 * 86_400_000;

export class FeedMonitor implements FeedService {
  private cycle: Promise<PollCycleReport> | null = null;
  private intervalCycle: Promise<PollCycleReport | null> | null = null;
  /** Library origins that came from feeds (the folder's files are the watcher's). */
  private readonly feedOrigins = new Set<string>();
  /** The newest stored feed article this process has taken in (syncFromStore reads after it). */
  private syncedTo = '';
  private failingFeeds: Feed[] = [];
  /** Items being taken, by library origin (one at a time per origin). */
  private readonly taking = new Map<string, Promise<boolean>>();

  constructor(private readonly deps: FeedMonitorDeps) {}

  /** Makes the global feeds match FEEDS: adds new ones, drops config feeds no longer listed. */
  async syncConfigFeeds(urls: string[]): Promise<void> {
    const { store, clock } = this.deps;
    for (const url of urls) await store.feeds.addFeed({ url, guildId: null, origin: 'config', at: clock.now() });
    for (const f of await store.feeds.feeds()) if (f.origin === 'config' && f.guildId === '' && !urls.includes(f.url)) await store.feeds.removeFeed(f.url, null);
    await this.refreshFailing();
  }

  /** Re-tracks the feed articles kept from earlier runs (newest `limit`), without announcing them. */
  async restoreArticles(limit = 500): Promise<number> {
    const { store, library, clock, log, scopes } = this.deps;
    let restored = 0;
    const rows = (await store.items.articles(limit)).reverse();
    for (const row of rows) if (row.updatedAt > this.syncedTo) this.syncedTo = row.updatedAt;
    const owners = scopes ? await store.items.originOwners(rows.map((r) => r.origin)) : new Map<string, string[]>();
    for (const row of rows) {
      if (library.byOriginPath(row.origin)) continue;
      // Owners first: the library's listeners (reminders, stories) see the article with its scope.
      if (scopes) for (const owner of new Set([row.guildId, ...(owners.get(row.origin) ?? [])])) scopes.grant(row.origin, owner || null);
      const parsed = parseArticle(row.text, { now: clock.now(), origin: row.origin });
      if (!parsed.ok) {
        log.warn({ origin: row.origin, error: parsed.error }, 'stored feed article no longer parses');
        continue;
      }
      library.upsert({ article: parsed.article, origin: row.origin, ingestedAt: new Date(row.updatedAt) });
      this.feedOrigins.add(row.origin);
      restored++;
    }
    return restored;
  }

  // ── FeedService ────────────────────────────────────────────────────────────────────────────────

  async list(guildId: string | null): Promise<FeedInfo[]> {
    return Promise.all((await this.deps.store.feeds.feedsVisibleTo(guildId)).map((row) => this.info(row)));
  }

  /** A feed as commands see it, with its route, interval and filter. */
  async info(row: Feed): Promise<FeedInfo> {
    const info = feedInfo(row);
    const route = row.guildId ? await this.deps.store.watches.routeOf(row.id) : undefined;
    if (route) info.channelId = route.channelId;
    if (row.pollMinutes !== null) info.pollMinutes = row.pollMinutes;
    const filter = parseStoredFilter(row.filterJson);
    if (filter) info.filter = describeFilter(filter);
    return info;
  }

  /** From the last poll cycle's view of the feeds (/status is answered without a database round trip). */
  failing(guildId?: string | null): { url: string; lastError: string; failures: number }[] {
    return this.failingFeeds
      .filter((f) => f.failures > 0 && visibleTo(f.guildId, guildId))
      .map((f) => ({ url: f.url, lastError: f.lastError ?? 'unknown error', failures: f.failures }));
  }

  /** Re-reads which feeds fail (after a poll cycle, /feed add or remove). */
  async refreshFailing(): Promise<void> {
    this.failingFeeds = (await this.deps.store.feeds.feeds()).filter((f) => f.failures > 0);
  }

  /**
   * Takes in feed articles that other Herald processes on the same database stored since the last
   * look (PostgreSQL with several processes: each feed is polled by one of them). Not announced again:
   * the process that polled the feed queued the announcements.
   */
  async syncFromStore(limit = 500): Promise<number> {
    const { store, library, clock, log, scopes } = this.deps;
    let taken = 0;
    const rows = await store.items.articlesUpdatedAfter(this.syncedTo, limit);
    // Who sees each article comes first (another process's server may now also carry an item this one holds).
    const owners = scopes ? await store.items.originOwners(rows.map((r) => r.origin)) : undefined;
    for (const row of rows) {
      this.syncedTo = row.updatedAt;
      if (scopes) for (const owner of new Set([row.guildId, ...(owners?.get(row.origin) ?? [])])) scopes.grant(row.origin, owner || null);
      const held = library.byOriginPath(row.origin);
      if (held && held.ingestedAt.toISOString() === row.updatedAt) continue; // this process stored it
      const parsed = parseArticle(row.text, { now: clock.now(), origin: row.origin });
      if (!parsed.ok) {
        log.warn({ origin: row.origin, error: parsed.error }, 'stored feed article no longer parses');
        continue;
      }
      const previous = library.byOriginPath(row.origin);
      if (previous && previous.article.contentHash === parsed.article.contentHash) continue;
      library.upsert({ article: parsed.article, origin: row.origin, ingestedAt: new Date(row.updatedAt) });
      this.feedOrigins.add(row.origin);
      taken++;
    }
    return taken;
  }

  async add(input: { url: string; guildId: string; userId: string } & FeedAddOptions): Promise<FeedAddResult> {
    const parsed = feedUrlSchema.safeParse(input.url.trim());
    if (!parsed.success) return { ok: false, reason: `\`${input.url.slice(0, 200)}\` is not an http(s) URL.` };
    const url = parsed.data;
    const { store, clock } = this.deps;
    const global = await store.feeds.feedByUrl(url, null);
    if (global) return { ok: true, feed: feedInfo(global), created: false, itemsRecorded: 0 };
    const { row, created } = await store.feeds.addFeed({ url, guildId: input.guildId, origin: 'command', addedBy: input.userId, at: clock.now() });
    if (!created) return { ok: true, feed: await this.info(row), created: false, itemsRecorded: 0 };
    // The cap is checked after the insert, by the order feeds were added: of adds racing for the last
    // places (an import's parallel adds, another process) the earliest keep them, and none goes over.
    const cap = this.deps.perServer ?? DEFAULT_FEEDS_PER_SERVER;
    const own = (await store.feeds.feedsVisibleTo(input.guildId)).filter((f) => f.guildId === input.guildId && f.origin === 'command');
    if (own.filter((f) => f.id <= row.id).length > cap) {
      await store.feeds.removeFeed(url, input.guildId);
      // Not "follows {cap} feeds": after FEEDS_PER_SERVER was lowered a server may follow more than the cap.
      return { ok: false, reason: `A server may follow at most ${cap} feeds (FEEDS_PER_SERVER), and this one already follows ${cap === 1 ? 'one' : 'that many'} or more. Remove one with /feed remove first.` };
    }
    // Route and interval first, so backfilled items already go where the admin asked.
    if (input.channelId) await store.watches.setRoute({ feedId: row.id, guildId: input.guildId, channelId: input.channelId, createdBy: input.userId, at: clock.now(), forum: input.forum });
    if (input.pollMinutes) await store.feeds.setFeedInterval(row.id, input.pollMinutes);
    const outcome = await this.pollFeed((await store.feeds.feed(row.id)) ?? row, { backfill: input.backfill ?? 0 });
    if (outcome.status === 'failed') {
      await store.feeds.removeFeed(url, input.guildId);
      return { ok: false, reason: `Herald could not read that feed: ${outcome.error ?? 'unknown error'}.` };
    }
    return { ok: true, feed: await this.info((await store.feeds.feed(row.id)) ?? row), created: true, itemsRecorded: outcome.newItems - (outcome.backfilled ?? 0), backfilled: outcome.backfilled ?? 0 };
  }

  async remove(input: { url: string; guildId: string }): Promise<{ ok: true } | { ok: false; reason: string }> {
    const url = input.url.trim();
    if (await this.deps.store.feeds.removeFeed(url, input.guildId)) {
      await this.refreshFailing();
      return { ok: true };
    }
    if (await this.deps.store.feeds.feedByUrl(url, null)) return { ok: false, reason: 'That feed comes from FEEDS in the configuration; remove it there.' };
    return { ok: false, reason: 'This server does not follow that feed. See /feed list.' };
  }

  // ── polling ────────────────────────────────────────────────────────────────────────────────────

  /** One poll cycle over every due feed; overlapping calls share the running cycle. A running minute-job
   * cycle is waited for first, so no feed is polled twice at once and no FEED_POLL tick is lost to it. */
  pollAll(): Promise<PollCycleReport> {
    if (!this.cycle) {
      const before = this.intervalCycle?.catch(() => null) ?? Promise.resolve(null);
      this.cycle = before
        .then(() => this.runCycle('cycle'))
        .finally(() => {
          this.cycle = null;
        });
    }
    return this.cycle;
  }

  /** The minute job: polls only the feeds with their own interval that are due (skipped while any cycle runs). */
  pollIntervalFeeds(): Promise<PollCycleReport | null> {
    if (this.cycle || this.intervalCycle) return Promise.resolve(null);
    // Taken before the first await, so a FEED_POLL tick arriving meanwhile waits for this run.
    this.intervalCycle = (async () => {
      const now = this.deps.clock.now();
      if (!(await this.deps.store.feeds.feeds()).some((f) => dueForPoll(f, now, 'interval'))) return null;
      return this.runCycle('interval');
    })().finally(() => {
      this.intervalCycle = null;
    });
    return this.intervalCycle;
  }

  private async runCycle(job: 'cycle' | 'interval' = 'cycle'): Promise<PollCycleReport> {
    const started = performance.now();
    const cycleStart = this.deps.clock.now();
    const feeds = (await this.deps.store.feeds.feeds()).filter((f) => dueForPoll(f, cycleStart, job));
    const report: PollCycleReport = { feeds: feeds.length, polled: 0, notModified: 0, failed: 0, backingOff: 0, skipped: 0, newItems: 0, ms: 0 };
    let next = 0;
    const worker = async () => {
      while (next < feeds.length) {
        const listed = feeds[next++];
        // One process polls a feed at a time, and once a round: a feed another process polled since
        // this cycle began is left alone (every process runs FEED_POLL on the same wall-clock ticks).
        const feed = await this.deps.store.feeds.claimPoll(listed.id, { until: new Date(cycleStart.getTime() + POLL_LEASE_MS), notPolledSince: cycleStart }, this.deps.clock.now());
        if (!feed) {
          report.skipped++;
          continue;
        }
        let outcome: FeedPollOutcome;
        try {
          outcome = await this.pollFeed(feed);
        } finally {
          await this.deps.store.feeds.releasePoll(feed.id);
        }
        if (outcome.status === 'backing-off') report.backingOff++;
        else {
          this.deps.metrics?.feedPolled(outcome.status === 'failed');
          report.polled++;
          if (outcome.status === 'not-modified') report.notModified++;
          if (outcome.status === 'failed') report.failed++;
          report.newItems += outcome.newItems;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.deps.concurrency ?? 16, feeds.length)) }, worker));
    await this.deps.announcer.drain();
    await this.deps.store.items.prune({ itemsPerFeed: 1000, articles: 5000 });
    if (this.deps.shared) await this.syncFromStore();
    await this.refreshFailing();
    this.retireOld();
    report.ms = Math.round(performance.now() - started);
    this.deps.log.info(report, 'feed poll cycle');
    return report;
  }

  /**
   * Keeps memory bounded on a long run: feed articles ingested more than 30 days ago whose events are all
   * past leave the library (nothing of theirs is still to remind; stored copies stay until pruned).
   */
  retireOld(): number {
    const { library, clock } = this.deps;
    const now = clock.now();
    const today = now.toISOString().slice(0, 10);
    let retired = 0;
    for (const origin of this.feedOrigins) {
      const tracked = library.byOriginPath(origin);
      if (!tracked) {
        this.feedOrigins.delete(origin);
        continue;
      }
      if (now.getTime() - tracked.ingestedAt.getTime() < RETAIN_MS) continue;
      if (tracked.article.events.some((e) => e.endDate >= today)) continue;
      library.removeOrigin(origin);
      this.deps.scopes?.forget(origin);
      this.feedOrigins.delete(origin);
      retired++;
    }
    return retired;
  }

  /** Polls one feed now (unless it is backing off). Never throws. On the first poll, `backfill` newest
   * items are announced (once, like any new item) and the rest recorded. */
  async pollFeed(feed: Feed, options: { backfill?: number } = {}): Promise<FeedPollOutcome> {
    const { store, clock, log } = this.deps;
    const now = clock.now();
    if (feed.nextAttemptAt && Date.parse(feed.nextAttemptAt) > now.getTime()) return { url: feed.url, status: 'backing-off', newItems: 0 };
    try {
      const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' };
      if (feed.baselineDone && feed.etag) headers['if-none-match'] = feed.etag;
      if (feed.baselineDone && feed.lastModified) headers['if-modified-since'] = feed.lastModified;
      const response = await safeFetch(feed.url, { ...this.fetchOptions(feed), headers });
      if (!response.ok) return this.fail(feed, response.reason, response.retryAfterMs);
      if (response.status === 304) {
        await store.feeds.recordNotModified(feed.id, clock.now());
        return { url: feed.url, status: 'not-modified', newItems: 0 };
      }
      const parsed = parseFeed(decodeBody(response.body, response.headers['content-type']));
      if (!parsed.ok) return this.fail(feed, parsed.error);
      const items = parsed.feed.items;
      const success = { title: parsed.feed.title, etag: response.headers.etag ?? null, lastModified: response.headers['last-modified'] ?? null, at: clock.now() };
      if (!feed.baselineDone) {
        const backfill = newest(items, Math.max(0, Math.min(options.backfill ?? 0, BACKFILL_MAX)));
        const rest = items.filter((i) => !backfill.includes(i));
        const held = await this.heldItems(feed, rest);
        await store.items.recordItems(feed.id, rest.filter((i) => !held.has(i)).map((i) => ({ key: i.key, hash: itemHash(i) })), clock.now());
        let backfilled = 0;
        const pages = { left: MAX_PAGES_PER_POLL };
        for (const item of [...backfill].reverse()) {
          if (await this.takeItem(feed, parsed.feed.title, item, pages)) backfilled++;
        }
        await store.feeds.recordPollSuccess(feed.id, success);
        log.info({ feed: feed.url, items: items.length, backfilled }, backfilled ? 'feed baseline recorded; newest items backfilled' : 'feed baseline recorded (nothing announced)');
        if (backfilled > 0) this.deps.announcer.drainInBackground();
        return { url: feed.url, status: 'baseline', newItems: items.length, backfilled };
      }
      let fresh = 0;
      const pages = { left: MAX_PAGES_PER_POLL };
      const budget = new PollBudget(this.deps.perPoll ?? 10);
      // Oldest first, so a story's first article is tracked before its updates.
      const ordered = [...items].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
      for (const item of ordered) {
        if (await this.takeItem(feed, parsed.feed.title, item, pages, budget)) fresh++;
      }
      // A feed that switched to 200 new items: each watch got the first few, and one line for the rest.
      if (budget.over.size > 0) await this.deps.announcer.summarise(budget, { id: feed.id, title: parsed.feed.title }, clock.now());
      await store.feeds.recordPollSuccess(feed.id, success);
      // Announce as soon as this feed is done rather than at the end of the cycle (drains coalesce).
      if (fresh > 0) this.deps.announcer.drainInBackground();
      return { url: feed.url, status: 'updated', newItems: fresh };
    } catch (error) {
      log.error({ err: error, feed: feed.url }, 'feed poll failed unexpectedly');
      return this.fail(feed, (error as Error).message);
    }
  }

  /**
   * A server following a feed that another server (or FEEDS) already follows: of the feed's current
   * items, those Herald already took in (parsed, under the same origin and content) become this server's
   * too, seen in its library as they are in the first follower's, and are recorded as this feed's —
   * without announcements (only a backfill announces). Items nobody took stay recorded only, as on a
   * first follower's first poll. Returns the items so shared.
   */
  private async heldItems(feed: Feed, items: FeedItem[]): Promise<Set<FeedItem>> {
    const { store, library, clock, scopes } = this.deps;
    const held = new Set<FeedItem>();
    const scope = feed.guildId || null;
    for (const item of items) {
      const origin = item.link ?? `${feed.url}#${item.key}`;
      const hash = itemHash(item);
      if (!(await store.items.originHasHash(origin, hash))) continue;
      // Recorded with its origin, so every process learns this server carries it (originOwners); this
      // process grants it now if it holds the article, else when the article reaches it (syncFromStore).
      await store.items.recordSharedItem({ feedId: feed.id, itemKey: item.key, contentHash: hash, origin, at: clock.now() }, []);
      if (library.byOriginPath(origin)) {
        scopes?.grant(origin, scope);
        this.feedOrigins.add(origin);
      }
      held.add(item);
    }
    return held;
  }

  private async fail(feed: Feed, error: string, retryAfterMs = 0): Promise<FeedPollOutcome> {
    const now = this.deps.clock.now();
    const failures = feed.failures + 1;
    const wait = backoffMs(failures, BACKOFF, retryAfterMs);
    await this.deps.store.feeds.recordPollFailure(feed.id, error, now, new Date(now.getTime() + wait));
    this.deps.log.warn({ feed: feed.url, failures, error }, 'feed poll failed');
    return { url: feed.url, status: 'failed', newItems: 0, error };
  }

  /**
   * Ingests and announces one item unless it (or its content elsewhere) was seen before. Items of one
   * origin are taken one at a time: two servers' feeds carrying one item, polled at once, parse it once.
   */
  private takeItem(feed: Feed, feedTitle: string, item: FeedItem, pages: { left: number }, budget?: PollBudget): Promise<boolean> {
    const origin = item.link ?? `${feed.url}#${item.key}`;
    const before = this.taking.get(origin) ?? Promise.resolve(false);
    const run = before.then(() => this.takeItemNow(feed, feedTitle, item, pages, budget));
    const settled = run.catch(() => false).finally(() => {
      if (this.taking.get(origin) === settled) this.taking.delete(origin);
    });
    this.taking.set(origin, settled);
    return run;
  }

  private async takeItemNow(feed: Feed, feedTitle: string, item: FeedItem, pages: { left: number }, budget?: PollBudget): Promise<boolean> {
    const { store, library, announcer, clock, log } = this.deps;
    const hash = itemHash(item);
    const seen = await store.items.seenItem(feed.id, item.key);
    if (seen && seen.contentHash === hash) return false;
    if (!seen && (await store.items.hashSeen(hash, feed.guildId))) {
      await store.items.recordItem(feed.id, item.key, hash, null, clock.now());
      return false;
    }
    const origin = item.link ?? `${feed.url}#${item.key}`;
    const scope = feed.guildId || null;
    const shared = library.byOriginPath(origin);
    if (!seen && shared && (await store.items.originHasHash(origin, hash))) {
      // Another feed (another server's, or FEEDS) already brought this very item: one parsed copy, now
      // also this feed's server's.
      this.deps.scopes?.grant(origin, scope);
      this.feedOrigins.add(origin);
      const announcements = await announcer.plan(shared, { scope, kind: 'new', feedId: feed.id, budget });
      const queued = await store.items.recordSharedItem({ feedId: feed.id, itemKey: item.key, contentHash: hash, origin, at: clock.now() }, announcements);
      announcer.logQueued(shared, queued);
      return true;
    }
    const text = await this.articleText(feed, item, feedTitle, pages);
    const now = clock.now();
    const parseStarted = performance.now();
    const parsed = parseArticle(text, { now, origin });
    this.deps.metrics?.ingestion('feed', (performance.now() - parseStarted) / 1000);
    if (!parsed.ok) {
      await store.items.recordItem(feed.id, item.key, hash, null, now);
      log.warn({ feed: feed.url, item: item.key, error: parsed.error }, 'feed item could not be parsed');
      return false;
    }
    const previous = library.byOriginPath(origin);
    const tracked: TrackedArticle = { article: parsed.article, origin, ingestedAt: now };
    this.deps.scopes?.grant(origin, scope);
    if (!previous || previous.article.contentHash !== parsed.article.contentHash) library.upsert(tracked);
    this.feedOrigins.add(origin);
    // The item is recorded as seen only together with its queued announcements: a crash before this
    // point means the next poll takes it again (queueing is idempotent per watch and article).
    const announcements = await announcer.plan(tracked, { scope, kind: previous ? (seen ? 'changed' : 'new') : 'new', previous, feedId: feed.id, budget });
    const queued = await store.items.recordTakenItem({ feedId: feed.id, itemKey: item.key, contentHash: hash, origin, guildId: scope, text, at: now }, announcements);
    announcer.logQueued(tracked, queued);
    return true;
  }

  /**
   * The fetch bounds for a feed, or for a page one of its items links: private addresses only as
   * ALLOW_PRIVATE_FEEDS allows. With 'operator' an operator's feed may reach them, and a page it links
   * only on the feed's own host: a public feed in FEEDS (an aggregator whose items strangers write) must
   * not get an intranet page fetched by linking to it.
   */
  private fetchOptions(feed: Pick<Feed, 'origin' | 'url'>, page?: string): Omit<SafeFetchOptions, 'headers'> {
    const { allowPrivate } = this.deps.fetch;
    const operator = allowPrivate === 'operator' && feed.origin === 'config' && (page === undefined || sameHost(page, feed.url));
    if (allowPrivate === true) return { ...this.deps.fetch, allowPrivate: true };
    // …and a redirect that leaves the feed's host is vetted again (another intranet host is not reached through it).
    return { ...this.deps.fetch, allowPrivate: operator, ...(operator ? { privateHost: hostOf(feed.url) ?? '' } : {}) };
  }

  /** Article text with front matter (url, source, published) for parseArticle. */
  private async articleText(feed: Feed, item: FeedItem, feedTitle: string, pages: { left: number }): Promise<string> {
    let paragraphs = item.content ? htmlToParagraphs(item.content) : [];
    const summary = item.summary ? htmlToParagraphs(item.summary) : [];
    let pageDate: { date: string; basis: string } | undefined;
    if (paragraphs.join(' ').length < SHORT_TEXT && item.link && this.deps.fetchPages !== false && pages.left-- > 0) {
      const page = await safeFetch(item.link, { ...this.fetchOptions(feed, item.link), headers: { accept: 'text/html, application/xhtml+xml;q=0.9' } });
      const type = page.ok ? (page.headers['content-type'] ?? 'text/html') : '';
      if (page.ok && page.status === 200 && /html/i.test(type)) {
        const extracted = extractArticle(decodeBody(page.body, type));
        pageDate = extracted.published;
        const body = extracted.paragraphs.filter((p) => normalise(p) !== normalise(item.title));
        if (body.join(' ').length > paragraphs.join(' ').length) paragraphs = body;
      } else if (!page.ok) {
        this.deps.log.info({ link: item.link, reason: page.reason }, 'linked page not fetched; using the summary');
      }
    }
    if (paragraphs.length === 0) paragraphs = summary;
    const front = ['---'];
    if (item.link) front.push(`url: ${oneLine(item.link)}`);
    if (feedTitle) front.push(`source: ${oneLine(feedTitle)}`);
    // The publication date's evidence, strongest first: the feed item's own date, then the page's metadata
    // (a date in the URL path and the text are the parser's to find).
    if (item.published) {
      front.push(`published: ${item.published.slice(0, 10)}`);
      front.push(`published-basis: the feed item's date (${item.publishedFrom ?? 'feed'})`);
    } else if (pageDate) {
      front.push(`published: ${pageDate.date}`);
      front.push(`published-basis: the linked page's metadata (${oneLine(pageDate.basis)})`);
    }
    front.push('---');
    // Atom titles may be HTML (type="html"): keep their text only.
    const title = /[<&]/.test(item.title) ? htmlToParagraphs(item.title).join(' ') : item.title;
    return `${front.join('\n')}\n${oneLine(title) || 'Untitled'}\n\n${paragraphs.join('\n\n')}\n`;
  }
}

/** The newest `n` items, newest first: by published date when items carry one, else in the feed's order
 * (feeds list newest first). */
export function newest(items: FeedItem[], n: number): FeedItem[] {
  if (n <= 0) return [];
  const ranked = items.map((item, index) => ({ item, index }));
  ranked.sort((a, b) => (b.item.published ?? '').localeCompare(a.item.published ?? '') || a.index - b.index);
  return ranked.slice(0, n).map((r) => r.item);
}

/** Normalised hash of what an item says, so a re-sent or syndicated copy is recognised. */
export function itemHash(item: FeedItem): string {
  const body = (item.content ?? item.summary ?? '').replace(/<[^>]*>/g, ' ');
  return createHash('sha256').update(normalise(`${item.title}\n${body}`)).digest('hex');
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim();
}

function feedInfo(row: Feed): FeedInfo {
  return {
    url: row.url,
    title: row.title ?? undefined,
    scope: row.guildId ? 'server' : 'global',
    failures: row.failures,
    lastError: row.lastError ?? undefined,
    lastOkAt: row.lastOkAt ? new Date(row.lastOkAt) : undefined,
    nextAttemptAt: row.nextAttemptAt ? new Date(row.nextAttemptAt) : undefined,
  };
}

/** Whether two URLs name the same host (a URL that does not parse names none). */
function sameHost(a: string, b: string): boolean {
  const host = hostOf(a);
  return host !== undefined && host === hostOf(b);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
