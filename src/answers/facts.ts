// /facts: what an article enumerates (members, stages, concerns…) and its key facts, or only the
// lists about one topic.
import type { TrackedArticle } from '../articles/library';
import type { Article, ArticleList } from '../articles/model';
import type { Choice, EmbedField, Reply } from '../core/reply';
import { userError } from '../core/reply';
import { matchesWords } from './article-option';
import { keyEvent } from './events';
import { HERALD_COLOR, joinList } from '../format/text';
import { bold, safe } from '../format/parts';
import { asOf, dayText } from '../format/dates';
import { eventDateText, publishedDateText, statusText } from '../articles/date-text';

const MAX_LISTS = 20;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function listFieldOf(list: ArticleList): EmbedField {
  return { name: safe(capitalise(list.label)), value: list.items.map((i) => `• ${safe(i)}`).join('\n') };
}

/** Lists whose label (or, failing that, items) contain every word of the topic. */
export function findLists(article: Article, topic: string): ArticleList[] {
  const byLabel = article.lists.filter((l) => matchesWords(topic, l.label));
  return byLabel.length ? byLabel : article.lists.filter((l) => l.items.some((i) => matchesWords(topic, i)));
}

/** Choice values stay within Discord's 100 characters without an ellipsis, so they still match. */
export function topicChoices(article: Article, typed: string): Choice[] {
  return article.lists
    .filter((l) => matchesWords(typed, l.label))
    .map((l) => ({ name: capitalise(l.label), value: l.label.length <= 100 ? l.label : l.label.slice(0, 100).replace(/\s+\S*$/, '') }));
}

function keyFacts(tracked: TrackedArticle, now: Date): string[] {
  const { article } = tracked;
  const lines: string[] = [];
  const key = keyEvent(article);
  if (key) lines.push(`${bold('Key date:')} ${eventDateText(key)} (${statusText(key, now)}) — ${safe(key.description)}`);
  const published = publishedDateText(article.published);
  if (published) lines.push(`${bold('Published:')} ${published}`);
  const countries = article.places.filter((p) => p.kind === 'country').map((p) => p.name);
  const otherPlaces = article.places.filter((p) => p.kind !== 'country').map((p) => p.name);
  if (countries.length) lines.push(`${bold('Countries:')} ${safe(joinList(countries))}`);
  if (otherPlaces.length) lines.push(`${bold('Other places:')} ${safe(joinList(otherPlaces))}`);
  if (article.organisations.length) lines.push(`${bold('Organisations:')} ${safe(joinList(article.organisations.map((o) => o.acronym ?? o.name)))}`);
  return lines;
}

export function factsReply(tracked: TrackedArticle, now: Date, topic?: string): Reply {
  const { article } = tracked;
  const title = `Facts: ${safe(article.headline)}`;
  if (topic !== undefined) {
    const lists = findLists(article, topic);
    if (lists.length === 0) {
      const topics = article.lists.map((l) => `“${l.label}”`);
      const hint = topics.length ? ` Topics: ${safe(joinList(topics.slice(0, 10)))}.` : ' Herald found no lists in it.';
      return userError(`Nothing about “${safe(topic, { max: 80 })}” in this article.${hint}`);
    }
    return { embeds: [{ title, fields: lists.map(listFieldOf), footer: asOf(now), color: HERALD_COLOR }] };
  }
  const facts = keyFacts(tracked, now);
  const fields = [...(facts.length ? [{ name: 'Key facts', value: facts.join('\n') }] : []), ...article.lists.slice(0, MAX_LISTS).map(listFieldOf)];
  return {
    embeds: [
      {
        title,
        description: fields.length ? undefined : 'Herald found no lists or key facts in this article.',
        fields,
        footer: `${asOf(now)}${article.lists.length ? ' · One topic: /facts topic:<words of a list name>' : ''}`,
        color: HERALD_COLOR,
      },
    ],
  };
}
