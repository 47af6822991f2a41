// /brief: the story in one embed: headline, a short summary in the article's own sentences, the key
// date, who is involved, and who reported it.
import type { TrackedArticle } from '../articles/library';
import type { Article, ArticleEvent } from '../articles/model';
import type { EmbedField, Reply } from '../core/reply';
import { eventTimestamps, keyEvent } from './events';
import { clip, HERALD_COLOR } from '../format/text';
import { bold, safe } from '../format/parts';
import { asOf, dayText, timestampPart } from '../format/dates';
import { eventDateText, publishedDateText, statusText } from '../articles/date-text';
import { attributionLine, listField, organisationLine, personLine } from './who';

const SUMMARY_SENTENCES = 3;
const SUMMARY_CHARS = 900;

/**
 * News puts the story first: the lead sentence, then the sentence that carries the key date, then
 * what follows the lead, up to three sentences in article order.
 */
export function summarySentences(article: Article): string[] {
  if (article.sentences.length === 0) return article.paragraphs.slice(0, 1);
  const picked = new Set<number>([article.sentences[0].index]);
  const key = keyEvent(article);
  if (key) picked.add(key.sentence);
  for (const s of article.sentences) {
    if (picked.size >= SUMMARY_SENTENCES) break;
    picked.add(s.index);
  }
  const chosen = article.sentences.filter((s) => picked.has(s.index)).map((s) => s.text.trim());
  const out: string[] = [];
  let used = 0;
  for (const text of chosen) {
    if (out.length > 0 && used + text.length > SUMMARY_CHARS) break;
    out.push(text);
    used += text.length + 1;
  }
  return out;
}

/** Every article of the story, oldest first, this one marked: how the story developed. */
export function storyField(tracked: TrackedArticle, story: TrackedArticle[], truncated = false): EmbedField | undefined {
  if (story.length < 2) return undefined;
  const lines = story.map((t) => {
    const when = publishedDateText(t.article.published) ?? `added ${timestampPart(t.ingestedAt, 'D')}`;
    const self = t.article.id === tracked.article.id ? ' (this article)' : '';
    return `${bold(safe(t.article.headline))} — ${when}${self}`;
  });
  return listField(truncated ? `The story: its ${story.length} closest articles (more link on)` : `The story in ${story.length} articles`, lines);
}

/** An event of this article that a later article on its story moved to another date (a correction). */
export interface MovedEvent {
  eventId: string;
  from: string;
  to: string;
  /** The new date's last day and precision: a move to "February 2027" shows February, not 1 February. */
  toEnd?: string;
  toPrecision?: ArticleEvent['precision'];
}

/**
 * `story`: all tracked articles on the same story (oldest first), when news monitoring links them.
 * `moved`: this article's events that later articles moved; a moved key date is shown at its new date.
 */
export function briefReply(tracked: TrackedArticle, now: Date, story: TrackedArticle[] = [], truncated = false, moved: MovedEvent[] = []): Reply {
  const { article } = tracked;
  const found = keyEvent(article);
  const move = found ? moved.find((m) => m.eventId === found.id && m.from === found.date) : undefined;
  // The date a correction withdrew is no key date: the date it gives instead is, said to be moved.
  const key = found && move
    ? { ...found, date: move.to, endDate: move.toEnd ?? move.to, precision: move.toPrecision ?? 'day', qualifier: 'on' as const, yearCertain: true }
    : found;
  const fields: EmbedField[] = [];
  if (key) {
    const movedFrom = move && found ? ` · moved from ${eventDateText(found)} by a later article` : '';
    fields.push({
      name: 'Key date',
      value: [`${bold(eventDateText(key))} (${statusText(key, now)}) — ${safe(key.description)}${movedFrom}`, eventTimestamps(key)].filter(Boolean).join('\n'),
    });
  }
  const involved = [...article.people.map(personLine), ...article.organisations.map(organisationLine)];
  const who = listField('Who is involved', involved);
  if (who) fields.push(who);
  // Who, not what: one line per source, in the order the article names them.
  const sources = article.attributions.filter((a, i, all) => all.findIndex((b) => b.source === a.source) === i);
  const reported = listField('Reported by', sources.map((a) => attributionLine(a, false)));
  if (reported) fields.push(reported);
  const linked = storyField(tracked, story, truncated);
  if (linked) fields.push(linked);
  const summary = summarySentences(article).map((t) => safe(t)).join(' ');
  return {
    embeds: [
      {
        title: safe(article.headline),
        url: article.meta.url && /^https?:\/\//i.test(article.meta.url) ? article.meta.url : undefined,
        // A brief is short: its summary is cut at 1500 characters on every transport (a choice, not Discord's limit).
        description: clip(summary || 'The article has no body text.', 1500),
        fields,
        footer: `${asOf(now)} · More: /when /timeline /who /facts /source`,
        color: HERALD_COLOR,
      },
    ],
  };
}
