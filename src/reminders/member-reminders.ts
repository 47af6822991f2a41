// Members' own reminders ("Remind me", issue 15): a member presses the button under an event and gets a
// direct message on the event's day, at the server's reminder time in the member's own time zone; with
// DMs closed (50007), one message in the server's reminder channel pinging only that member. Exactly once
// across restarts and processes: the due-scan claims each one (a compare-and-set; PostgreSQL reserves
// with FOR UPDATE SKIP LOCKED) and sends it with its nonce and enforce_nonce. A pending reminder follows
// its event when the article or a newer article on the story moves the date, and is cancelled, with the
// reason kept, when the event goes.
import type { ArticleLibrary, LibraryChange, TrackedArticle } from '../articles/library';
import type { PostResult } from '../core/poster';
import type { Button, Reply } from '../core/reply';
import { backoffMs, type BackoffPolicy } from '../core/backoff';
import type { StatusContributor } from '../core/status-snapshot';
import { dayText, timestampPart } from '../format/dates';
import { clip } from '../format/text';
import { bold, safe, userMention } from '../format/parts';
import { publishedAt } from '../stories/index';
import { movedEvents } from '../stories/link';
import type { MemberReminder, MemberReminderCounts, MemberReminderState, MemberReminderStore } from './member-store';
import { articleRef, isUpcomingDay, memberDueAt, parseRemindMe, planMember, remindMeButtons, remindMeEvents, type NewerMove } from './members';
import { isFarMove, type MoveHolds } from './holds';
import { timing } from './decide';
import { originKey, remindableEvents } from './plan';
import { reminderReply } from './render';
import type { ReminderStore } from './store';
import { operatorSubscription, type ReminderEngineOptions } from './reminders';
import { isTimeZone } from './time';

export type RemindMeResult = { ok: true; reminder: MemberReminder; created: boolean } | { ok: false; reason: string };

export interface MemberListing {
  timezone: string;
  ownTimezone: boolean;
  upcoming: MemberReminder[];
  sent: MemberReminder[];
  /** Missed, failed and cancelled, newest first, each with its reason. */
  ended: MemberReminder[];
}

export interface MemberReminderService {
  /** Remind me buttons for the article's upcoming sure events (only those with an id in `only`, when given). */
  buttons(tracked: TrackedArticle, now: Date, only?: ReadonlySet<string>): Button[];
  /** The button's press: `articles` is what the member's server sees. */
  remindMe(who: { userId: string; guildId: string | null }, customId: string, articles: Pick<ArticleLibrary, 'list' | 'get'>): Promise<RemindMeResult>;
  mine(userId: string, guildId: string | null, limit?: number): Promise<MemberListing>;
  cancel(userId: string, id: number): Promise<{ ok: true; reminder: MemberReminder } | { ok: false; reason: string }>;
  timezone(userId: string, guildId: string | null): Promise<{ timezone: string; own: boolean }>;
  /** Sets the member's zone; their pending reminders move to the same wall time in it. */
  setTimezone(userId: string, timezone: string): Promise<{ ok: true; moved: number } | { ok: false; reason: string }>;
  /** A far date move was decided (/remind moves): members' reminders follow a confirmed one. */
  movesDecided?(): Promise<void>;
}

export interface MemberRemindersOptions extends ReminderEngineOptions {
  store: MemberReminderStore;
  /** Server settings: the reminder time and zone (defaults for members) and the reminder channel (DMs closed). */
  servers: Pick<ReminderStore, 'subscription' | 'upsertSubscription'>;
  /** Far date moves an admin decided (/remind moves): a confirmed one is followed, as server reminders follow it. */
  holds?: Pick<MoveHolds, 'list'>;
}

export interface MemberScanReport {
  posted: number;
  retried: number;
  failed: number;
  missed: number;
}

const LEASE_MS = 120_000;
/** Button notes kept beyond two per tracked article before they are cleared (see buttons()). */
const REFS_SPARE = 1_000;
/**
 * /status's counts are read again at a due-scan at least this often even when this process changed nothing:
 * with several processes on PostgreSQL another one may have sent, failed or taken a reminder.
 */
