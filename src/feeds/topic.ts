// Does an article match a watch's topic? Pure. A topic is comma-separated terms (keywords or names);
// an article matches when any term does. A term matches an entity of the article by name, alias,
// acronym or spelled-out form ("CSTO" ↔ "Collective Security Treaty Organization"), a person by
// surname, or the text as a whole-word phrase.
import type { Article } from '../articles/model';
import { entityProfile, initialism, normalise, type EntityProfile } from '../stories/entities';

export function topicTerms(topic: string): string[] {
  return topic
    .split(/[,;]|\s+\bOR\b\s+/)
    .map((t) => t.trim())
    .filter((t) => normalise(t).length > 0)
    .slice(0, 20);
}

export interface TopicMatch {
  matched: boolean;
  /** The terms that matched, as the admin wrote them. */
  terms: string[];
}

export function matchTopic(article: Article, topic: string | null | undefined, profile: EntityProfile = entityProfile(article)): TopicMatch {
  if (!topic || !topic.trim()) return { matched: true, terms: [] };
  const text = ` ${normalise([article.headline, ...article.paragraphs].join(' '))} `;
  const terms = topicTerms(topic).filter((term) => termMatches(term, text, profile));
  return { matched: terms.length > 0, terms };
}

function termMatches(term: string, text: string, profile: EntityProfile): boolean {
  const n = normalise(term);
  if (profile.names.has(n)) return true;
  const short = initialism(term);
  if (n.includes(' ') && short.length >= 2 && profile.names.has(short)) return true;
  return text.includes(` ${n} `);
}
