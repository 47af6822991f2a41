// Reminder subscriptions and scheduled posts: what commands and /status see (ReminderService), and the
// engine behind it (Reminders): it keeps stored reminders in step with the article library and, on
// each due-scan, claims what is due, posts it once (nonce + enforce_nonce) and records the result.
import type { Logger } from 'pino';
import type { Metrics } from '../core/metrics';
import type { ArticleLibrary, LibraryChange, TrackedArticle } from '../articles/library';
import type { Clock } from '../core/clock';
import type { MessagePoster, PostResult } from '../core/poster';
import { visibleTo, type StatusContributor } from '../core/status-snapshot';
import { publishedAt, type StoryLinks } from '../stories/index';
import { movedEvents, type DateMove } from '../stories/link';
import { isFarMove, type HeldMove, type MoveHolds } from './holds';
import type { StoredReminder, ReminderStore, Subscription, SubscriptionPatch } from './store';
import { originKey, planReminders, reconcile, remindableEvents, sameDayCovered, type ReminderContent, type ReminderSettings } from './plan';
import { decide } from './decide';
import { reminderReply } from './render';
import { isHhmm, isTimeZone, zonedInstant } from './time';
import { backoffMs, type BackoffPolicy } from '../core/backoff';
import type { PostingState } from '../core/posting';
import type { ArticleScopes, Viewer } from '../articles/scopes';
import { NotScheduled } from './not-scheduled';

/**
 * REMINDER_CHANNEL_ID's subscription, with the server its channel is in: stored once known, else asked of
 * the transport and stored (Discord's answer to a post names no server, so posting never tells). Its
 * server decides which server's /remind list and moves include it, and where it is a member's fallback.
 */
export async function operatorSubscription(store: Pick<ReminderStore, 'subscription' | 'upsertSubscription'>, poster: Pick<MessagePoster, 'channelGuild'>, now: Date): Promise<Subscription | undefined> {
  const config = await store.subscription('config');
  if (!config?.channelId || config.guildId || !poster.channelGuild) return config;
  const guildId = await poster.channelGuild(config.channelId);
  return guildId ? store.upsertSubscription('config', { guildId }, now) : config;
}

export interface GuildReminderSettings {
  guildId: string;
  /** null: reminders are off in this server. */
  channelId: string | null;
  time: string;
  timezone: string;
  /** true when time/timezone come from the configuration (REMINDER_TIME, TIMEZONE). */
  defaultTime: boolean;
  defaultTimezone: boolean;
  leadDays: number;
  roleId: string | null;
  broken: { reason: string; at: Date } | null;
}

export interface ReminderLine {
  at: Date;
  description: string;
  headline: string;
  channelId: string | null;
  leadDays: number;
  /** Sent: link to the message. */
  messageUrl?: string;
  /** Missed / failed: why. */
  reason?: string;
}

export interface ReminderListing {
  /** The subscriptions shown: this server's (/remind channel) and REMINDER_CHANNEL_ID's when it is here. */
  channels: { channelId: string; source: 'command' | 'config'; broken: { reason: string; at: Date } | null }[];
  upcoming: ReminderLine[];
  sent: ReminderLine[];
  missed: ReminderLine[];
  failed: ReminderLine[];
  /** Cancelled, newest first, with why: a reminder never disappears without a trace. */
  cancelled: ReminderLine[];
  /** Articles with day-precise events that got no reminder, newest first, and why ("published 2005", "year not certain"). */
  notScheduled: { headline: string; why: string }[];
  /** How many such articles in all (notScheduled holds the first `limit`). */
  notScheduledCount: number;
}

export type SettingResult = { ok: true; settings: GuildReminderSettings } | { ok: false; reason: string };

export type PreviewResult = { ok: true; channelId: string; messageId: string; guildId?: string } | { ok: false; reason: string };

export interface ReminderService {
  /** Upcoming reminder posts (all channels), soonest first. */
  upcoming(limit?: number): Promise<{ at: Date; description: string; channelId: string }[]>;
  settings(guildId: string): Promise<GuildReminderSettings>;
  /** Subscribes (or moves) this server's reminders to a channel; the caller checks the bot can post embeds there. */
  subscribe(guildId: string, channelId: string): Promise<GuildReminderSettings>;
  off(guildId: string): Promise<{ wasOn: boolean; cancelled: number }>;
  setTime(guildId: string, time: string): Promise<SettingResult>;
  setTimezone(guildId: string, timezone: string): Promise<SettingResult>;
  setLead(guildId: string, days: number): Promise<SettingResult>;
  setRole(guildId: string, roleId: string | null): Promise<SettingResult>;
  list(guildId: string, limit?: number): Promise<ReminderListing>;
  /** Posts a preview of the next reminder (or of a sample) to this server's channel now. */
  preview(guildId: string): Promise<PreviewResult>;
  /** Date moves held for this server's admins (its own, and REMINDER_CHANNEL_ID's when that channel is here). */
  heldMoves?(guildId: string): Promise<HeldMove[]>;
  /** Confirms (the reminder moves) or rejects (it stays) a held date move. */
  decideMove?(guildId: string, id: number, decision: 'confirmed' | 'rejected', userId: string): Promise<{ ok: true; move: HeldMove } | { ok: false; reason: string }>;
}

