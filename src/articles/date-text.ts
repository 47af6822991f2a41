// An article's dates in words: plain text that says no more than the article does ("May 1992", "2011
// (about)", "by 28 November 2024", never a year the evidence does not fix), and whether an event is past,
// today or upcoming. Pure.
import { dayText, ymd, type Ymd } from '../format/dates';
import { safe } from '../format/parts';
import { MONTH_NAMES as MONTHS } from '../language/calendar-words';
import { eventStatus } from './event-status';
import { yearIsCertain, type ArticleEvent, type Published } from './model';

/** A date as precise as it is known: "1 February 2027", "February 2027", "2027", "2027 (about)". */
export function atPrecision(iso: string, precision: ArticleEvent['precision']): string {
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

/** How the article's own words (a relative expression as written) go into the text. */
type Written = (text: string) => string;

/**
 * A date whose year the evidence does not fix: the day and month the text gives, "(year not stated)", or
 * a relative expression of an undated article as written ("“last month” (as written)"). Never a year.
 */
function uncertainDateText(event: DatedEvent, asWritten: Written): string {
  const fixed = event.dateBasis !== 'relative' && (event.precision === 'day' || event.precision === 'month');
  const latest = event.yearIsLatest ? `; ${ymd(event.endDate).y} at the latest` : '';
  if (fixed) return `${event.qualifier === 'by' ? 'by ' : ''}${withoutYear(event)} (year not stated${latest})`;
  const written = event.expression?.trim();
  return written ? `“${asWritten(written)}” (as written${latest || '; the year is not known'})` : 'date not known';
}

/**
 * Whether nothing bounds the year: neither fixed by the evidence nor "at the latest" some year. Such a date's
 * year is a placeholder (the ingestion year, or an anchor's), so it is never placed among dated events.
 */
export function yearUnknown(event: Pick<DatedEvent, 'yearCertain' | 'yearIsLatest'>): boolean {
  return event.yearCertain === false && !event.yearIsLatest;
}

/** Whether the date may be shown with its year (and as a calendar date or Discord timestamp). */
export function yearShown(event: Pick<DatedEvent, 'yearCertain'>): boolean {
  return event.yearCertain !== false;
}

/**
 * The event's date in words, as precise as the article is and no more; never a year the evidence does not
 * fix. Reply text: an expression shown as the article wrote it is untrusted text (a plain part), so it can
 * carry no markdown or mention into a message.
 */
export function eventDateText(event: DatedEvent): string {
  return dateInWords(event, safe);
}

/** The same words as bare text, for what is not a reply: the timeline picture, autocomplete choices, matching. */
export function eventDateWords(event: DatedEvent): string {
  return dateInWords(event, (text) => text);
}

function dateInWords(event: DatedEvent, asWritten: Written): string {
  if (!yearShown(event)) return uncertainDateText(event, asWritten);
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

export function statusText(event: Pick<ArticleEvent, 'date' | 'endDate'> & Partial<Pick<ArticleEvent, 'yearCertain' | 'yearIsLatest'>>, now: Date): string {
  const status = eventStatus(event, now);
  if (status === 'today') return event.date === event.endDate ? 'today' : 'under way';
  if (status === 'unknown') return 'past or ahead not known';
  return status;
}