export const COUNTS_MAX_AGE_MS = 30_000;
/** Upcoming reminders one member may have (every Remind me pressed adds one; each is a DM to send). */
export const MEMBER_UPCOMING_MAX = 100;
const BATCH = 50;
const MAX_BATCHES_PER_SCAN = 40;
const BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 300_000, retryAfter: 'at-least' };
/** Discord: "Cannot send messages to this user" (DMs closed to the bot, or no server in common). */
const DMS_CLOSED = 50007;

export class MemberReminders implements MemberReminderService {
  private queue: Promise<void> = Promise.resolve();
  /** A reconciliation is queued and has not started: later changes ride along with it. */
  private reconcileQueued = false;
  /** The origin keys the queued reconciliation checks the pending reminders of ('all': every one). */
  private toReconcile: Set<string> | 'all' = new Set();
  private readonly refs = new WeakMap<TrackedArticle, string>();
  /** A button's article ref → the article's id, noted as buttons are made: a press looks its article up, never walks the library. */
  private readonly byRef = new Map<string, string>();
  /** Origins whose article is now read from an identical copy: applied before the next reconciliation. */
  private renames: Array<{ from: string; to: string; keys: Map<string, string> }> = [];
  /** What /status counts, per server: read again whenever this process changes a reminder's state, and at a due-scan once older than COUNTS_MAX_AGE_MS. */
  private counts: MemberReminderCounts[] = [];
  private countsAt = Number.NEGATIVE_INFINITY;
  /**
   * Each library article by its reminders' origin key, kept from the library's changes once attached, so a
   * reconciliation looks up the articles with pending reminders instead of walking all 10,000 at every change.
   */
  private byKey: Map<string, TrackedArticle> | undefined;

  constructor(private readonly o: MemberRemindersOptions) {}

  /** Start-up: claims a previous process left are due again (same nonce), then every pending reminder is checked against the library. */
  async start(): Promise<void> {
    const released = await this.o.store.releaseClaims(this.o.clock.now());
    if (released) this.o.log.warn({ released }, 'member reminders claimed by a previous run are due again (same nonce)');
    await this.reconcile();
  }

  /**
   * Contributes memberReminders to /status: a server sees its own members' reminders, a DM those set
   * outside a server, the status page all of them.
   */
  statusContributor(): StatusContributor {
    return (_now, guildId) => {
      const total = { pending: 0, missed: 0, failed: 0 };
      for (const c of this.counts) {
        if (guildId !== undefined && c.guildId !== (guildId ?? '')) continue;
        total.pending += c.pending;
        total.missed += c.missed;
        total.failed += c.failed;
      }
      return { memberReminders: total };
    };
  }

  async refreshCounts(): Promise<void> {
    const at = this.o.clock.now().getTime();
    this.counts = await this.o.store.counts();
    this.countsAt = at;
  }