/** What both reminder engines (Reminders, and MemberReminders in member-reminders.ts) are built with. */
export interface ReminderEngineOptions {
  poster: MessagePoster;
  clock: Clock;
  log: Logger;
  library: ArticleLibrary;
  defaults: { time: string; timezone: string; graceMs: number };
  /** Stories across articles: an event a newer article moved gets no reminder from the older article. */
  stories?: StoryLinks;
  /** ARTICLE_FRESH_DAYS: only articles published at most this many days before ingestion give reminders (default 7). */
  freshDays?: number;
  /** Stopped after Discord rejected the token (401): the due-scan claims nothing while it holds. */
  posting?: PostingState;
  /**
   * Per-server libraries (articles/scopes.ts): a server's subscription is reminded only of articles that
   * server sees, and only articles it sees move or cover its reminders; REMINDER_CHANNEL_ID sees the
   * operator's articles. Without it every subscription sees every article.
   */
  scopes?: Pick<ArticleScopes, 'view'> & Partial<Pick<ArticleScopes, 'scoped'>>;
  /** Shutdown: once aborted, the start-up sync and a due-scan stop at their next article or reminder (like stop()). */
  signal?: AbortSignal;
}

export interface RemindersOptions extends ReminderEngineOptions {
  store: ReminderStore;
  /** Counts posted, late and missed reminders (the status server's /metrics). */
  metrics?: Pick<Metrics, 'reminderPosted' | 'reminderMissed'>;
  /** Date moves by a year or more, or far ahead, wait here for an admin (reminders/holds.ts). */
  holds?: MoveHolds;
  /** Test-only: called at named points of a delivery (crash injection). */
  onPoint?: (point: DeliveryPoint, reminder: { id: number; attempts: number }) => void;
  /** Reminder posts in flight at once in a due-scan (default POSTS_IN_FLIGHT). */
  postsInFlight?: number;
}

export type DeliveryPoint = 'claimed' | 'sent' | 'recorded';

export const LEAD_DAYS_MAX = 30;
/** How long a claim holds before another scan may take the reminder again (a hung send). */
const LEASE_MS = 120_000;
/** 5 s, 10 s, … 5 min between retries of a post, or longer when Discord asks. */
const BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 300_000, retryAfter: 'at-least' };
const BATCH = 50;
/** Reminder posts in flight at once during a due-scan. */
const POSTS_IN_FLIGHT = 25;
/** Longest stretch of reconciliation before it yields to commands and heartbeats. */
const SLICE_MS = 10;

export interface ScanReport {
  posted: number;
  retried: number;
  failed: number;
  missed: number;
  cancelled: number;
}

/** What /status shows, per subscription's server (null = REMINDER_CHANNEL_ID before its server is known). */
interface Summary {
  next: { at: Date; description: string; channelId: string; guildId: string | null }[];
  missed: number;
  broken: { channelId: string; reason: string; guildId: string | null }[];
}

const guildKey = (guildId: string) => `guild:${guildId}`;

export class Reminders implements ReminderService {
  private queue: Promise<void> = Promise.resolve();
  private summary: Summary = { next: [], missed: 0, broken: [] };
  private stopping = false;
  /** /remind list's "not scheduled" articles, kept in step with the library once attach() follows its changes. */
  private readonly notScheduled: NotScheduled;
  private followsLibrary = false;
  /** Held moves already logged by this process (the warning is given once, not at every reconciliation). */
  private readonly warnedHolds = new Set<number>();

  /** Shutdown: a start-up sync under way stops between articles (the next start syncs again), a due-scan between reminders. */
  stop(): void {
    this.stopping = true;
  }

  private stopped(signal?: AbortSignal): boolean {
    return this.stopping || Boolean(this.o.signal?.aborted) || Boolean(signal?.aborted);
  }

