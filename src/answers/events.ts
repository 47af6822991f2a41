// Ordering and finding an article's dated events, and the lines that show one with its source.
import type { Article, ArticleEvent } from '../articles/model';
import type { Choice } from '../core/reply';
import { matchesWords, normalise } from './article-option';
import { quote, safe } from '../format/parts';
import { unixNoon, dayTimestamp, timestampPart } from '../format/dates';
import { eventDateWords, yearShown, yearUnknown, type DatedEvent } from '../articles/date-text';

/** Most important first; equal salience → earlier first. */
export function bySalience(events: ArticleEvent[]): ArticleEvent[] {
  return [...events].sort((a, b) => b.salience - a.salience || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/**
 * Events in date order; a coarser date (a whole month) comes before the days inside it. Those whose year nothing bounds (yearUnknown) come after the others, in their own
 * date order: their year is a placeholder that would file them among the dated events wrongly ("Thursday" of
 * an undated 2005 article after a 2015 deadline), while their order among themselves is the text's.
 */
export function chronological(events: ArticleEvent[]): ArticleEvent[] {
  return [...events].sort((a, b) => Number(yearUnknown(a)) - Number(yearUnknown(b)) || a.date.localeCompare(b.date) || b.endDate.localeCompare(a.endDate) || a.id.localeCompare(b.id));
}

export function keyEvent(article: Article): ArticleEvent | undefined {
  return bySalience(article.events.filter((e) => !e.isPublication))[0] ?? bySalience(article.events)[0];
}

export function sentenceText(article: Article, index: number): string | undefined {
  return article.sentences.find((s) => s.index === index)?.text ?? article.sentences[index]?.text;
}

/** By id ("e3"), or every word of the query in the description or the date as written. */
export function findEvent(article: Article, query: string): ArticleEvent | undefined {
  const exact = article.events.find((e) => e.id === query.trim());
  if (exact) return exact;
  const q = normalise(query);
  return (
    bySalience(article.events).find((e) => normalise(e.description) === q) ??
    bySalience(article.events).find((e) => matchesWords(query, `${e.description} ${e.expression} ${eventDateWords(e)}`))
  );
}

export function eventChoices(article: Article, typed: string): Choice[] {
  return bySalience(article.events)
    .filter((e) => matchesWords(typed, `${e.description} ${e.expression} ${eventDateWords(e)}`))
    .map((e) => ({ name: `${eventDateWords(e)} — ${e.description}`, value: e.id }));
}

/**
 * Timestamp parts for the event. Only a day-precise date gets a calendar date (style D); a month
 * or a year gets the relative form alone, so no reader sees a day the article never gave.
 */
export function eventTimestamps(event: DatedEvent): string | undefined {
  // A guessed year gets no timestamp: Discord would show it as a confident date.
  if (!yearShown(event)) return undefined;
  // Relative to the middle of the month or year: "15 years ago" for 2011 seen from late 2026, not 16.
  if (event.precision !== 'day') return timestampPart(Math.floor((unixNoon(event.date) + unixNoon(event.endDate)) / 2), 'R');
  const day = (iso: string) => dayTimestamp(iso, 'D');
  const anchor = event.qualifier === 'by' ? event.endDate : event.date;
  const rel = `(${dayTimestamp(anchor, 'R')})`;
  if ((event.qualifier === 'range' || event.qualifier === 'alternative') && event.endDate !== event.date) {
    return `${day(event.date)} ${event.qualifier === 'range' ? '–' : 'or'} ${day(event.endDate)} ${rel}`;
  }
  return `${event.qualifier === 'by' ? 'by ' : ''}${day(anchor)} ${rel}`;
}

export function eventDescription(event: ArticleEvent): string {
  const d = event.description.trim();
  return safe(d.charAt(0).toUpperCase() + d.slice(1), { max: 300 });
}

const NAMES_A_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b\d{4}\b/i;

/** The date as the article wrote it, when it was relative ("13 years ago", "in the next two days"): how the date was worked out. */
export function asWritten(event: ArticleEvent): string | undefined {
  const written = event.expression.trim();
  // A relative date whose year is not known is already shown as written.
  if (!yearShown(event) && event.dateBasis === 'relative') return undefined;
  if (!written || NAMES_A_DATE.test(written)) return undefined;
  return `Written as “${safe(written, { max: 100 })}”`;
}

export function eventQuote(article: Article, event: ArticleEvent, max = 600): string | undefined {
  const text = sentenceText(article, event.sentence);
  return text ? quote(text, max) : undefined;
}
