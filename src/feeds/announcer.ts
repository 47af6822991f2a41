// Announcing new articles to watching channels, exactly once. A new article is matched against the
// watches and queued in the SQLite outbox (one row per watch and article, ever); drain() posts due
// rows through the MessagePoster with a nonce derived from (watch, article), so a crash between
// sending and recording resends the same nonce and Discord returns the first message instead.
import type { Logger } from 'pino';
import type { Metrics } from '../core/metrics';
import type { TrackedArticle } from '../articles/library';
import type { Clock } from '../core/clock';
import type { ActionResult, MessagePoster, PostAction } from '../core/poster';
import type { Button, Reply } from '../core/reply';
import { CHANNEL_SUMMARY, SUMMARY_KEY, type Announcement, type FeedStore, type NewAnnouncement, type Watch } from './store';
import { clip, neutraliseMentions, stripControls } from '../format/text';
import { bold, safe } from '../format/parts';
import type { StoryIndex } from '../stories/index';
import { movedEvents, signature } from '../stories/link';
import { entityProfile } from '../stories/entities';
import { announcementNonce } from './announcement';
import type { ArticleLibrary } from '../articles/library';
import { renderDelivery, type DeliverySettings } from './delivery';
import { parseStoredFilter } from './filters';
import { planDeliveries } from './routing';
import { backoffMs, type BackoffPolicy } from '../core/backoff';
import type { PostingState } from '../core/posting';
import { DELETED_REASON, sendPlan, WEBHOOK_GONE, type WebhookDirectory } from './webhooks';
import type { PostOptions, PostResult } from '../core/poster';
import type { ArticleScopes } from '../articles/scopes';

export interface AnnouncerDeps {
  store: FeedStore;
  stories: StoryIndex;
  poster: MessagePoster;
  clock: Clock;
  log: Logger;
  metrics?: Pick<Metrics, 'announcementPosted'>;
  /** For previews: the tracked articles a watch would announce next. */
  library?: ArticleLibrary;
  /** Stopped after Discord rejected the token (401): nothing is posted while it holds. */
  posting?: PostingState;
  /** Announcements to one channel in any minute (ANNOUNCE_PER_MINUTE, default 20); the rest become one summary line. */
  perMinute?: number;
  /** Channels' webhook settings (webhook delivery); without it every post is Herald's own message. */
  webhooks?: WebhookDirectory;
  /** Per-server libraries: an announcement links only to a story article the watching server sees. */
  scopes?: Pick<ArticleScopes, 'visible'>;
  /** Buttons under an announcement (members' Remind me under each upcoming sure event), in the preview too. */
  buttons?: (tracked: TrackedArticle, now: Date) => Button[];
}

/** Tries for a thread or publish that fails retryably (then its reason shows in /watch list). */
const ACTION_ATTEMPTS = 3;

/** What a watch asks for after each post: publishing first (followers get it), then a thread. */
export function postActions(watch: Pick<Watch, 'openThread' | 'publish' | 'forum'>, headline: string): PostAction[] {
  const actions: PostAction[] = [];
  // A forum post is a thread already, and forums have nothing to publish to.
  if (watch.forum) return actions;
  if (watch.publish) actions.push({ kind: 'publish' });
  if (watch.openThread) actions.push({ kind: 'thread', name: threadName(headline) });
  return actions;
}

/** A thread (or forum post) name from a headline: inert, one line, at most 100 characters (Discord's limit). */
export function threadName(headline: string): string {
  // Cut whole characters: half an emoji is no Unicode, and the name is what finds a forum post after a crash.
  return clip(neutraliseMentions(stripControls(headline)).replace(/\s+/g, ' ').trim(), 100, 'exact') || 'Discussion';
}

/** A watch's (or route's) stored delivery settings. */
export function deliverySettings(watch: Watch): DeliverySettings {
  return { template: watch.template, format: watch.format, pingRoleId: watch.pingRoleId };
}

export type PreviewResult =
  | { ok: true; reply: Reply; article?: string; queued: boolean }
  | { ok: false; reason: string };

