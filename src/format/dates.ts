// Dates in messages: plain text that says no more than the article does ("May 1992", "2011 (about)",
// "by 28 November 2024") and Discord timestamps, which each reader sees in their own locale. Pure.
import type { TimestampStyle } from '../core/reply';
import { MONTH_NAMES } from '../language/calendar-words';
import { yearIsCertain, type ArticleEvent, type Published } from '../articles/model';
import { eventStatus } from '../articles/event-status';

const MONTHS = MONTH_NAMES;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function ymd(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

/** "2024-11-28" → "28 November 2024". */
export function dayText(iso: string): string {
  const { y, m, d } = ymd(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function atPrecision(iso: string, precision: ArticleEvent['precision']): string {
  const { y, m } = ymd(iso);
  if (precision === 'day') return dayText(iso);
  if (precision === 'month') return `${MONTHS[m - 1]} ${y}`;
  if (precision === 'year') return String(y);
  return `${y} (about)`;
}

/** Two dates joined by "–" or "or", sharing what they have in common: "9–10 July 2024", "4 or 5 April 2025". */
function pair(a: string, b: string, precision: ArticleEvent['precision'], joiner: string): string {
  const x = ymd(a);
  const y = ymd(b);
  if (precision === 'day' && x.y === y.y && x.m === y.m) return `${x.d}${joiner}${y.d} ${MONTHS[x.m - 1]} ${x.y}`;
  if (precision === 'day' && x.y === y.y) return `${x.d} ${MONTHS[x.m - 1]}${joiner}${y.d} ${MONTHS[y.m - 1]} ${x.y}`;
  const left = atPrecision(a, precision);
  const right = atPrecision(b, precision);
  return left === right ? left : `${left}${joiner}${right}`;
}

export type DatedEvent = Pick<ArticleEvent, 'date' | 'endDate' | 'precision' | 'qualifier'> &
  Partial<Pick<ArticleEvent, 'yearCertain' | 'yearIsLatest' | 'dateBasis' | 'expression'>>;

/** The day or month without a year: "14 June", "9–10 July", "4 or 5 April", "June". */
function withoutYear(event: DatedEvent): string {
  const { date, endDate, precision, qualifier } = event;
  const x = ymd(date);
  const y = ymd(endDate);
  if (precision === 'month') return MONTHS[x.m - 1];
  const one = (v: Ymd) => `${v.d} ${MONTHS[v.m - 1]}`;
  if ((qualifier === 'range' || qualifier === 'alternative') && date !== endDate) {
    const joiner = qualifier === 'range' ? '–' : ' or ';
    return x.m === y.m ? `${x.d}${joiner}${y.d} ${MONTHS[x.m - 1]}` : `${one(x)}${joiner}${one(y)}`;
  }
  return one(qualifier === 'by' ? y : x);
}

/**
 * A date whose year the evidence does not fix: the day and month the text gives, "(year not stated)", or
 * a relative expression of an undated article as written ("“last month” (as written)"). Never a year.
 */
function uncertainDateText(event: DatedEvent): string {
  const fixed = event.dateBasis !== 'relative' && (event.precision === 'day' || event.precision === 'month');
  const latest = event.yearIsLatest ? `; ${ymd(event.endDate).y} at the latest` : '';
  if (fixed) return `${event.qualifier === 'by' ? 'by ' : ''}${withoutYear(event)} (year not stated${latest})`;
  const written = event.expression?.trim();
  return written ? `“${written}” (as written${latest || '; the year is not known'})` : 'date not known';
}

/** Whether the date may be shown with its year (and as a calendar date or Discord timestamp). */
export function yearShown(event: Pick<DatedEvent, 'yearCertain'>): boolean {
  return event.yearCertain !== false;
}

/** The event's date in words, as precise as the article is and no more; never a year the evidence does not fix. */
export function eventDateText(event: DatedEvent): string {
  if (!yearShown(event)) return uncertainDateText(event);
  const { date, endDate, precision, qualifier } = event;
  switch (qualifier) {
    case 'by':
      return `by ${atPrecision(endDate, precision)}`;
    case 'about':
      return precision === 'approximate' ? atPrecision(date, precision) : `${atPrecision(date, precision)} (about)`;
    case 'range':
      return endDate === date ? atPrecision(date, precision) : pair(date, endDate, precision, '–');
    case 'alternative':
      return endDate === date ? atPrecision(date, precision) : pair(date, endDate, precision, ' or ');
    default:
      return atPrecision(date, precision);
  }
}

/**
 * A publication date in words: "26 November 2024", or "26 November (year not stated)" when the year is
 * not certain; undefined when there is no date.
 */
export function publishedDateText(published: Published): string | undefined {
  if (!published.date) return undefined;
  if (yearIsCertain(published)) return dayText(published.date);
  // An uncertain publication date is the most recent the weekday allows up to ingestion: a latest year.
  const { y, m, d } = ymd(published.date);
  return `${d} ${MONTHS[m - 1]} (year not stated; ${y} at the latest)`;
}

/** Noon UTC: a date-only instant that shows as the same calendar day from UTC−11 to UTC+11. */
export function unixNoon(iso: string): number {
  const { y, m, d } = ymd(iso);
  return Date.UTC(y, m - 1, d, 12) / 1000;
}

/**
 * The one writer of a timestamp part (core/reply.ts, "Inline parts"): a moment each transport renders,
 * Discord as <t:UNIX:STYLE> (each reader's locale), the console as the date's text.
 */
export function timestampPart(at: Date | number, style: TimestampStyle): string {
  const unix = typeof at === 'number' ? at : Math.floor(at.getTime() / 1000);
  return `\uE000${unix}:${style}\uE001`;
}

/** A calendar date as a timestamp part, at noon UTC so every zone from UTC−11 to UTC+11 sees the same day. */
export function dayTimestamp(iso: string, style: TimestampStyle): string {
  return timestampPart(unixNoon(iso), style);
}

/** The date and how long ago, as timestamp parts: Discord shows the date and "2 years ago" in each reader's locale. */
export function discordDate(iso: string): string {
  return `${dayTimestamp(iso, 'D')} (${dayTimestamp(iso, 'R')})`;
}

/** An instant as a timestamp part. */
export function discordInstant(at: Date, style: 'f' | 'D' | 'R' = 'f'): string {
  return timestampPart(at, style);
}

export function statusText(event: Pick<ArticleEvent, 'date' | 'endDate'> & Partial<Pick<ArticleEvent, 'yearCertain' | 'yearIsLatest'>>, now: Date): string {
  const status = eventStatus(event, now);
  if (status === 'today') return event.date === event.endDate ? 'today' : 'under way';
  if (status === 'unknown') return 'past or ahead not known';
  return status;
}

/** The date an answer is "as of", for footers. */
export function asOf(now: Date): string {
  return `As of ${dayText(now.toISOString().slice(0, 10))}`;
}