  constructor(private readonly o: RemindersOptions) {
    this.notScheduled = new NotScheduled(o.freshDays);
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /**
   * Startup: applies REMINDER_CHANNEL_ID (a fresh start also retries a channel that was broken),
   * releases claims a previous process left (single process: they are all stale; the re-send uses
   * the same nonce) and brings every stored reminder in line with the library as ingested.
   */
  async start(configChannelId: string | null): Promise<void> {
    const now = this.o.clock.now();
    const before = await this.o.store.subscription('config');
    const changed = Boolean(before?.channelId && before.channelId !== configChannelId);
    // Another channel may be in another server: its server is learnt again.
    const config = await this.o.store.upsertSubscription('config', { channelId: configChannelId, ...(changed ? { guildId: null } : {}) }, now);
    if (config.broken) await this.o.store.setBroken(config.id, null, now);
    if (!configChannelId) await this.o.store.cancelSubscription(config.id, now);
    else {
      if (changed) this.o.log.info({ channelId: configChannelId }, 'REMINDER_CHANNEL_ID changed');
      await operatorSubscription(this.o.store, this.o.poster, now);
    }
    const released = await this.o.store.releaseClaims(now);
    if (released) this.o.log.warn({ released }, 'reminders claimed by a previous run are due again (same nonce)');
    await this.syncLibrary();
  }

  /** Keeps reminders in step with library changes (in order, one at a time). */
  attach(library: { onChange(listener: (change: LibraryChange) => void): void }): void {
    this.notScheduled.rebuild(this.o.library.list());
    this.followsLibrary = true;
    library.onChange((change) => {
      this.notScheduled.apply(change);
      // Which articles' supersession the change may alter is known only now (the story index moves on).
      const touched = this.o.stories?.touchedBy(change) ?? [change.tracked.article.id];
      void this.enqueue(() => this.onChange(change, touched));
    });
  }

  /**
   * Per-server libraries: an origin that a server's feed now also carries (no library change: one parsed
   * copy) changes who sees the article; its reminders and its story neighbours' are reconciled again.
   */
  attachScopes(scopes: { onGrant(listener: (origin: string) => void): void }, library: { byOriginPath(origin: string): TrackedArticle | undefined }): void {
    scopes.onGrant((origin) => {
      const tracked = library.byOriginPath(origin);
      if (!tracked) return;
      const touched = this.o.stories?.neighboursOf?.(tracked.article.id) ?? [tracked.article.id];
      void this.enqueue(() => this.onChange({ type: 'updated', tracked, previous: tracked }, touched));
    });
  }

  /** Resolves when every queued library change has been applied. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Contributes nextPost, missedReminders and brokenSubscriptions to /status. */
  statusContributor(): StatusContributor {
    return (_now, guildId) => {
      const visible = this.summary.next.filter((n) => visibleTo(n.guildId, guildId)).slice(0, 5);
      const next = visible[0];
      return {
        nextPost: next ? { at: next.at, description: next.description, channelId: next.channelId } : null,
        nextPosts: visible.map(({ at, description, channelId }) => ({ at, description, channelId })),
        missedReminders: this.summary.missed,
        brokenSubscriptions: this.summary.broken.filter((b) => visibleTo(b.guildId, guildId)).map(({ channelId, reason }) => ({ channelId, reason })),
      };
    };
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work).catch((error) => this.o.log.error({ err: error }, 'reminder reconciliation failed'));
    this.queue = run;
    return run;
  }

  /** A change reconciles only the articles it touches: itself and the articles on its story, before and after. */
  private async onChange(change: LibraryChange, touched: string[]): Promise<void> {
    const now = this.o.clock.now();
    if (change.type === 'updated' && change.previous && originKey(change.previous.origin) !== originKey(change.tracked.origin)) {
      // The article's file went but an identical copy holds it: its reminders follow the copy, never cancelled.
      const from = originKey(change.previous.origin);
      const to = originKey(change.tracked.origin);
      const moved = await this.o.store.renameOrigin(from, to, now);
      this.o.log.info({ from: change.previous.origin, to: change.tracked.origin, moved }, 'article now read from its copy: its reminders follow');
    }
    if (change.type === 'removed') {
      const cancelled = await this.o.store.cancelOrigin(originKey(change.tracked.origin), now);
      this.o.log.info({ origin: change.tracked.origin, cancelled }, 'article removed: its pending reminders are cancelled');
    }
    const subs = await this.o.store.activeSubscriptions();
    for (const id of touched) {
      const tracked = this.o.library.get(id);
      if (tracked) await this.reconcileArticle(tracked, subs, now);
    }
    await this.refreshSummary();
  }