  /** Keeps pending member reminders in step with the library (date moves, events gone). */
  attach(library: { onChange(listener: (change: LibraryChange) => void): void }): void {
    const byKey = new Map<string, TrackedArticle>();
    for (const t of this.o.library.list()) byKey.set(originKey(t.origin), t);
    this.byKey = byKey;
    library.onChange((change) => {
      // As a walk of list() would find them: an article under its current origin, gone once removed.
      const drop = (t: TrackedArticle) => {
        const key = originKey(t.origin);
        if (byKey.get(key)?.origin === t.origin) byKey.delete(key);
      };
      if (change.type === 'removed') drop(change.tracked);
      else {
        if (change.previous) drop(change.previous);
        byKey.set(originKey(change.tracked.origin), change.tracked);
      }
      if (change.type === 'updated' && change.previous && originKey(change.previous.origin) !== originKey(change.tracked.origin)) {
        // The article's file went but an identical copy holds it: its reminders follow the copy, never cancelled.
        // Event keys name the origin: the copy's keys for the same events, in the same order.
        const was = remindableEvents(change.previous, new Set(), this.o.freshDays);
        const now = remindableEvents(change.tracked, new Set(), this.o.freshDays);
        const keys = new Map(was.length === now.length ? was.map((e, i) => [e.key, now[i].key] as const) : []);
        this.renames.push({ from: originKey(change.previous.origin), to: originKey(change.tracked.origin), keys });
      }
      // Only the reminders a change can alter: of the article itself (and the one it replaced) and of the
      // articles whose story links it changed (a newer one moves their dates); not every pending reminder.
      const keys = new Set<string>([originKey(change.tracked.origin)]);
      if (change.type !== 'removed' && change.previous) keys.add(originKey(change.previous.origin));
      for (const id of this.o.stories?.touchedBy(change) ?? []) {
        const t = this.o.library.get(id);
        if (t) keys.add(originKey(t.origin));
      }
      void this.scheduleReconcile(keys);
    });
  }

  idle(): Promise<void> {
    return this.queue;
  }

  /** Queues a reconciliation of the pending reminders of `origins` (origin keys; none given: all of them). */
  private scheduleReconcile(origins?: Iterable<string>): Promise<void> {
    if (!origins) this.toReconcile = 'all';
    else if (this.toReconcile !== 'all') for (const o of origins) this.toReconcile.add(o);
    if (this.reconcileQueued) return this.queue;
    this.reconcileQueued = true;
    const run = this.queue
      .then(() => {
        this.reconcileQueued = false;
        const only = this.toReconcile;
        this.toReconcile = new Set();
        return this.reconcile(only === 'all' ? undefined : only);
      })
      .catch((error) => this.o.log.error({ err: error }, 'member reminder reconciliation failed'));
    this.queue = run;
    return run;
  }

  /** Every pending member reminder (`only`: of those origin keys) against its article and story now. */
  async reconcile(only?: ReadonlySet<string>): Promise<void> {
    const now = this.o.clock.now();
    for (const { from, to, keys } of this.renames.splice(0)) {
      const moved = await this.o.store.renameOrigin(from, to, keys, now);
      if (moved) this.o.log.info({ from, to, moved }, 'article now read from its copy: member reminders follow');
    }
    const pending = await this.o.store.pendingOrigins();
    const origins = only ? pending.filter((o) => only.has(o)) : pending;
    if (origins.length === 0) return this.refreshCounts();
    let byOrigin = this.byKey;
    if (!byOrigin) {
      // Before attach() (the start-up reconciliation): one walk.
      const wanted = new Set(origins);
      byOrigin = new Map();
      for (const t of this.o.library.list()) {
        const key = originKey(t.origin);
        if (wanted.has(key)) byOrigin.set(key, t);
      }
    }
    for (const origin of origins) {
      for (const r of await this.o.store.pendingOf({ origin })) {
        const full = byOrigin.get(origin);
        await this.reconcileOne(r, full && this.o.scopes ? this.o.scopes.view(full, viewerOf(r)) : full, now);
      }
    }
    await this.refreshCounts();
  }

  /** One pending reminder against its article as its member's server sees it (undefined: gone or not seen). */
  private async reconcileOne(r: MemberReminder, tracked: TrackedArticle | undefined, now: Date): Promise<void> {
    const plan = planMember(r, tracked, tracked ? await this.newerMoves(tracked, viewerOf(r), now) : [], now, this.o.freshDays);
    if (plan.kind === 'keep') return;
    if (plan.kind === 'cancel') {
      if (await this.o.store.cancel(r.id, plan.reason, now)) this.o.log.info({ memberReminder: r.id, userId: r.userId, reason: plan.reason }, 'member reminder cancelled');
    } else if (plan.kind === 'refresh') {
      await this.o.store.reschedule(r.id, { eventDate: r.eventDate, timezone: r.timezone, dueAt: r.dueAt, content: plan.content }, now);
    } else {
      const dueAt = memberDueAt(plan.date, r.time, r.timezone);
      await this.o.store.reschedule(r.id, { eventDate: plan.date, timezone: r.timezone, dueAt, content: plan.content, moved: { from: r.eventDate, by: plan.by } }, now);
      this.o.log.info({ memberReminder: r.id, userId: r.userId, from: r.eventDate, to: plan.date }, 'member reminder moved');
    }
  }

