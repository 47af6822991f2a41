// /timeline: every dated event of an article in chronological order, each at the precision the
// article gives ("May 1992", "2011 (about)").
import type { TrackedArticle } from '../articles/library';
import type { Reply } from '../core/reply';
import { asWritten, chronological, eventDescription, eventQuote, eventTimestamps } from './events';
import { asOf, clip, eventDateText, fitEmbed, HERALD_COLOR, safe, statusText } from './format';

const MAX_FIELDS = 25;

export function timelineReply(tracked: TrackedArticle, now: Date): Reply {
  const { article } = tracked;
  const title = clip(`Timeline: ${safe(article.headline)}`, 256);
  if (article.events.length === 0) {
    return { embeds: [{ title, description: 'Herald found no dated events in this article.', footer: asOf(now), color: HERALD_COLOR }] };
  }
  const ordered = chronological(article.events);
  // Quotes only while they fit Discord's 6000-character embed total; /when event:… always quotes.
  const quoteMax = ordered.length <= 6 ? 300 : ordered.length <= 12 ? 120 : 0;
  const fields = ordered.slice(0, MAX_FIELDS).map((e) => ({
    name: `${eventDateText(e)}${e.isPublication ? ' (the report)' : ''} · ${statusText(e, now)}`,
    value: [eventDescription(e), eventTimestamps(e), asWritten(e), quoteMax ? eventQuote(article, e, quoteMax) : undefined].filter(Boolean).join('\n'),
  }));
  const more = ordered.length - fields.length;
  return {
    embeds: [
      fitEmbed({
        title,
        fields,
        footer: `${asOf(now)} · ${ordered.length} dated event${ordered.length === 1 ? '' : 's'} in date order${more > 0 ? ` (first ${fields.length} shown)` : ''}`,
        color: HERALD_COLOR,
      }),
    ],
  };
}