  /**
   * Ids of this article's events that a newer article on the same story moved to another date, or
   * gives on the same day (the newer article's reminder covers it). Ties on publication go to the
   * origin that sorts last, so the choice is stable.
   */
  private async supersededOf(tracked: TrackedArticle, viewer: Viewer, now: Date): Promise<Set<string>> {
    const out = new Set<string>();
    const stories = this.o.stories;
    const mine = stories?.signatureOf(tracked.article.id);
    if (!stories || !mine) return out;
    const sees = (t: TrackedArticle) => !this.o.scopes || viewer === undefined || this.o.scopes.view(t, viewer) !== undefined;
    // This article moving an older one's date far: until an admin confirms, its new date gets no reminder.
    if (this.o.holds && stories.linksOf) {
      for (const older of stories.linksOf(tracked.article.id)) {
        if (older.tracked.origin === tracked.origin || publishedAt(older.tracked) > publishedAt(tracked) || !sees(older.tracked)) continue;
        for (const m of movedEvents(older.signature, mine)) {
          if (!(await this.heldMove(m, older.tracked, tracked, viewer, now))) continue;
          for (const e of tracked.article.events) if (e.date === m.to) out.add(e.id);
        }
      }
    }
    const key = originKey(tracked.origin);
    const when = publishedAt(tracked);
    for (const newer of stories.linkingTo(tracked.article.id)) {
      // Another server's article never moves or covers this viewer's reminders.
      if (this.o.scopes && viewer !== undefined && !this.o.scopes.view(newer.tracked, viewer)) continue;
      const theirKey = originKey(newer.tracked.origin);
      const theirWhen = publishedAt(newer.tracked);
      if (theirKey !== key && (theirWhen > when || (theirWhen === when && key.localeCompare(theirKey) < 0))) {
        for (const id of sameDayCovered(mine, newer.signature)) out.add(id);
      }
      if (newer.tracked.origin !== tracked.origin && when <= theirWhen) {
        // An event with any move held stays where it is: no other move of it (say, to the day a statement
        // was made) applies meanwhile.
        const moves = movedEvents(mine, newer.signature);
        const held = new Set<string>();
        for (const m of moves) if (await this.heldMove(m, tracked, newer.tracked, viewer, now)) held.add(m.eventId);
        for (const m of moves) if (!held.has(m.eventId)) out.add(m.eventId);
      }
    }
    return out;
  }

  /** Whether a date move waits for an admin: far (isFarMove) and not confirmed. Records it as held. */
  private async heldMove(m: DateMove, older: TrackedArticle, newer: TrackedArticle, viewer: Viewer, now: Date): Promise<boolean> {
    if (!this.o.holds || !isFarMove(m.from, m.to, now)) return false;
    const move = await this.o.holds.hold(
      { guildId: viewer ?? '', olderOrigin: originKey(older.origin), eventId: m.eventId, newerOrigin: originKey(newer.origin), newerHeadline: newer.article.headline, description: m.description, from: m.from, to: m.to },
      now,
    );
    // Said once per held move and process, not at every reconciliation of its story.
    if (move.state === 'held' && !this.warnedHolds.has(move.id)) {
      this.warnedHolds.add(move.id);
      this.o.log.warn({ guildId: move.guildId, from: m.from, to: m.to, article: newer.origin }, 'date move held for an admin to confirm (/remind moves)');
    }
    return move.state !== 'confirmed';
  }

