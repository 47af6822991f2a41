// Which reminders an article yields, and how stored reminders change when the article does.
// Pure: data in, data out, `now` passed in.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { eventYearIsCertain, yearIsCertain, type Article, type ArticleEvent } from '../articles/model';
import type { TrackedArticle } from '../articles/library';
import { addDays, zonedInstant } from './time';
import { sameHappening, type StorySignature } from '../stories/link';

/** What a reminder post shows; stored with the reminder so it can be posted without the article. */
export interface ReminderContent {
  articleId: string;
  headline: string;
  url?: string;
  description: string;
  /** The event's date (yyyy-mm-dd) and how the article wrote it. */
  eventDate: string;
  endDate: string;
  qualifier: ArticleEvent['qualifier'];
  expression: string;
  sentence: string;
  attribution?: string;
}

export interface RemindableEvent {
  /** Stable across re-parses and date moves: origin + description with dates taken out. */
  key: string;
  date: string;
  content: ReminderContent;
  /** Ids of the article's events on this day that the reminder speaks for (the first is the one shown). */
  eventIds: string[];
}

export interface ReminderSettings {
  /** HH:MM */
  time: string;
  timezone: string;
  /** 0 = only on the day; N > 0 adds a reminder N days before. */
  leadDays: number;
}

export interface PlannedReminder {
  eventKey: string;
  leadDays: number;
  eventDate: string;
  dueAt: number;
  content: ReminderContent;
}

/** A stored reminder as reconciliation needs to see it. */
export interface ExistingReminder {
  id: number;
  eventKey: string;
  leadDays: number;
  dueAt: number;
  state: ReminderState;
}

export type ReminderState = 'pending' | 'claimed' | 'sent' | 'missed' | 'failed' | 'cancelled';

export interface ReconcileActions {
  create: PlannedReminder[];
  move: { id: number; planned: PlannedReminder }[];
  /** Same due instant, content (headline, sentence…) refreshed. */
  refresh: { id: number; planned: PlannedReminder }[];
  cancel: number[];
}