/**
 * One feed's poll: each watch gets at most `perWatch` of its new items (ANNOUNCE_PER_POLL); the rest are
 * counted and announced as one "…and N more" line (Announcer.summarise).
 */
export class PollBudget {
  readonly queued = new Map<number, number>();
  readonly over = new Map<number, number>();
  constructor(readonly perWatch: number) {}

  /** Whether the watch may have one more announcement from this poll (counts it either way). */
  take(watchId: number): boolean {
    const n = this.queued.get(watchId) ?? 0;
    if (n < this.perWatch) {
      this.queued.set(watchId, n + 1);
      return true;
    }
    this.over.set(watchId, (this.over.get(watchId) ?? 0) + 1);
    return false;
  }
}

const MINUTE = 60_000;

/** The source named in an announcement (its embed footer or a text template's first line), for a summary line. */
function sourceOf(replyJson: string): string | undefined {
  try {
    const footer = (JSON.parse(replyJson) as Reply).embeds?.[0]?.footer;
    const source = footer?.split(' · ')[0];
    return source && source !== 'Herald' && !source.startsWith('published ') ? source : undefined;
  } catch {
    return undefined;
  }
}

export interface NoticeOptions {
  /** Guild whose feed delivered it; null = global (FEEDS, the articles folder). */
  scope: string | null;
  /** 'changed': the same origin came back with new content (announced only when it moves a date). */
  kind: 'new' | 'changed';
  previous?: TrackedArticle;
  /** The feed that delivered it (routes and feed filters apply); none for the articles folder. */
  feedId?: number;
  /** The poll's per-watch budget (feed polls); the folder's files and backfills have none. */
  budget?: PollBudget;
}

export interface DrainReport {
  posted: number;
  retrying: number;
  failed: number;
}

/** Announcement posts back off 30 s, 1 min, … 30 min; a Discord Retry-After is waited exactly. */
const BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 30 * 60_000, retryAfter: 'instead' };
/** How long a drain holds the announcements it took (a drain that dies hands them back after this). */
const RESERVATION_MS = 120_000;

export class Announcer {
  private draining: Promise<DrainReport> | null = null;

  constructor(private readonly deps: AnnouncerDeps) {}