  /**
   * Date moves that newer articles on the story (ones the member's server sees) make to this article's
   * events. A far move counts as confirmed when an admin confirmed it for the member's server, or for the
   * operator's reminder channel (moves among the operator's articles, which every server sees).
   */
  private async newerMoves(tracked: TrackedArticle, viewer: string | null, now: Date): Promise<NewerMove[]> {
    const stories = this.o.stories;
    const mine = stories?.signatureOf(tracked.article.id);
    if (!stories || !mine) return [];
    const when = publishedAt(tracked);
    const out: NewerMove[] = [];
    let confirmed: Set<string> | undefined;
    for (const newer of stories.linkingTo(tracked.article.id)) {
      if (newer.tracked.origin === tracked.origin || publishedAt(newer.tracked) < when) continue;
      if (this.o.scopes && !this.o.scopes.view(newer.tracked, viewer)) continue;
      for (const move of movedEvents(mine, newer.signature)) {
        const far = isFarMove(move.from, move.to, now);
        if (far && this.o.holds && !confirmed) confirmed = await this.confirmedMoves(viewer);
        const key = moveKey(originKey(tracked.origin), move.eventId, originKey(newer.tracked.origin), move.to);
        out.push({ move, headline: newer.tracked.article.headline, publishedAt: publishedAt(newer.tracked), confirmed: far && (confirmed?.has(key) ?? false) });
      }
    }
    return out;
  }

  private async confirmedMoves(viewer: string | null): Promise<Set<string>> {
    const decided = await this.o.holds!.list(viewer ? [viewer, ''] : [''], 'confirmed', 1000);
    return new Set(decided.map((m) => moveKey(m.olderOrigin, m.eventId, m.newerOrigin, m.to)));
  }

  /** A far move was confirmed or rejected (/remind moves): pending reminders are checked against it. */
  movesDecided(): Promise<void> {
    return this.scheduleReconcile();
  }

  // ---- what members do -----------------------------------------------------------------------------

  buttons(tracked: TrackedArticle, now: Date, only?: ReadonlySet<string>): Button[] {
    const buttons = remindMeButtons(tracked, now, { freshDays: this.o.freshDays, only });
    if (buttons.length > 0) {
      // Notes of articles long gone are dropped now and then (a press then finds its article the slow way).
      if (this.byRef.size > 2 * this.o.library.size() + REFS_SPARE) this.byRef.clear();
      this.byRef.set(this.refOf(tracked), tracked.article.id);
    }
    return buttons;
  }