const MONTH_WORDS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|today|tomorrow|yesterday|st|nd|rd|th)\b/g;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\p{N}+/gu, ' ')
    .replace(MONTH_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** File paths are keyed by file name so moving the articles folder does not re-create reminders. */
export function originKey(origin: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(origin) ? origin : basename(origin);
}

/** ARTICLE_FRESH_DAYS's default: an article published more than this many days before Herald took it in is archive. */
export const DEFAULT_FRESH_DAYS = 7;
const DAY_MS = 86_400_000;

export type Eligibility = { ok: true } | { ok: false; why: string };

/**
 * Whether an article may give reminders at all: only news that was fresh when Herald took it in, i.e.
 * published, with a certain year, at most `freshDays` days before it was ingested. An archive article or
 * one whose year is a guess gives none; `why` says so in a few words ("published 2005", "year not certain").
 */
export function reminderEligibility(tracked: TrackedArticle, freshDays = DEFAULT_FRESH_DAYS): Eligibility {
  const { published } = tracked.article;
  if (!published.date) return { ok: false, why: 'publication date unknown' };
  if (!yearIsCertain(published)) return { ok: false, why: 'year not certain' };
  const age = Math.floor((tracked.ingestedAt.getTime() - Date.parse(`${published.date}T00:00:00Z`)) / DAY_MS);
  if (age > freshDays) {
    return { ok: false, why: age > 365 ? `published ${published.date.slice(0, 4)}` : `published ${published.date}, ${age} days before it was added (ARTICLE_FRESH_DAYS ${freshDays})` };
  }
  return { ok: true };
}

/** Why an article with day-precise events yields no reminder, or undefined when it yields some (or has none to give). */
export function noReminderReason(tracked: TrackedArticle, freshDays = DEFAULT_FRESH_DAYS): string | undefined {
  const candidates = tracked.article.events.filter((e) => e.precision === 'day' && !e.isPublication && e.qualifier !== 'alternative');
  if (candidates.length === 0) return undefined;
  const eligible = reminderEligibility(tracked, freshDays);
  if (!eligible.ok) return eligible.why;
  if (!candidates.some(eventYearIsCertain)) return 'year not certain';
  return undefined;
}

/**
 * Events worth a reminder: only from an article fresh when ingested (reminderEligibility), day precision,
 * a certain year, not the publication date itself, not "either/or" dates.
 * Several events of one article on the same day are one reminder (an article often states the key
 * date twice: "in the next two days" and "on November 28"); the most salient one speaks for them.
 * `superseded`: ids of this article's events that a newer article on the same story moved.
 */
export function remindableEvents(tracked: TrackedArticle, superseded: ReadonlySet<string> = new Set(), freshDays = DEFAULT_FRESH_DAYS): RemindableEvent[] {
  const { article } = tracked;
  if (!reminderEligibility(tracked, freshDays).ok) return [];
  const origin = originKey(tracked.origin);
  const candidates = article.events.filter((e) => e.precision === 'day' && eventYearIsCertain(e) && !e.isPublication && e.qualifier !== 'alternative');
  const byDate = new Map<string, ArticleEvent[]>();
  for (const e of candidates) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const seen = new Map<string, number>();
  const out: RemindableEvent[] = [];
  // A newer article on the same story moved one of the day's events: the day's reminder is superseded
  // (the newer article has its own, on the new date).
  const groups = [...byDate.values()].filter((group) => !group.some((e) => superseded.has(e.id)));
  const primaries = groups.map((group) => [...group].sort((a, b) => b.salience - a.salience || a.sentence - b.sentence)[0]);
  const dayIds = (e: ArticleEvent) => [e.id, ...(byDate.get(e.date) ?? []).filter((o) => o !== e).map((o) => o.id)];
  for (const e of primaries.sort((a, b) => a.sentence - b.sentence || a.date.localeCompare(b.date))) {
    const base = normalise(e.description);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const key = createHash('sha256').update(`${origin}\n${base}\n${n}`).digest('hex').slice(0, 24);
    const attribution = article.attributions.find((a) => a.sentence === e.sentence) ?? article.attributions[0];
    out.push({
      key,
      date: e.date,
      eventIds: dayIds(e),
      content: {
        articleId: article.id,
        headline: article.headline,
        url: article.meta.url,
        description: e.description,
        eventDate: e.date,
        endDate: e.endDate,
        qualifier: e.qualifier,
        expression: e.expression,
        sentence: article.sentences[e.sentence]?.text ?? '',
        attribution: attribution ? `${attribution.source} ${attribution.verb}`.trim() : article.meta.source,
      },
    });
  }
  return out;
}

/** One reminder per event on the day, plus one `leadDays` before when a lead is set. */
export function planReminders(events: RemindableEvent[], settings: ReminderSettings): PlannedReminder[] {
  const leads = settings.leadDays > 0 ? [0, settings.leadDays] : [0];
  return events.flatMap((e) =>
    leads.map((leadDays) => ({
      eventKey: e.key,
      leadDays,
      eventDate: e.date,
      dueAt: zonedInstant(addDays(e.date, -leadDays), settings.time, settings.timezone).getTime(),
      content: e.content,
    })),
  );
}

const sameContent = (a: ReminderContent, b: ReminderContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares what an article yields now with what is stored for it (one subscription):
 * - a planned reminder whose pending twin has another due instant moves (a future instant) or is
 *   cancelled (the new date is already past: nothing to remind of any more);
 * - a pending reminder nothing plans any more is cancelled (event gone, lead changed);
 * - a planned reminder with no pending twin is created only if it is still ahead of `now` (an event
 *   already past at ingestion gets none) and was not already sent/missed/failed for that instant;
 * - sent, missed, failed and cancelled rows are history and never touched; a claimed one is being
 *   posted right now and is left alone.
 */
export function reconcile(
  existing: ExistingReminder[],
  planned: PlannedReminder[],
  now: Date,
  contentOf: (id: number) => ReminderContent | undefined = () => undefined,
): ReconcileActions {
  const t = now.getTime();
  const slot = (key: string, lead: number) => `${key}\u0000${lead}`;
  const active = new Map<string, ExistingReminder>();
  const history = new Set<string>();
  for (const r of existing) {
    if (r.state === 'pending' || r.state === 'claimed') active.set(slot(r.eventKey, r.leadDays), r);
    else if (r.state !== 'cancelled') history.add(`${slot(r.eventKey, r.leadDays)}\u0000${r.dueAt}`);
  }
  const actions: ReconcileActions = { create: [], move: [], refresh: [], cancel: [] };
  const wanted = new Set<string>();
  const alias = pairRenamed(active, planned, slot);
  for (const p of planned) {
    const s = slot(p.eventKey, p.leadDays);
    wanted.add(s);
    const current = active.get(s) ?? alias.get(s);
    if (current && alias.get(s) === current) wanted.add(slot(current.eventKey, current.leadDays));
    if (!current) {
      if (p.dueAt > t && !history.has(`${s}\u0000${p.dueAt}`)) actions.create.push(p);
      continue;
    }
    if (current.state === 'claimed') continue;
    if (current.dueAt !== p.dueAt) {
      if (p.dueAt > t) actions.move.push({ id: current.id, planned: p });
      else actions.cancel.push(current.id);
    } else {
      const stored = contentOf(current.id);
      if (!stored || !sameContent(stored, p.content) || current.eventKey !== p.eventKey) actions.refresh.push({ id: current.id, planned: p });
    }
  }
  for (const [s, r] of active) if (!wanted.has(s) && r.state === 'pending') actions.cancel.push(r.id);
  return actions;
}

/**
 * When a re-parse words an event differently (its key changes), exactly one pending reminder left
 * without a planned twin and exactly one planned reminder without a stored one (same lead) are the same
 * event: pair them so the change is a move, not a cancel and a create. Anything more ambiguous is not paired.
 */
function pairRenamed(
  active: Map<string, ExistingReminder>,
  planned: PlannedReminder[],
  slot: (key: string, lead: number) => string,
): Map<string, ExistingReminder> {
  const plannedSlots = new Set(planned.map((p) => slot(p.eventKey, p.leadDays)));
  const alias = new Map<string, ExistingReminder>();
  for (const lead of new Set(planned.map((p) => p.leadDays))) {
    const orphans = [...active.entries()].filter(([s, r]) => r.leadDays === lead && r.state === 'pending' && !plannedSlots.has(s)).map(([, r]) => r);
    const newcomers = planned.filter((p) => p.leadDays === lead && !active.has(slot(p.eventKey, p.leadDays)));
    if (orphans.length === 1 && newcomers.length === 1) alias.set(slot(newcomers[0].eventKey, lead), orphans[0]);
  }
  return alias;
}

/**
 * Two articles on the same story that both give a happening the same day would post two reminders for
 * it: the older article's event is covered by the newer one's. Ids of the older article's day events
 * that the newer one gives on the same day (same happening by description words).
 */
export function sameDayCovered(older: StorySignature, newer: StorySignature): string[] {
  const out: string[] = [];
  for (const o of older.events) {
    if (o.event.precision !== 'day') continue;
    if (newer.events.some((n) => n.event.precision === 'day' && n.event.date === o.event.date && sameHappening(o.words, n.words))) out.push(o.event.id);
  }
  return out;
}
