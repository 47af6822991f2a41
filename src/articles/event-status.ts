// Whether an event is past, today or upcoming at a given instant. Pure: callers pass the clock reading.
import type { ArticleEvent, EventStatus } from './model';
import { dayOfInstant, dayOfIso } from './calendar';

/**
 * Status of an event relative to `now`: 'today' while now's calendar day lies within [date, endDate],
 * 'past' after endDate, 'upcoming' before date; 'unknown' when the event's year is not certain (unless it
 * is past even at the latest year the evidence allows). Days are UTC unless an IANA time zone is given.
 */
export function eventStatus(event: Pick<ArticleEvent, 'date' | 'endDate'> & Partial<Pick<ArticleEvent, 'yearCertain' | 'yearIsLatest'>>, now: Date, timeZone?: string): EventStatus {
  const today = dayOfInstant(now, timeZone);
  const start = dayOfIso(event.date);
  const end = dayOfIso(event.endDate) ?? start;
  if (start === null || end === null) return 'past';
  const status: EventStatus = today < start ? 'upcoming' : today > end ? 'past' : 'today';
  // A guessed year: only "past at the latest year the evidence allows" is sure; anything else is not known.
  if (event.yearCertain === false) return status === 'past' && event.yearIsLatest === true ? 'past' : 'unknown';
  return status;
}