  async remindMe(who: { userId: string; guildId: string | null }, customId: string, articles: Pick<ArticleLibrary, 'list' | 'get'>): Promise<RemindMeResult> {
    const ref = parseRemindMe(customId);
    if (!ref) return { ok: false, reason: 'This button is no longer active.' };
    const tracked = this.articleOf(ref.article, articles);
    if (!tracked) return { ok: false, reason: 'That article is no longer tracked.' };
    const now = this.o.clock.now();
    const event = remindMeEvents(tracked, now, this.o.freshDays).find((e) => e.key === ref.eventKey);
    if (!event) return { ok: false, reason: 'That event is no longer upcoming, or its date is no longer certain: no reminder was set.' };
    const { time, timezone } = await this.settingsFor(who.userId, who.guildId);
    const dueAt = memberDueAt(event.date, time, timezone);
    if (dueAt <= now.getTime() || !isUpcomingDay(event.date, now)) {
      return { ok: false, reason: `${dayText(event.date)} at ${time} has already passed in your time zone (${timezone}): no reminder was set.` };
    }
    // A member cannot fill the store and the due-scan by pressing every button there is: a new one waits
    // until one of theirs is sent or cancelled (one already set for this event is still answered as set).
    const upcoming = await this.o.store.byUser(who.userId, ['pending', 'claimed'], MEMBER_UPCOMING_MAX);
    if (upcoming.length >= MEMBER_UPCOMING_MAX && !upcoming.some((r) => r.origin === originKey(tracked.origin) && r.eventKey === event.key)) {
      return { ok: false, reason: `You already have ${MEMBER_UPCOMING_MAX} upcoming reminders, as many as Herald keeps for one member: cancel one in /remind mine first. No reminder was set.` };
    }
    const added = await this.o.store.add(
      { userId: who.userId, guildId: who.guildId ?? '', origin: originKey(tracked.origin), eventKey: event.key, eventDate: event.date, time, timezone, dueAt, content: event.content },
      now,
    );
    if (added.created) this.o.log.info({ memberReminder: added.reminder.id, userId: who.userId, eventDate: event.date }, 'member reminder set');
    // A reminder set while a newer article already moved the date follows it at once (this one only:
    // the press is answered within Discord's three seconds, whatever else is pending).
    if (added.created) {
      await this.reconcileOne(added.reminder, tracked, now);
      await this.refreshCounts();
      return { ok: true, created: true, reminder: (await this.o.store.get(added.reminder.id)) ?? added.reminder };
    }
    return { ok: true, ...added };
  }

  /**
   * The article a button names, as `articles` (the member's view) has it. A button this process did not
   * make (one from before a restart) is looked for among every article once, then noted.
   */
  private articleOf(ref: string, articles: Pick<ArticleLibrary, 'list' | 'get'>): TrackedArticle | undefined {
    const id = this.byRef.get(ref);
    const known = id === undefined ? undefined : articles.get(id);
    // The id's article may have moved to another origin (its ref with it), or be another server's copy.
    if (known && this.refOf(known) === ref) return known;
    const found = articles.list().find((t) => this.refOf(t) === ref);
    if (found) this.byRef.set(ref, found.article.id);
    else this.byRef.delete(ref);
    return found;
  }

  private refOf(tracked: TrackedArticle): string {
    let ref = this.refs.get(tracked);
    if (!ref) this.refs.set(tracked, (ref = articleRef(tracked)));
    return ref;
  }

  async mine(userId: string, guildId: string | null, limit = 10): Promise<MemberListing> {
    const states = (s: MemberReminderState[]) => this.o.store.byUser(userId, s, limit);
    const ended = [...(await states(['missed', 'failed', 'cancelled']))].sort((a, b) => b.dueAt - a.dueAt).slice(0, limit);
    const zone = await this.timezone(userId, guildId);
    return { timezone: zone.timezone, ownTimezone: zone.own, upcoming: (await states(['claimed', 'pending'])).sort((a, b) => a.dueAt - b.dueAt).slice(0, limit), sent: await states(['sent']), ended };
  }

  async cancel(userId: string, id: number): Promise<{ ok: true; reminder: MemberReminder } | { ok: false; reason: string }> {
    const before = await this.o.store.get(id);
    if (!before || before.userId !== userId) return { ok: false, reason: 'That is not one of your reminders.' };
    if (!(await this.o.store.cancel(id, 'cancelled by you', this.o.clock.now(), userId))) return { ok: false, reason: `That reminder is already ${before.state}.` };
    await this.refreshCounts();
    return { ok: true, reminder: (await this.o.store.get(id)) ?? before };
  }

  async timezone(userId: string, guildId: string | null): Promise<{ timezone: string; own: boolean }> {
    const own = await this.o.store.timezone(userId);
    return own ? { timezone: own, own: true } : { timezone: (await this.serverSettings(guildId)).timezone, own: false };
  }