  /**
   * The announcements of `tracked` for every matching watch (not queued yet: the caller queues them
   * with what else must be recorded atomically, e.g. the feed item or folder file).
   */
  async plan(tracked: TrackedArticle, options: NoticeOptions): Promise<NewAnnouncement[]> {
    const { store, stories, clock } = this.deps;
    const now = clock.now();
    const article = tracked.article;
    const changedMoves = options.previous ? movedEvents(signature(options.previous.article), signature(article)) : [];
    if (options.kind === 'changed' && changedMoves.length === 0) return [];
    const articleKey = options.kind === 'changed' ? `${tracked.origin}#${article.contentHash.slice(0, 16)}` : tracked.origin;
    const watches = (await store.watches.watches()).filter((w) => options.scope === null || w.guildId === options.scope);
    if (watches.length === 0) return [];
    // What the article updates, as each watching server sees the library: a story article of another
    // server is never named, nor its dates (one link per server).
    type Link = { updateTo?: string; moves: typeof changedMoves; movedFrom?: { headline: string; source?: string; url?: string } };
    const links = new Map<string, Link>();
    const from = (t: TrackedArticle | undefined) => t && { headline: t.article.headline, source: t.article.meta.source, url: t.article.meta.url ?? (/^https?:\/\//.test(t.origin) ? t.origin : undefined) };
    const linkFor = (guildId: string) => {
      let link = links.get(guildId);
      if (!link) {
        if (options.kind === 'changed') link = { updateTo: options.previous?.article.headline, moves: changedMoves, movedFrom: changedMoves.length > 0 ? from(options.previous) : undefined };
        else {
          const scopes = this.deps.scopes;
          const best = stories.bestLink(article, tracked.origin, scopes ? (t) => scopes.visible(t, guildId) : undefined);
          link = best ? { updateTo: best.tracked.article.headline, moves: best.moves, movedFrom: best.moves.length > 0 ? from(best.tracked) : undefined } : { moves: changedMoves };
        }
        links.set(guildId, link);
      }
      return link;
    };
    const profile = entityProfile(article);
    const feed = options.feedId !== undefined ? await store.feeds.feed(options.feedId) : undefined;
    const plan = planDeliveries(article, watches, { feedId: options.feedId, feedFilter: parseStoredFilter(feed?.filterJson) }, profile);
    const out: NewAnnouncement[] = [];
    for (const { watch, terms } of plan.deliver) {
      if (options.budget && !options.budget.take(watch.id)) continue;
      const { updateTo, moves, movedFrom } = linkFor(watch.guildId);
      const reply = this.withButtons(renderDelivery({ article, origin: tracked.origin, now, updateTo, moves, movedFrom, matchedTerms: terms }, deliverySettings(watch)), tracked, now);
      const actions = postActions(watch, article.headline);
      out.push({ watchId: watch.id, articleKey, nonce: announcementNonce(watch.id, articleKey), reply, threadName: threadName(article.headline), ...(actions.length ? { actions } : {}) });
    }
    return out;
  }

  /** Queues announcements of `tracked` for every matching watch; returns how many were queued. */
  async notice(tracked: TrackedArticle, options: NoticeOptions): Promise<number> {
    const queued = await this.deps.store.outbox.enqueue(await this.plan(tracked, options), this.deps.clock.now());
    this.logQueued(tracked, queued);
    return queued;
  }

  /** Queues one "…and N more from <feed>" line for each watch a poll's budget cut short. */
  async summarise(budget: PollBudget, feed: { id: number; title: string }, now: Date): Promise<number> {
    const lines: NewAnnouncement[] = [];
    for (const [watchId, more] of budget.over) {
      const key = `${SUMMARY_KEY}feed:${feed.id}:${now.toISOString()}`;
      const reply: Reply = { content: `…and ${more} more new article${more === 1 ? '' : 's'} from ${bold(safe(feed.title))} in this poll, not announced one by one (at most ${budget.perWatch} per feed and poll). See /articles.` };
      lines.push({ watchId, articleKey: key, nonce: announcementNonce(watchId, key), reply });
    }
    const queued = await this.deps.store.outbox.enqueue(lines, now);
    if (queued > 0) this.deps.log.info({ feed: feed.id, watches: queued, held: [...budget.over.values()].reduce((a, b) => a + b, 0) }, 'announcements over the per-poll cap summarised');
    return queued;
  }

  logQueued(tracked: TrackedArticle, queued: number): void {
    if (queued > 0) this.deps.log.info({ article: tracked.article.id, queued }, 'announcements queued');
  }

  /** Posts every due announcement; concurrent calls share one run. */
  drain(): Promise<DrainReport> {
    if (!this.draining) {
      this.draining = this.drainOnce().finally(() => {
        this.draining = null;
      });
    }
    return this.draining;
  }

  /** For fire-and-forget callers: a failed drain (e.g. SQLite busy or full) is logged and left to the
   * next scheduled drain, never an unhandled rejection that would end the process. */
  drainInBackground(): void {
    this.drain().catch((error) => this.deps.log.error({ err: error }, 'announcement drain failed; the next scheduled drain retries'));
  }

  /** Resolves when no drain is running (shutdown waits for it before the database closes). */
  async idle(): Promise<void> {
    await this.draining?.catch(() => undefined);
  }

  private async drainOnce(): Promise<DrainReport> {
    const { store, poster, clock, log } = this.deps;
    const report: DrainReport = { posted: 0, retrying: 0, failed: 0 };
    const brokenNow = new Set<number>();
    const stopped = () => this.deps.posting?.stopped() ?? null;
    // Per drain: each watch's row and each channel's webhook setting, read once.
    const watches = new Map<number, Promise<Watch | undefined>>();
    const hooks = new Map<string, ReturnType<WebhookDirectory['get']>>();
    const perMinute = this.deps.perMinute ?? 20;
    for (;;) {
      if (stopped()) break;
      // Reserved for this drain: another process's drain does not take them before the lease ends.
      const at = clock.now();
      const due = (await store.outbox.due(at, 100, new Date(at.getTime() + RESERVATION_MS))).filter((r) => !brokenNow.has(r.watchId));
      if (due.length === 0) break;
      let progressed = false;
      // Each channel's last minute, read from the store (whichever process posted), then kept up here.
      const windows = new Map<string, { posted: number[]; lastSummary: number | null }>();
      const windowOf = async (channelId: string, now: number) => {
        let w = windows.get(channelId);
        if (!w) windows.set(channelId, (w = await store.outbox.channelWindow(channelId, new Date(now - MINUTE))));
        while (w.posted.length > 0 && w.posted[0] <= now - MINUTE) w.posted.shift();
        return w;
      };
      /** Rows over their channel's per-minute cap in this batch: channel → watch, count, sources. */
      const overflow = new Map<string, { watchId: number; count: number; sources: Set<string> }>();
      for (const row of due) {
        if (stopped()) break;
        if (!row.articleKey.startsWith(SUMMARY_KEY)) {
          const now = clock.now().getTime();
          const w = await windowOf(row.channelId, now);
          if (w.posted.length >= perMinute) {
            if (w.lastSummary !== null && now - w.lastSummary < MINUTE) {
              // Already summarised this minute: the row waits for the window to free up.
              await store.outbox.defer(row.watchId, row.articleKey, new Date(w.posted[0] + MINUTE));
            } else {
              await store.outbox.markSummarised(row.watchId, row.articleKey);
              const o = overflow.get(row.channelId) ?? { watchId: row.watchId, count: 0, sources: new Set<string>() };
              o.count++;
              const source = sourceOf(row.replyJson);
              if (source) o.sources.add(source);
              overflow.set(row.channelId, o);
              progressed = true;
            }
            continue;
          }
        }
        const reply = JSON.parse(row.replyJson) as Reply;
        const result = await this.send(row, reply, watches, hooks);
        const now = clock.now();
        if (!result.ok && result.retryable && result.unauthorized) {
          // The token was rejected: the row stays due as it was (no attempt counted) until posting resumes.
          log.error({ channelId: row.channelId, reason: result.reason }, 'announcement not posted: posting is stopped');
          break;
        }
        if (result.ok) {
          windows.get(row.channelId)?.posted.push(now.getTime());
          await store.outbox.markPosted(row.watchId, row.articleKey, result.messageId, now);
          report.posted++;
          this.deps.metrics?.announcementPosted();
          progressed = true;
          if (row.actionsJson) await this.runActions({ ...row, messageId: result.messageId, channelId: result.channelId ?? row.channelId });
        } else if (result.retryable) {
          const wait = backoffMs(row.attempts, BACKOFF, result.retryAfterMs);
          await store.outbox.markRetry(row.watchId, row.articleKey, result.reason, new Date(now.getTime() + wait));
          report.retrying++;
          log.warn({ channelId: row.channelId, reason: result.reason, retryInMs: wait }, 'announcement will be retried');
        } else {
          await store.outbox.markFailed(row.watchId, row.articleKey, result.reason);
          report.failed++;
          // 403 (missing access/permissions) and 404 (unknown channel) break the channel; anything else
          // (a 400 for one malformed message) fails only this announcement.
          if (result.status === 403 || result.status === 404 || result.status === undefined) {
            await store.watches.markWatchBroken(row.watchId, result.reason);
            brokenNow.add(row.watchId);
            log.error({ channelId: row.channelId, reason: result.reason }, 'announcement channel is broken');
          } else {
            log.error({ channelId: row.channelId, reason: result.reason, status: result.status }, 'announcement refused');
          }
        }
      }
      const now = clock.now();
      const lines: NewAnnouncement[] = [];
      for (const [channelId, o] of overflow) {
        const key = `${CHANNEL_SUMMARY}${channelId}:${now.toISOString()}`;
        const sources = [...o.sources].slice(0, 3).map((t) => safe(t)).join(', ');
        const reply: Reply = {
          content: `…and ${o.count} more new article${o.count === 1 ? '' : 's'}${sources ? ` from ${sources}${o.sources.size > 3 ? ' and others' : ''}` : ''}, not announced one by one (at most ${perMinute} a minute in this channel). See /articles.`,
        };
        lines.push({ watchId: o.watchId, articleKey: key, nonce: announcementNonce(o.watchId, key), reply });
        log.info({ channelId, held: o.count }, 'announcements over the per-minute cap summarised');
      }
      if (lines.length > 0) await store.outbox.enqueue(lines, now);
      if (!progressed) break;
    }
    // Threads and publishing that failed for a moment are tried again (at most ACTION_ATTEMPTS times).
    if (!stopped()) for (const row of await store.outbox.pendingActions(50)) await this.runActions(row);
    await this.deps.webhooks?.refresh();
    return report;
  }

  /**
   * Posts one announcement as its channel asks: through the channel's webhook, as a forum post, or as
   * Herald's message with the announcement's nonce. A webhook or forum post has no nonce, so the send is
   * claimed in the store first; a row found claimed (an earlier send's outcome was never recorded: a
   * crash or timeout between post and record) is looked for in the channel before anything is sent again.
   * A webhook that is gone (10015) falls back to Herald's own message, with the reason kept for /status.
   */
  private async send(
    row: Announcement,
    reply: Reply,
    watches: Map<number, Promise<Watch | undefined>>,
    hooks: Map<string, ReturnType<WebhookDirectory['get']>>,
  ): Promise<PostResult> {
    const { store, poster, clock, log, webhooks } = this.deps;
    if (!watches.has(row.watchId)) watches.set(row.watchId, store.watches.watch(row.watchId));
    const watch = await watches.get(row.watchId);
    if (webhooks && !hooks.has(row.channelId)) hooks.set(row.channelId, webhooks.get(row.channelId));
    const hook = webhooks ? await hooks.get(row.channelId) : undefined;
    let plan = sendPlan(row, watch, hook);
    if (plan.claimVia) {
      const found = await this.alreadySent(row, reply, plan.options);
      if (found) return found;
      await store.outbox.claimSend(row.watchId, row.articleKey, plan.claimVia, clock.now());
    }
    const result = await poster.post(row.channelId, reply, plan.options);
    if (!result.ok && !result.retryable && plan.options.webhook && result.code !== undefined && WEBHOOK_GONE.has(result.code)) {
      log.warn({ channelId: row.channelId }, 'the channel\'s webhook was deleted: posting as Herald');
      await store.webhooks.setWebhookFallback(row.channelId, DELETED_REASON, true);
      hooks.set(row.channelId, Promise.resolve(undefined));
      plan = sendPlan(row, watch, undefined);
      if (plan.claimVia) await store.outbox.claimSend(row.watchId, row.articleKey, plan.claimVia, clock.now());
      return poster.post(row.channelId, reply, plan.options);
    }
    return result;
  }

  /** The message an unrecorded earlier send made, as a posted result; a failed lookup keeps the row due. */
  private async alreadySent(row: Announcement, reply: Reply, options: PostOptions): Promise<PostResult | undefined> {
    if (!row.sendClaimedAt) return undefined;
    const { poster, log } = this.deps;
    // The claim's webhook (the send may have gone through a webhook since replaced or deleted).
    const via = row.sendVia && row.sendVia !== 'bot' && options.webhook?.id !== row.sendVia ? { ...options, webhook: { id: row.sendVia, token: '', username: '' } } : options;
    if (!poster.findSent) return undefined;
    const found = await poster.findSent(row.channelId, reply, { ...via, since: new Date(row.sendClaimedAt) });
    if (!found.ok) return { ok: false, retryable: true, reason: `could not check whether an earlier send went through: ${found.reason}` };
    if (!found.found) return undefined;
    log.info({ channelId: row.channelId, messageId: found.found.messageId }, 'an earlier send went through: recorded, not sent again');
    return { ok: true, messageId: found.found.messageId, channelId: found.found.channelId };
  }

  /** Opens the thread and publishes, as the watch asked; a retryable failure is left for the next drain. */
  private async runActions(row: Announcement): Promise<void> {
    const { store, poster, log } = this.deps;
    if (!row.actionsJson || !row.messageId) return;
    let actions: PostAction[];
    try {
      actions = JSON.parse(row.actionsJson) as PostAction[];
    } catch {
      actions = [];
    }
    const left: PostAction[] = [];
    for (const action of actions) {
      const result: ActionResult = poster.act ? await poster.act(row.channelId, row.messageId, action) : { ok: false, retryable: false, reason: 'this transport cannot open threads or publish' };
      if (result.ok) continue;
      const what = action.kind === 'thread' ? 'open a thread' : 'publish';
      if (result.retryable && row.actionAttempts + 1 < ACTION_ATTEMPTS) left.push(action);
      else {
        await store.watches.setWatchActionError(row.watchId, `could not ${what}: ${result.reason}`);
        log.warn({ channelId: row.channelId, action: action.kind, reason: result.reason }, 'announcement action failed');
      }
    }
    await store.outbox.setAnnouncementActions(row.watchId, row.articleKey, left.length ? left : null, true);
  }

  /**
   * The next message a watch (or feed route) will post, exactly as it will be posted: the oldest queued
   * announcement if one is waiting, else the newest tracked article it would announce, rendered the way
   * plan() renders it. Scans at most `limit` of the newest articles.
   */
  async preview(watch: Watch, limit = 300): Promise<PreviewResult> {
    const { store, stories, clock } = this.deps;
    const pending = await store.outbox.nextPending(watch.id);
    if (pending) return { ok: true, reply: JSON.parse(pending.replyJson) as Reply, queued: true };
    const library = this.deps.library;
    if (!library) return { ok: false, reason: 'previews are not available in this deployment.' };
    const watches = await store.watches.watches(watch.guildId);
    const now = clock.now();
    for (const tracked of library.list().slice(0, limit)) {
      // Another server's feed articles are not this server's to see.
      const scopes = this.deps.scopes;
      if (scopes && !scopes.visible(tracked, watch.guildId)) continue;
      const source = await store.items.articleSource(tracked.origin);
      if (!scopes && source && source.guildId !== '' && source.guildId !== watch.guildId) continue;
      const feedId = source?.feedId ?? undefined;
      if (watch.feedId !== null && feedId !== watch.feedId) continue;
      const feed = feedId !== undefined ? await store.feeds.feed(feedId) : undefined;
      const plan = planDeliveries(tracked.article, watches, { feedId, feedFilter: parseStoredFilter(feed?.filterJson) }, entityProfile(tracked.article));
      const mine = plan.deliver.find((d) => d.watch.id === watch.id);
      if (!mine) continue;
      const link = stories.bestLink(tracked.article, tracked.origin, scopes ? (t) => scopes.visible(t, watch.guildId) : undefined);
      const reply = this.withButtons(
        renderDelivery(
          { article: tracked.article, origin: tracked.origin, now, updateTo: link?.tracked.article.headline, moves: link?.moves ?? [], matchedTerms: mine.terms },
          deliverySettings(watch),
        ),
        tracked,
        now,
      );
      return { ok: true, reply, article: tracked.article.headline, queued: false };
    }
    return { ok: false, reason: 'no tracked article would be announced there yet (its topic, filters or routes leave every one out); the preview appears once one would be.' };
  }

  /** The announcement with its buttons in rows of five (Discord: at most five rows). */
  private withButtons(reply: Reply, tracked: TrackedArticle, now: Date): Reply {
    const buttons = this.deps.buttons?.(tracked, now) ?? [];
    if (buttons.length === 0) return reply;
    const rows: Button[][] = [];
    for (let i = 0; i < buttons.length && rows.length < 5; i += 5) rows.push(buttons.slice(i, i + 5));
    return { ...reply, buttonRows: rows };
  }

  watchesFor(guildId: string): Promise<Watch[]> {
    return this.deps.store.watches.watches(guildId);
  }
}