  /**
   * Every article against every active subscription (start-up, a subscription's settings changed);
   * pending reminders of vanished articles are cancelled. Yields to the event loop every few
   * milliseconds, so commands and heartbeats are served while 10,000 articles are reconciled.
   */
  async syncLibrary(only?: Subscription): Promise<void> {
    const now = this.o.clock.now();
    const subs = only ? [only] : await this.o.store.activeSubscriptions();
    const articles = this.o.library.list();
    let sliceStart = performance.now();
    for (const tracked of articles) {
      if (this.stopped()) return;
      await this.reconcileArticle(tracked, subs, now);
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    const present = new Set(articles.map((t) => originKey(t.origin)));
    for (const origin of await this.o.store.pendingOrigins()) {
      if (present.has(origin)) continue;
      for (const sub of subs) await this.o.store.cancelOrigin(origin, now, sub.id);
    }
    await this.refreshSummary();
  }

  private async reconcileArticle(tracked: TrackedArticle, subs: Subscription[], now: Date): Promise<void> {
    // What each viewer (a server, or REMINDER_CHANNEL_ID's operator view) sees of the article: its events
    // (none when the viewer cannot see it: pending reminders are cancelled) under the origin it sees.
    const views = new Map<string, { origin: string; events: ReturnType<typeof remindableEvents> }>();
    const viewOf = async (sub: Subscription) => {
      const viewer: Viewer = this.o.scopes ? viewerOf(sub) : undefined;
      const cacheKey = viewer === undefined ? '*' : viewer === null ? '' : viewer;
      let v = views.get(cacheKey);
      if (!v) {
        const seen = this.o.scopes && viewer !== undefined ? this.o.scopes.view(tracked, viewer) : tracked;
        v = seen ? { origin: originKey(seen.origin), events: remindableEvents(seen, await this.supersededOf(seen, viewer, now), this.o.freshDays) } : { origin: originKey(tracked.origin), events: [] };
        views.set(cacheKey, v);
      }
      return v;
    };
    for (const sub of subs) {
      const { origin, events } = await viewOf(sub);
      const existing = await this.o.store.forOrigin(sub.id, origin);
      const contents = new Map(existing.map((r) => [r.id, r.content]));
      const actions = reconcile(existing, planReminders(events, this.settingsOf(sub)), now, (id) => contents.get(id));
      if (actions.create.length + actions.move.length + actions.cancel.length + actions.refresh.length === 0) continue;
      await this.o.store.apply(sub.id, origin, actions, now);
      this.o.log.info(
        { origin, subscription: sub.key, created: actions.create.length, moved: actions.move.length, cancelled: actions.cancel.length },
        'reminders reconciled',
      );
    }
  }

  private settingsOf(sub: Subscription): ReminderSettings {
    return { time: sub.time ?? this.o.defaults.time, timezone: sub.timezone ?? this.o.defaults.timezone, leadDays: sub.leadDays };
  }

  // ---- the due-scan ------------------------------------------------------------------------------

  /**
   * One due-scan: what node-cron runs every few seconds. `signal` (the scheduler stopping) ends it between
   * reminders: posts in flight finish and are recorded, the rest wait for the next start.
   */
  async runDue(signal?: AbortSignal): Promise<ScanReport> {
    const report: ScanReport = { posted: 0, retried: 0, failed: 0, missed: 0, cancelled: 0 };
    const scanAt = this.o.clock.now().getTime();
    const subs = new Map<number, Promise<Subscription | undefined>>();
    const subscription = (id: number) => {
      if (!subs.has(id)) subs.set(id, this.o.store.subscriptionById(id));
      return subs.get(id) as Promise<Subscription | undefined>;
    };
    // Posting stopped (the token was rejected): nothing is claimed, nothing is decided missed.
    const halted = () => Boolean(this.o.posting?.stopped()) || this.stopped(signal);
    // One scan drains everything due at its start: lanes take reminders from the batch in hand, and the
    // next batch is fetched (reserved, on PostgreSQL) as soon as the last one is handed out, not when its
    // slowest post is done. Several posts in flight: Discord's rate limit (which discord.js keeps, per
    // channel and 50 requests/s per client) sets the pace, not one round trip per post. The scan ends
    // at a short batch, or at one bringing no reminder it has not already seen (nothing moved on).
    const queue: StoredReminder[] = [];
    const seen = new Set<number>();
    let fetching: Promise<void> | undefined;
    let exhausted = false;
    const take = async (): Promise<StoredReminder | undefined> => {
      for (;;) {
        if (halted()) return undefined;
        const next = queue.shift();
        if (next) return next;
        if (exhausted) return undefined;
        fetching ??= this.o.store
          .due(scanAt, BATCH)
          .then((batch) => {
            const fresh = batch.filter((r) => !seen.has(r.id));
            for (const r of fresh) seen.add(r.id);
            queue.push(...fresh);
            if (batch.length < BATCH || fresh.length === 0) exhausted = true;
          })
          .finally(() => {
            fetching = undefined;
          });
        await fetching;
      }
    };
    const lane = async () => {
      for (let r = await take(); r; r = await take()) {
        const outcome = await this.deliver(r, await subscription(r.subscriptionId));
        if (outcome === 'broken') subs.set(r.subscriptionId, this.o.store.subscriptionById(r.subscriptionId));
        if (outcome !== 'skipped') report[outcome === 'broken' ? 'failed' : outcome]++;
      }
    };
    await Promise.all(Array.from({ length: this.o.postsInFlight ?? POSTS_IN_FLIGHT }, lane));
    if (report.posted + report.retried + report.failed + report.missed + report.cancelled > 0) {
      this.o.log.info(report, 'due reminders processed');
      await this.refreshSummary();
    }
    return report;
  }

  private async deliver(r: StoredReminder, sub: Subscription | undefined): Promise<keyof ScanReport | 'broken' | 'skipped'> {
    const { store, log } = this.o;
    const now = this.o.clock.now();
    const decision = decide(r, sub, now, this.o.defaults.graceMs);
    if (decision.kind === 'cancel') {
      await store.finish(r.id, 'cancelled', decision.reason, now);
      return 'cancelled';
    }
    if (decision.kind === 'fail') {
      await store.finish(r.id, 'failed', decision.reason, now);
      return 'failed';
    }
    if (decision.kind === 'miss') {
      await store.finish(r.id, 'missed', decision.reason, now);
      log.warn({ reminderId: r.id, dueAt: new Date(r.dueAt).toISOString(), reason: decision.reason }, 'reminder missed');
      this.o.metrics?.reminderMissed();
      return 'missed';
    }
    const { channelId, late } = decision;
    if (!(await store.claim(r, { leaseUntil: now.getTime() + LEASE_MS, channelId }, now))) return 'skipped';
    this.o.onPoint?.('claimed', { id: r.id, attempts: r.attempts });
    const settings = sub ? this.settingsOf(sub) : { time: this.o.defaults.time, timezone: this.o.defaults.timezone, leadDays: r.leadDays };
    const reply = reminderReply(r.content, {
      eventAt: zonedInstant(r.eventDate, settings.time, settings.timezone),
      leadDays: r.leadDays,
      late,
      roleId: sub?.roleId,
    });
    let result: PostResult;
    try {
      result = await this.o.poster.post(channelId, reply, { nonce: r.nonce });
    } catch (error) {
      result = { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
    }
    this.o.onPoint?.('sent', { id: r.id, attempts: r.attempts });
    const after = this.o.clock.now();
    if (!result.ok && result.retryable && result.unauthorized) {
      // Not this reminder's failure: it goes back to its place in the queue, due as before, no backoff.
      await store.retryLater(r.id, r.runAt, result.reason, after);
      log.error({ reminderId: r.id, reason: result.reason }, 'reminder not posted: posting is stopped');
      return 'skipped';
    }
    if (result.ok) {
      await store.markSent(r.id, { messageId: result.messageId, channelId: result.channelId, guildId: result.guildId ?? sub?.guildId ?? undefined }, after);
      if (sub && !sub.guildId && result.guildId) {
        // Learnt once: the scan's copy of the subscription is the one its other posts read.
        sub.guildId = result.guildId;
        await store.upsertSubscription(sub.key, { guildId: result.guildId }, after);
      }
      this.o.onPoint?.('recorded', { id: r.id, attempts: r.attempts });
      log.info({ reminderId: r.id, channelId, messageId: result.messageId, lateMs: decision.lateMs }, 'reminder posted');
      this.o.metrics?.reminderPosted(late !== undefined);
      return 'posted';
    }
    if (result.retryable) {
      const attempts = r.attempts + 1;
      const wait = backoffMs(attempts - 1, BACKOFF, result.retryAfterMs);
      await store.retryLater(r.id, after.getTime() + wait, result.reason, after);
      log.warn({ reminderId: r.id, channelId, attempts, retryInMs: wait, reason: result.reason }, 'reminder post failed; will retry');
      return 'retried';
    }
    await store.finish(r.id, 'failed', result.reason, after);
    if (sub && breaksChannel(result)) {
      await store.setBroken(sub.id, { reason: result.reason }, after);
      log.error({ reminderId: r.id, channelId, reason: result.reason }, 'reminder channel is broken');
      return 'broken';
    }
    log.error({ reminderId: r.id, channelId, reason: result.reason }, 'reminder post failed');
    return 'failed';
  }

  async refreshSummary(): Promise<void> {
    const [counts, subs] = await Promise.all([this.o.store.counts(), this.o.store.activeSubscriptions()]);
    // Each subscription's soonest pending reminder (one indexed read per subscription), soonest first.
    const next: Summary['next'] = [];
    for (const sub of subs) {
      const [r] = await this.o.store.bySubscription(sub.id, ['pending'], 1);
      if (r) next.push({ at: new Date(r.dueAt), description: r.content.description, channelId: r.channelId ?? sub.channelId ?? '', guildId: sub.guildId });
    }
    next.sort((a, b) => a.at.getTime() - b.at.getTime());
    this.summary = {
      next,
      missed: counts.missed,
      broken: subs
        .filter((s) => s.broken && s.channelId)
        .map((s) => ({ channelId: s.channelId as string, reason: (s.broken as { reason: string }).reason, guildId: s.guildId })),
    };
  }

  // ---- ReminderService -----------------------------------------------------------------------------

  async upcoming(limit = 10): Promise<{ at: Date; description: string; channelId: string }[]> {
    const out: { at: Date; description: string; channelId: string }[] = [];
    for (const sub of await this.o.store.activeSubscriptions()) {
      if (sub.broken) continue;
      for (const r of await this.o.store.bySubscription(sub.id, ['pending'], limit)) {
        out.push({ at: new Date(r.dueAt), description: r.content.description, channelId: r.channelId ?? (sub.channelId as string) });
      }
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, limit);
  }

  async settings(guildId: string): Promise<GuildReminderSettings> {
    const sub = await this.o.store.subscription(guildKey(guildId));
    return this.describe(guildId, sub);
  }

  private describe(guildId: string, sub: Subscription | undefined): GuildReminderSettings {
    return {
      guildId,
      channelId: sub?.channelId ?? null,
      time: sub?.time ?? this.o.defaults.time,
      timezone: sub?.timezone ?? this.o.defaults.timezone,
      defaultTime: !sub?.time,
      defaultTimezone: !sub?.timezone,
      leadDays: sub?.leadDays ?? 0,
      roleId: sub?.roleId ?? null,
      broken: sub?.broken ?? null,
    };
  }

  async subscribe(guildId: string, channelId: string): Promise<GuildReminderSettings> {
    const now = this.o.clock.now();
    const before = await this.o.store.subscription(guildKey(guildId));
    const sub = await this.o.store.upsertSubscription(guildKey(guildId), { channelId, guildId }, now);
    // A channel an admin (re)chose is worth trying again.
    if (sub.broken) await this.o.store.setBroken(sub.id, null, now);
    if (before?.channelId && before.channelId !== channelId) this.o.log.info({ guildId, channelId }, 'reminder channel moved');
    await this.enqueue(() => this.syncLibrary({ ...sub, broken: null }));
    return this.describe(guildId, { ...sub, broken: null });
  }

  async off(guildId: string): Promise<{ wasOn: boolean; cancelled: number }> {
    const sub = await this.o.store.subscription(guildKey(guildId));
    if (!sub?.channelId) return { wasOn: false, cancelled: 0 };
    const now = this.o.clock.now();
    await this.o.store.upsertSubscription(sub.key, { channelId: null }, now);
    await this.o.store.setBroken(sub.id, null, now);
    const cancelled = await this.o.store.cancelSubscription(sub.id, now);
    await this.refreshSummary();
    return { wasOn: true, cancelled };
  }

  setTime(guildId: string, time: string): Promise<SettingResult> {
    if (!isHhmm(time)) return Promise.resolve({ ok: false, reason: 'Use a 24-hour time as HH:MM, e.g. 09:00.' });
    return this.change(guildId, { time });
  }

  setTimezone(guildId: string, timezone: string): Promise<SettingResult> {
    if (!isTimeZone(timezone)) return Promise.resolve({ ok: false, reason: `"${timezone}" is not an IANA time zone name such as Europe/London.` });
    return this.change(guildId, { timezone });
  }

  setLead(guildId: string, days: number): Promise<SettingResult> {
    if (!Number.isInteger(days) || days < 0 || days > LEAD_DAYS_MAX) {
      return Promise.resolve({ ok: false, reason: `The lead is a whole number of days from 0 (only on the day) to ${LEAD_DAYS_MAX}.` });
    }
    return this.change(guildId, { leadDays: days });
  }

  setRole(guildId: string, roleId: string | null): Promise<SettingResult> {
    if (roleId !== null && !/^\d{17,20}$/.test(roleId)) return Promise.resolve({ ok: false, reason: 'That is not a role.' });
    // The @everyone role's id is the server's id: as the reminder role it would ping every member.
    if (roleId === guildId) return Promise.resolve({ ok: false, reason: 'The @everyone role cannot be the reminder role: it would ping every member. Pick a role members opt into.' });
    return this.change(guildId, { roleId });
  }

  private async change(guildId: string, patch: SubscriptionPatch): Promise<SettingResult> {
    const sub = await this.o.store.upsertSubscription(guildKey(guildId), { ...patch, guildId }, this.o.clock.now());
    // New time, zone or lead: pending reminders move, and reminders for a new lead appear.
    if (sub.channelId) await this.enqueue(() => this.syncLibrary(sub));
    return { ok: true, settings: this.describe(guildId, sub) };
  }

  async list(guildId: string, limit = 10): Promise<ReminderListing> {
    const subs: { sub: Subscription; source: 'command' | 'config' }[] = [];
    const own = await this.o.store.subscription(guildKey(guildId));
    if (own?.channelId) subs.push({ sub: own, source: 'command' });
    const config = await this.o.store.subscription('config');
    if (config?.channelId && (config.guildId === null || config.guildId === guildId)) subs.push({ sub: config, source: 'config' });
    const listing: ReminderListing = { channels: [], upcoming: [], sent: [], missed: [], failed: [], cancelled: [], notScheduled: [], notScheduledCount: 0 };
    for (const { sub, source } of subs) {
      listing.channels.push({ channelId: sub.channelId as string, source, broken: sub.broken });
      const line = (r: StoredReminder): ReminderLine => ({
        at: new Date(r.state === 'sent' && r.sentAt ? r.sentAt : r.dueAt),
        description: r.content.description,
        headline: r.content.headline,
        channelId: r.channelId ?? sub.channelId,
        leadDays: r.leadDays,
        messageUrl: r.messageId ? `https://discord.com/channels/${r.guildId ?? sub.guildId ?? guildId}/${r.channelId}/${r.messageId}` : undefined,
        reason: r.lastError ?? undefined,
      });
      listing.upcoming.push(...(await this.o.store.bySubscription(sub.id, ['pending', 'claimed'], limit)).map(line));
      listing.sent.push(...(await this.o.store.bySubscription(sub.id, ['sent'], limit)).map(line));
      listing.missed.push(...(await this.o.store.bySubscription(sub.id, ['missed'], limit)).map(line));
      listing.failed.push(...(await this.o.store.bySubscription(sub.id, ['failed'], limit)).map(line));
      listing.cancelled.push(...(await this.o.store.bySubscription(sub.id, ['cancelled'], limit)).map(line));
    }
    const soonest = (a: ReminderLine, b: ReminderLine) => a.at.getTime() - b.at.getTime();
    const newest = (a: ReminderLine, b: ReminderLine) => b.at.getTime() - a.at.getTime();
    listing.upcoming = listing.upcoming.sort(soonest).slice(0, limit);
    listing.sent = listing.sent.sort(newest).slice(0, limit);
    listing.missed = listing.missed.sort(newest).slice(0, limit);
    listing.failed = listing.failed.sort(newest).slice(0, limit);
    listing.cancelled = listing.cancelled.sort(newest).slice(0, limit);
    if (subs.length > 0) {
      // Without the library's change events (attach()) nothing says what changed: every article is asked again.
      if (!this.followsLibrary) this.notScheduled.rebuild(this.o.library.list());
      // Another server's feed articles are not named here (per-server libraries).
      const scopes = this.o.scopes;
      const page = this.notScheduled.page(limit, scopes && scopes.scoped !== false ? (t) => scopes.view(t, guildId) !== undefined : undefined);
      listing.notScheduled = page.shown;
      listing.notScheduledCount = page.count;
    }
    return listing;
  }

  async heldMoves(guildId: string): Promise<HeldMove[]> {
    if (!this.o.holds) return [];
    return this.o.holds.list(await this.moveServers(guildId), 'held', 10);
  }

  /** The held moves' server keys a server's admins decide: its own, and the operator's ('') when REMINDER_CHANNEL_ID is in it. */
  private async moveServers(guildId: string): Promise<string[]> {
    const config = await this.o.store.subscription('config');
    return [guildId, ...(config?.channelId && config.guildId === guildId ? [''] : [])];
  }

  private async serverOwns(move: HeldMove, guildId: string): Promise<boolean> {
    return (await this.moveServers(guildId)).includes(move.guildId);
  }

  async decideMove(guildId: string, id: number, decision: 'confirmed' | 'rejected', userId: string): Promise<{ ok: true; move: HeldMove } | { ok: false; reason: string }> {
    const holds = this.o.holds;
    if (!holds) return { ok: false, reason: 'Date moves are not held in this deployment.' };
    const move = await holds.get(id);
    // Whose the move is, by its server (held or decided): another server's is neither decided nor described.
    if (!move || !(await this.serverOwns(move, guildId))) return { ok: false, reason: 'That date move is not one of this server\'s.' };
    if (move.state !== 'held') return { ok: false, reason: `That date move was already ${move.state}.` };
    const decided = await holds.decide(id, decision, userId, this.o.clock.now());
    if (!decided) return { ok: false, reason: 'That date move was already decided.' };
    this.o.log.info({ guildId, move: id, decision, userId }, 'held date move decided');
    // The story's reminders follow the decision (a confirmed move cancels the old date's and plans the new one's).
    await this.enqueue(() => this.syncLibrary());
    return { ok: true, move: decided };
  }

  async preview(guildId: string): Promise<PreviewResult> {
    const sub = await this.o.store.subscription(guildKey(guildId));
    if (!sub?.channelId) return { ok: false, reason: 'Reminders are off in this server: choose a channel with /remind channel first.' };
    const now = this.o.clock.now();
    const settings = this.settingsOf(sub);
    const [next] = await this.o.store.bySubscription(sub.id, ['pending'], 1);
    const content = next?.content ?? this.sampleContent(now, settings, guildId);
    if (!content) return { ok: false, reason: 'There is no upcoming event to preview yet.' };
    const reply = reminderReply(content, {
      eventAt: zonedInstant(content.eventDate, settings.time, settings.timezone),
      leadDays: next?.leadDays ?? 0,
      roleId: sub.roleId,
      preview: true,
    });
    let result: PostResult;
    try {
      result = await this.o.poster.post(sub.channelId, reply);
    } catch (error) {
      result = { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
    }
    if (result.ok) return { ok: true, channelId: result.channelId, messageId: result.messageId, guildId: result.guildId };
    if (!result.retryable && breaksChannel(result)) {
      await this.o.store.setBroken(sub.id, { reason: result.reason }, now);
      await this.refreshSummary();
    }
    return { ok: false, reason: result.reason };
  }

  /** Any remindable event in the library (the most recent article's first), for a preview. */
  private sampleContent(now: Date, settings: ReminderSettings, guildId: string): ReminderContent | undefined {
    for (const tracked of this.o.library.list()) {
      if (this.o.scopes && !this.o.scopes.view(tracked, guildId)) continue;
      const events = remindableEvents(tracked, new Set(), this.o.freshDays);
      const upcoming = events.find((e) => zonedInstant(e.date, settings.time, settings.timezone).getTime() > now.getTime());
      if (upcoming ?? events[0]) return (upcoming ?? events[0]).content;
    }
    return undefined;
  }
}

/** 403 (missing access/permissions) and 404 (unknown channel) mean the channel cannot be used. */
function breaksChannel(result: Extract<PostResult, { ok: false; retryable: false }>): boolean {
  return result.status === 403 || result.status === 404 || [10003, 50001, 50013].includes(result.code ?? -1);
}

/** Whose view a subscription has: its server's, or the operator's (REMINDER_CHANNEL_ID) articles only. */
function viewerOf(sub: Subscription): Viewer {
  return sub.key === 'config' ? null : sub.guildId;
}