  async setTimezone(userId: string, timezone: string): Promise<{ ok: true; moved: number } | { ok: false; reason: string }> {
    if (!isTimeZone(timezone)) return { ok: false, reason: `"${clip(timezone, 64)}" is not an IANA time zone name such as Europe/London.` };
    const now = this.o.clock.now();
    await this.o.store.setTimezone(userId, timezone, now);
    let moved = 0;
    for (const r of await this.o.store.pendingOf({ userId })) {
      const dueAt = memberDueAt(r.eventDate, r.time, timezone);
      // Already past in the new zone: it goes out at the next scan rather than being lost.
      if (await this.o.store.reschedule(r.id, { eventDate: r.eventDate, timezone, dueAt: Math.max(dueAt, now.getTime()) }, now)) moved++;
    }
    return { ok: true, moved };
  }

  /** The member's zone (else the server's), and the server's reminder time. */
  private async settingsFor(userId: string, guildId: string | null): Promise<{ time: string; timezone: string }> {
    const server = await this.serverSettings(guildId);
    return { time: server.time, timezone: (await this.o.store.timezone(userId)) ?? server.timezone };
  }

  /** `fallback`: for a member whose DMs are closed, where REMINDER_CHANNEL_ID's server is looked up if still unknown. */
  private async serverSettings(guildId: string | null, fallback = false): Promise<{ time: string; timezone: string; channelId: string | null }> {
    const own = guildId ? await this.o.servers.subscription(`guild:${guildId}`) : undefined;
    const config = fallback ? await operatorSubscription(this.o.servers, this.o.poster, this.o.clock.now()) : await this.o.servers.subscription('config');
    // REMINDER_CHANNEL_ID's channel serves the server it is in (learnt at start-up, or here if Discord did not answer then).
    const operator = config?.channelId && guildId && config.guildId === guildId ? config : undefined;
    const usable = (s: typeof own) => (s?.channelId && !s.broken ? s.channelId : null);
    return {
      time: own?.time ?? this.o.defaults.time,
      timezone: own?.timezone ?? this.o.defaults.timezone,
      channelId: usable(own) ?? usable(operator),
    };
  }

  // ---- the due-scan ----------------------------------------------------------------------------------

  async runDue(signal?: AbortSignal): Promise<MemberScanReport> {
    const report: MemberScanReport = { posted: 0, retried: 0, failed: 0, missed: 0 };
    const scanAt = this.o.clock.now().getTime();
    for (let i = 0; i < MAX_BATCHES_PER_SCAN; i++) {
      if (this.o.posting?.stopped() || signal?.aborted || this.o.signal?.aborted) break;
      const batch = await this.o.store.due(scanAt, BATCH);
      for (const r of batch) {
        if (this.o.posting?.stopped() || signal?.aborted || this.o.signal?.aborted) break;
        const outcome = await this.deliver(r);
        if (outcome !== 'skipped') report[outcome]++;
      }
      if (batch.length < BATCH) break;
    }
    if (report.posted + report.retried + report.failed + report.missed > 0) {
      this.o.log.info(report, 'due member reminders processed');
      await this.refreshCounts();
    } else if (scanAt - this.countsAt >= COUNTS_MAX_AGE_MS) {
      await this.refreshCounts();
    }
    return report;
  }

