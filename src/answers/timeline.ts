// /timeline: every dated event of an article in chronological order, each at the precision the
// article gives ("May 1992", "2011 (about)").
import type { TrackedArticle } from '../articles/library';
import { eventYearIsCertain } from '../articles/model';
import type { Reply } from '../core/reply';
import type { TimelineEventInput, TimelineInput } from '../pictures/timeline-layout';
import { asWritten, chronological, eventDescription, eventQuote, eventTimestamps } from './events';
import { HERALD_COLOR } from '../format/text';
import { safe } from '../format/parts';
import { asOf } from '../format/dates';
import { eventDateText, eventDateWords, publishedDateText, statusText, yearUnknown } from '../articles/date-text';

export function timelineReply(tracked: TrackedArticle, now: Date): Reply {
  const { article } = tracked;
  const title = `Timeline: ${safe(article.headline)}`;
  if (article.events.length === 0) {
    return { embeds: [{ title, description: 'Herald found no dated events in this article.', footer: asOf(now), color: HERALD_COLOR }] };
  }
  const ordered = chronological(article.events);
  // A long timeline quotes less, so its events can be read at a glance (and most fit Discord's
  // 6000-character total whole); /when event:… always quotes.
  const quoteMax = ordered.length <= 6 ? 300 : ordered.length <= 12 ? 120 : 0;
  // Every event: Discord's renderer shows the first 24 and "…and N more" beyond 25.
  const fields = ordered.map((e) => ({
    name: `${eventDateText(e)}${e.isPublication ? ' (the report)' : ''} · ${statusText(e, now)}`,
    value: [eventDescription(e), eventTimestamps(e), asWritten(e), quoteMax ? eventQuote(article, e, quoteMax) : undefined].filter(Boolean).join('\n'),
  }));
  return {
    embeds: [
      {
        title,
        fields,
        footer: `${asOf(now)} · ${ordered.length} dated event${ordered.length === 1 ? '' : 's'} in date order${yearUnknownLast(ordered)}`,
        color: HERALD_COLOR,
      },
    ],
  };
}

/** The footer's note on the events chronological() puts last: those with no known year. */
function yearUnknownLast(events: TrackedArticle['article']['events']): string {
  const unknown = events.filter(yearUnknown).length;
  if (unknown === 0 || unknown === events.length) return '';
  return `, the ${unknown === 1 ? 'one' : unknown} with no known year last`;
}

/**
 * An event whose year the article leaves open: one the parser marked year-uncertain, or an approximate date
 * not within one written year ("by the end of 2030 at the latest", "early 2030": the year is written, only the
 * day is approximate, so the mark is not drawn as a year uncertain).
 */
function uncertainYear(event: TrackedArticle['article']['events'][number]): boolean {
  if (!eventYearIsCertain(event)) return true;
  return event.precision === 'approximate' && !(event.dateBasis === 'written' && event.date.slice(0, 4) === event.endDate.slice(0, 4));
}

/**
 * What the /timeline picture draws: the article's dated events, or, when it belongs to a story of several
 * articles, every article's events (each tagged with its source), with the headlines and who reported them.
 */
export function timelinePictureInput(tracked: TrackedArticle, now: Date, story: TrackedArticle[] = []): TimelineInput {
  const articles = story.length > 1 ? story : [tracked];
  const seen = new Set<string>();
  const events: TimelineEventInput[] = [];
  articles.forEach((t, source) => {
    for (const e of t.article.events) {
      // The same event reported by two articles of a story is drawn once.
      const key = `${e.date}|${e.endDate}|${e.description.trim().toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({
        id: articles.length > 1 ? `${source}:${e.id}` : e.id,
        date: e.date,
        endDate: e.endDate,
        precision: e.precision,
        qualifier: e.qualifier,
        dateText: eventDateWords(e),
        description: e.description,
        uncertainYear: uncertainYear(e),
        yearCertain: eventYearIsCertain(e),
        yearIsLatest: e.yearIsLatest,
        isPublication: e.isPublication,
        source,
      });
    }
  });
  return {
    events,
    sources: articles.map((t) => ({
      headline: t.article.headline,
      detail: [t.article.meta.source, publishedDateText(t.article.published)].filter(Boolean).join(' · ') || undefined,
    })),
    now,
    story: articles.length > 1,
  };
}
