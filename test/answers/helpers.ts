// Shared by the answer, command and console tests: articles to answer from, and a router to ask.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { articleSchema, type Article } from '../../src/articles/model';
import { MemoryLibrary, type TrackedArticle } from '../../src/articles/library';
import { parseArticle } from '../../src/articles/parse';
import { ManualClock } from '../../src/core/clock';
import { CommandRouter } from '../../src/core/router';
import { Status } from '../../src/core/status-snapshot';
import type { Caller } from '../../src/core/command';
import type { Services } from '../../src/services';
import { commands } from '../../commands';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const SEED_FILE = resolve(repoRoot, 'data/articles/csto-border-plan.txt');
export const INGESTED_AT = new Date('2026-11-27T10:00:00Z');

/** The seed article as the real parser reads it (ingested on 27 November 2026 unless told). */
export function parsedSeed(now: Date = INGESTED_AT): Article {
  const result = parseArticle(readFileSync(SEED_FILE, 'utf8'), { now, origin: SEED_FILE });
  if (!result.ok) throw new Error(result.error);
  return result.article;
}

/** A minimal valid article with the given paragraphs (one sentence each) and extras. */
export function makeArticle(headline: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  const sentences = sentencesFor(paragraphs);
  return articleSchema.parse({
    id: `${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-0000abcd`,
    headline,
    paragraphs,
    sentences,
    meta: {},
    published: { date: null, inferred: false, reason: 'no date in the text', confidence: 0 },
    events: [],
    people: [],
    organisations: [],
    places: [],
    attributions: [],
    lists: [],
    contentHash: '0'.repeat(64),
    warnings: [],
    ...extra,
  });
}

export function track(article: Article, ingestedAt = INGESTED_AT, origin = `/srv/articles/${article.id}.txt`): TrackedArticle {
  return { article, ingestedAt, origin };
}

export const caller: Caller = { userId: '42', guildId: '1', channelId: '2', canManageGuild: false };

export function setup(articles: TrackedArticle[], now = '2026-11-27T12:00:00Z') {
  const library = new MemoryLibrary();
  for (const t of articles) library.upsert(t);
  const clock = new ManualClock(now);
  const status = new Status(new Date('2026-11-27T09:00:00Z'), library);
  const services: Services = { articles: library, status };
  const router = new CommandRouter({ commands, services, clock, log: pino({ level: 'silent' }) });
  const run = (command: string, options: Record<string, string | number | undefined> = {}) => router.run({ command, options, caller });
  const complete = (command: string, focused: string, value: string, options: Record<string, string> = {}) =>
    router.autocomplete({ command, options: { ...options, [focused]: value }, caller, focused, value });
  return { library, clock, status, services, router, run, complete };
}


/** One sentence a paragraph, with offsets as the parser gives them (paragraphs separated by a blank line). */
export function sentencesFor(paragraphs: string[]): Article['sentences'] {
  let offset = 0;
  return paragraphs.map((text, index) => {
    const s = { index, paragraph: index, text, start: offset, end: offset + text.length };
    offset += text.length + 2;
    return s;
  });
}