  private async deliver(r: MemberReminder): Promise<keyof MemberScanReport | 'skipped'> {
    const { store, log } = this.o;
    const now = this.o.clock.now();
    const t = timing(r, now, this.o.defaults.graceMs);
    if (t.kind === 'miss') {
      await store.finish(r.id, 'missed', t.reason, now);
      log.warn({ memberReminder: r.id, userId: r.userId, reason: t.reason }, 'member reminder missed');
      return 'missed';
    }
    if (!(await store.claim(r, now.getTime() + LEASE_MS, now))) return 'skipped';
    const { lateMs, late } = t;
    const reply = memberReminderReply(r, late);
    let via: 'dm' | 'channel' = 'dm';
    let result = await this.send(() => (this.o.poster.postDirect ? this.o.poster.postDirect(r.userId, reply, { nonce: r.nonce }) : Promise.resolve(noDirect)));
    if (!result.ok && !result.retryable && (result.code === DMS_CLOSED || result === noDirect)) {
      const { channelId } = await this.serverSettings(r.guildId || null, true);
      if (!channelId) {
        const reason = `${result.reason}, and the server has no reminder channel to ping them in`;
        await store.finish(r.id, 'failed', reason, this.o.clock.now());
        log.warn({ memberReminder: r.id, userId: r.userId, reason }, 'member reminder failed');
        return 'failed';
      }
      via = 'channel';
      const ping: Reply = { ...reply, content: `${userMention(r.userId)} your reminder (Herald could not send it as a direct message):`, pingUserId: r.userId };
      result = await this.send(() => this.o.poster.post(channelId, ping, { nonce: r.nonce }));
    }
    const after = this.o.clock.now();
    if (result.ok) {
      await store.markSent(r.id, { via, channelId: result.channelId, messageId: result.messageId }, after);
      log.info({ memberReminder: r.id, userId: r.userId, via, lateMs }, 'member reminder sent');
      return 'posted';
    }
    if (result.retryable) {
      // A rejected token is not this reminder's failure: back in its place, no backoff.
      const wait = result.unauthorized ? 0 : backoffMs(r.attempts, BACKOFF, result.retryAfterMs);
      await store.retryLater(r.id, result.unauthorized ? r.runAt : after.getTime() + wait, result.reason, after);
      log.warn({ memberReminder: r.id, userId: r.userId, retryInMs: wait, reason: result.reason }, 'member reminder not sent; will retry');
      return result.unauthorized ? 'skipped' : 'retried';
    }
    await store.finish(r.id, 'failed', via === 'channel' ? `DMs closed; the reminder channel refused it: ${result.reason}` : result.reason, after);
    log.warn({ memberReminder: r.id, userId: r.userId, reason: result.reason }, 'member reminder failed');
    return 'failed';
  }

  private async send(post: () => Promise<PostResult>): Promise<PostResult> {
    try {
      return await post();
    } catch (error) {
      return { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Whose view of the library a member reminder has: its server's, or the operator's articles outside a server. */
const viewerOf = (r: Pick<MemberReminder, 'guildId'>): string | null => (r.guildId === '' ? null : r.guildId);

/** A transport without direct messages (none today) is treated like closed DMs. */
const noDirect: PostResult = { ok: false, retryable: false, reason: 'direct messages are not available', code: DMS_CLOSED };

/** The member's reminder: the server reminder's post, saying when the date moved, and whose it is. */
function moveKey(olderOrigin: string, eventId: string, newerOrigin: string, to: string): string {
  return JSON.stringify([olderOrigin, eventId, newerOrigin, to]);
}

export function memberReminderReply(r: MemberReminder, late?: { ms: number; cause: 'offline' | 'discord' }): Reply {
  const reply = reminderReply(r.content, { eventAt: new Date(memberDueAt(r.eventDate, r.time, r.timezone)), leadDays: 0, late });
  const [embed] = reply.embeds ?? [];
  if (embed) {
    const moved = r.movedFrom && r.movedFrom !== r.eventDate ? `${bold('Moved')} from ${dayText(r.movedFrom)} to ${dayText(r.eventDate)}${r.movedBy ? ` (“${safe(r.movedBy, { max: 120 })}”)` : ''}.\n` : '';
    embed.description = `${moved}${embed.description ?? ''}`;
    embed.footer = 'Your reminder (Remind me) · /remind mine lists yours';
  }
  return reply;
}

/** How a member's reminder reads in /remind mine and confirmations: the wall time in their zone, and Discord's own. */
export function memberWhen(r: Pick<MemberReminder, 'eventDate' | 'time' | 'timezone' | 'dueAt'>): string {
  return `${dayText(r.eventDate)} at ${r.time} (${r.timezone}) — ${timestampPart(new Date(r.dueAt), 'R')}`;
}
