// Hand-built articles for reminder tests (independent of the parser's progress).
import { articleSchema, type Article, type ArticleEvent } from '../../src/articles/model';
import type { TrackedArticle } from '../../src/articles/library';

export type EventSpec = Partial<ArticleEvent> & { date: string; description: string };

export function event(spec: EventSpec, i = 0): ArticleEvent {
  return {
    id: `e${i}`,
    endDate: spec.date,
    precision: 'day',
    qualifier: 'on',
    expression: spec.date,
    sentence: 0,
    sentences: [spec.sentence ?? 0],
    status: 'upcoming',
    isPublication: false,
    salience: 0.5,
    ...spec,
  };
}

/** `published`: the front-matter date (certain year); reminders come only from articles fresh when ingested (ARTICLE_FRESH_DAYS). */
export function article(headline: string, events: EventSpec[], sentences: string[] = ['The council will vote on the budget.'], published = '2024-11-26'): Article {
  return articleSchema.parse({
    id: `${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-0000`,
    headline,
    paragraphs: sentences,
    sentences: sentences.map((text, index) => ({ index, paragraph: index, text, start: 0, end: text.length })),
    meta: { source: 'Test Wire' },
    published: { date: published, inferred: false, reason: 'front matter', confidence: 1, yearCertain: true, basis: 'front-matter' },
    events: events.map((e, i) => event(e, i)),
    people: [],
    organisations: [],
    places: [],
    attributions: [{ source: 'The council', verb: 'said', sentence: 0 }],
    lists: [],
    contentHash: 'x',
    warnings: [],
  });
}

export function tracked(a: Article, origin = '/articles/budget.txt', ingestedAt = new Date('2024-11-27T10:00:00Z')): TrackedArticle {
  return { article: a, origin, ingestedAt };
}

// Written for the tests (not a real report): the same story, the approval moved to 5 December.
export const CSTO_FOLLOW_UP = `---
published: 2024-11-27
source: Test Wire
---
CSTO postpones approval of Tajikistan-Afghanistan border plan

The Collective Security Treaty Organization (CSTO) will approve the plan to strengthen the border between Tajikistan and Afghanistan on December 5, its Secretary-General Imangali Tasmagambetov said on Wednesday.

The plan includes several stages, among them the full deployment along the border.
`;
