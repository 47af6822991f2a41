// /when: an article's dated events, most important first, each dated honestly, placed as past or
// upcoming as of `now`, and quoted from the sentence it came from.
import type { TrackedArticle } from '../articles/library';
import type { ArticleEvent } from '../articles/model';
import type { EmbedField, Reply } from '../core/reply';
import { userError } from '../core/reply';
import { asWritten, bySalience, eventDescription, eventQuote, eventTimestamps, findEvent } from './events';
import { HERALD_COLOR, joinList } from '../format/text';
import { safe } from '../format/parts';
import { asOf } from '../format/dates';
import { eventDateText, statusText } from '../articles/date-text';

// Ten events with full quotes would pass Discord's 6000-character embed total; more go to /timeline.
const MAX_EVENTS = 8;

export function eventField(tracked: TrackedArticle, event: ArticleEvent, now: Date, quoteMax = 600): EmbedField {
  const lines = [eventTimestamps(event), eventDescription(event), asWritten(event), eventQuote(tracked.article, event, quoteMax)].filter(Boolean);
  return { name: `${eventDateText(event)} · ${statusText(event, now)}`, value: lines.join('\n') };
}

/** The events /when shows: the one asked for, or the most important ones. */
export function whenShownEvents(article: TrackedArticle['article'], eventQuery?: string): ArticleEvent[] {
  if (eventQuery !== undefined) {
    const event = findEvent(article, eventQuery);
    return event ? [event] : [];
  }
  return bySalience(article.events).slice(0, MAX_EVENTS);
}

export function whenReply(tracked: TrackedArticle, now: Date, eventQuery?: string): Reply {
  const { article } = tracked;
  const title = `When: ${safe(article.headline)}`;
  if (article.events.length === 0) {
    return { embeds: [{ title, description: 'Herald found no dated events in this article.', footer: asOf(now), color: HERALD_COLOR }] };
  }
  if (eventQuery !== undefined) {
    const event = findEvent(article, eventQuery);
    if (!event) {
      const known = bySalience(article.events).slice(0, 5).map((e) => `“${safe(e.description, { max: 80 })}”`);
      return userError(`No event matching “${safe(eventQuery, { max: 80 })}” in this article. Try one of: ${joinList(known)}.`);
    }
    return { embeds: [{ title, fields: [eventField(tracked, event, now)], footer: asOf(now), color: HERALD_COLOR }] };
  }
  const ordered = bySalience(article.events);
  const shown = ordered.slice(0, MAX_EVENTS);
  const more = ordered.length - shown.length;
  const count = `${ordered.length} dated event${ordered.length === 1 ? '' : 's'}, most important first`;
  return {
    embeds: [
      {
        title,
        fields: shown.map((e) => eventField(tracked, e, now, shown.length <= 4 ? 600 : 250)),
        footer: `${asOf(now)} · ${count}${more > 0 ? ` · ${more} more in /timeline` : ''}`,
        color: HERALD_COLOR,
      },
    ],
  };
}
