// Whether an event is past, today or upcoming at a given instant. Pure: callers pass the clock reading.
import type { ArticleEvent, EventStatus } from './model';
import { dayOfInstant, dayOfIso } from './calendar';

/**
 * Status of an event relative to `now`: 'today' while now's calendar day lies within [date, endDate],
 * 'past' after endDate, 'upcoming' before date. Days are UTC unless an IANA time zone is given.
 */
export function eventStatus(event: Pick<ArticleEvent, 'date' | 'endDate'>, now: Date, timeZone?: string): EventStatus {
  const today = dayOfInstant(now, timeZone);
  const start = dayOfIso(event.date);
  const end = dayOfIso(event.endDate) ?? start;
  if (start === null || end === null) return 'past';
  if (today < start) return 'upcoming';
  if (today > end) return 'past';
  return 'today';
}
