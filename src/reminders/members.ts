// "Remind me" (issue 15), pure: which events get a button, what the button carries, when a member's
// reminder is due, and where a pending one should be now that its article (or a newer one on the story)
// changed. Data in, data out, `now` passed in; MemberReminders (member-reminders.ts) does the I/O.
import { createHash } from 'node:crypto';
import type { TrackedArticle } from '../articles/library';
import type { Button, Reply } from '../core/reply';
import { atPrecision } from '../articles/date-text';
import { dayText } from '../format/dates';
import { isFarMove } from './holds';
import type { MemberReminder } from './member-store';
import { originKey, remindableEvents, type ReminderContent } from './plan';
import { zonedInstant } from './time';
import type { DateMove } from '../stories/link';

/** custom_id "remind:me:<article>:<event>": routed to /remind's button handler, open to every member. */
export const REMIND_ME_PREFIX = 'remind:me:';
/** Discord: 5 buttons a row, 5 rows a message. */
export const BUTTONS_PER_ROW = 5;
export const MAX_ROWS = 5;
const CUSTOM_ID_MAX = 100;
const HOUR = 3_600_000;

/** The article part of a button: a short hash of its origin (stable when the article is re-parsed or updated). */
export function articleRef(tracked: TrackedArticle): string {
  return createHash('sha256').update(originKey(tracked.origin)).digest('base64url').slice(0, 16);
}

export function remindMeCustomId(tracked: TrackedArticle, eventKey: string): string {
  return `${REMIND_ME_PREFIX}${articleRef(tracked)}:${eventKey}`;
}

export function parseRemindMe(customId: string): { article: string; eventKey: string } | undefined {
  const m = /^remind:me:([\w-]{16}):([0-9a-f]{24})$/.exec(customId);
  return m ? { article: m[1], eventKey: m[2] } : undefined;
}

/**
 * Whether a day (yyyy-mm-dd) is today or later in UTC. A button is shown then; the member's own zone
 * decides on the click whether the reminder can still be given (its time may have passed there).
 */
export function isUpcomingDay(date: string, now: Date): boolean {
  const start = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(start) && start + 24 * HOUR > now.getTime();
}

export interface RemindMeEvent {
  key: string;
  date: string;
  /** Ids of the article's events this reminder speaks for (a /when field shows one of them). */
  eventIds: string[];
  content: ReminderContent;
}

/**
 * The article's upcoming events Herald is sure of, by the rule server reminders use (remindableEvents:
 * a fresh article, day precision, a certain year, not the publication date, not "either/or"), soonest first.
 */
export function remindMeEvents(tracked: TrackedArticle, now: Date, freshDays?: number): RemindMeEvent[] {
  return remindableEvents(tracked, new Set(), freshDays)
    .filter((e) => isUpcomingDay(e.date, now))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({ key: e.key, date: e.date, eventIds: e.eventIds, content: e.content }));
}

/**
 * One "Remind me" button per upcoming sure event (at most 5 rows of 5), labelled with its day and what
 * happens. `only`: event ids a reply shows (the /when of one event), when not all.
 */
export function remindMeButtons(tracked: TrackedArticle, now: Date, options: { freshDays?: number; only?: ReadonlySet<string>; max?: number } = {}): Button[] {
  const events = remindMeEvents(tracked, now, options.freshDays).filter((e) => !options.only || e.eventIds.some((id) => options.only!.has(id)));
  return events.slice(0, options.max ?? BUTTONS_PER_ROW * MAX_ROWS).flatMap((e) => {
    const customId = remindMeCustomId(tracked, e.key);
    if (customId.length > CUSTOM_ID_MAX) return [];
    return [{ customId, label: `Remind me: ${dayText(e.date)} · ${e.content.description}` }];
  });
}

/** The reply with Remind me buttons in rows of five below its own buttons (at most five rows in all). */
export function withRemindMe(reply: Reply, buttons: Button[]): Reply {
  const free = MAX_ROWS - (reply.buttons?.length ? 1 : 0) - (reply.buttonRows?.length ?? 0);
  if (buttons.length === 0 || free <= 0) return reply;
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length && rows.length < free; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
  return { ...reply, buttonRows: [...(reply.buttonRows ?? []), ...rows] };
}

/** When a member's reminder of an event on `date` is due: `time` on that day in their zone. */
export function memberDueAt(date: string, time: string, timezone: string): number {
  return zonedInstant(date, time, timezone).getTime();
}

/** What the article (and the story) now say about a pending member reminder. */
export type MemberPlan =
  | { kind: 'keep' }
  | { kind: 'refresh'; content: ReminderContent }
  | { kind: 'move'; date: string; content: ReminderContent; by: string }
  | { kind: 'cancel'; reason: string };

export interface NewerMove {
  move: DateMove;
  /** The newer article on the story that gives the new date: its headline, and when it was published. */
  headline: string;
  publishedAt: number;
  /** An admin of the member's server (or the operator's) confirmed this far move with /remind moves. */
  confirmed?: boolean;
}

/**
 * Where a pending member reminder should be:
 * - its article is gone: cancelled ("the article was removed");
 * - its event is no longer among the article's sure events: cancelled (the event was dropped or its
 *   date is no longer certain);
 * - the article now gives the event another day: moved, by the article itself;
 * - a newer article on the story moved the day (the most recent such article wins; a move of a year or
 *   more, or far ahead, waits for an admin as server reminders do, and is followed only once confirmed): moved;
 * - a new date already past for the member: cancelled (nothing left to remind of).
 */
export function planMember(
  reminder: Pick<MemberReminder, 'eventKey' | 'eventDate' | 'time' | 'timezone' | 'content'>,
  tracked: TrackedArticle | undefined,
  newerMoves: NewerMove[],
  now: Date,
  freshDays?: number,
): MemberPlan {
  if (!tracked) return { kind: 'cancel', reason: 'the article was removed' };
  const event = remindableEvents(tracked, new Set(), freshDays).find((e) => e.key === reminder.eventKey);
  if (!event) return { kind: 'cancel', reason: 'the event is no longer in the article, or its date is no longer certain' };
  const moves = newerMoves.filter((m) => event.eventIds.includes(m.move.eventId) && (m.confirmed || !isFarMove(m.move.from, m.move.to, now))).sort((a, b) => b.publishedAt - a.publishedAt);
  // A move to a month or a year gives no day to remind on: the withdrawn day is not kept, nor a first of the month invented.
  const coarse = moves[0]?.move.toPrecision;
  if (coarse && coarse !== 'day') return { kind: 'cancel', reason: `the event moved to ${atPrecision(moves[0].move.to, coarse)}, with no day given` };
  const target = moves[0] ? { date: moves[0].move.to, by: moves[0].headline } : event.date !== reminder.eventDate ? { date: event.date, by: tracked.article.headline } : undefined;
  const content = target ? { ...event.content, eventDate: target.date, endDate: target.date } : event.content;
  if (target && target.date !== reminder.eventDate) {
    if (memberDueAt(target.date, reminder.time, reminder.timezone) <= now.getTime()) return { kind: 'cancel', reason: `the event moved to ${dayText(target.date)}, already past` };
    return { kind: 'move', date: target.date, content, by: target.by };
  }
  return JSON.stringify(content) === JSON.stringify(reminder.content) ? { kind: 'keep' } : { kind: 'refresh', content };
}
