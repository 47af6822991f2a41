// Hand-built Article values for pure-logic tests of topics, stories and announcements.
import { articleSchema, type Article, type ArticleEvent } from '../../src/articles/model';
import { sentencesFor } from '../answers/helpers';

export interface ArticleSpec {
  id?: string;
  headline: string;
  paragraphs?: string[];
  organisations?: { name: string; acronym?: string; aliases?: string[] }[];
  people?: string[];
  places?: string[];
  events?: (Partial<ArticleEvent> & { date: string; description: string })[];
  published?: string;
  url?: string;
  source?: string;
}

export function makeArticle(spec: ArticleSpec): Article {
  const paragraphs = spec.paragraphs ?? [`${spec.headline}.`];
  const sentences = sentencesFor(paragraphs);
  return articleSchema.parse({
    id: spec.id ?? spec.headline.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    headline: spec.headline,
    paragraphs,
    sentences,
    meta: { url: spec.url, source: spec.source, published: spec.published },
    published: spec.published
      ? { date: spec.published, inferred: false, reason: 'front matter', confidence: 1 }
      : { date: null, inferred: false, reason: 'unknown', confidence: 0 },
    events: (spec.events ?? []).map((e, i) => ({
      id: `e${i + 1}`,
      endDate: e.date,
      precision: 'day',
      qualifier: 'on',
      expression: e.date,
      sentence: 0,
      sentences: [0],
      status: 'upcoming',
      isPublication: false,
      salience: 0.5,
      ...e,
    })),
    people: (spec.people ?? []).map((name) => ({ name, sentences: [0] })),
    organisations: (spec.organisations ?? []).map((o) => ({ name: o.name, acronym: o.acronym, aliases: o.aliases ?? [], members: [], sentences: [0] })),
    places: (spec.places ?? []).map((name) => ({ name, kind: 'country', sentences: [0] })),
    attributions: [],
    lists: [],
    contentHash: `hash-${spec.id ?? spec.headline}`,
    warnings: [],
  });
}
