// Shared by the answer, command and console tests: articles to answer from, and a router to ask.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { articleSchema, type Article } from '../../src/articles/model';
import { MemoryLibrary, type TrackedArticle } from '../../src/articles/library';
import { parseArticle } from '../../src/articles/parse';
import { ManualClock } from '../../src/core/clock';
import { CommandRouter } from '../../src/core/router';
import { Status } from '../../src/core/status';
import type { Caller } from '../../src/core/command';
import type { Services } from '../../src/core/services';
import { commands } from '../../commands';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const SEED_FILE = resolve(repoRoot, 'data/articles/csto-border-plan.txt');
export const INGESTED_AT = new Date('2026-11-27T10:00:00Z');

/** The seed article as the real parser reads it (ingested on 27 November 2026). */
export function parsedSeed(): Article {
  const result = parseArticle(readFileSync(SEED_FILE, 'utf8'), { now: INGESTED_AT, origin: SEED_FILE });
  if (!result.ok) throw new Error(result.error);
  return result.article;
}

/** A minimal valid article with the given paragraphs (one sentence each) and extras. */
export function makeArticle(headline: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  let offset = 0;
  const sentences = paragraphs.map((text, index) => {
    const s = { index, paragraph: index, text, start: offset, end: offset + text.length };
    offset += text.length + 2;
    return s;
  });
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
  services.commandList = () => router.commands;
  const run = (command: string, options: Record<string, string | number | undefined> = {}) => router.run({ command, options, caller });
  const complete = (command: string, focused: string, value: string, options: Record<string, string> = {}) =>
    router.autocomplete({ command, options: { ...options, [focused]: value }, caller, focused, value });
  return { library, clock, status, services, router, run, complete };
}

/**
 * The seed as the parser is specified to read it (issue 2), written by hand so the answers could be
 * built before the parser landed. The command tests run on the real parse; this stays for answer
 * unit tests that must not move when the parser's wording does.
 */
export function handcraftedSeed(): Article {
  const text = readFileSync(SEED_FILE, 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const headline = lines[0];
  const paragraphs = lines.slice(1, -1); // the last line repeats the headline (page furniture)
  return makeArticle(headline, paragraphs, {
    id: 'csto-to-approve-plan-strengthening-tajikistan-afghanistan-border-security-handmade',
    published: {
      date: '2024-11-26',
      inferred: true,
      reason: "'Tuesday, November 26' has no year; 2024 is the most recent year ≤ 2026 in which 26 November was a Tuesday",
      confidence: 0.8,
      sentence: 1,
    },
    events: [
      { id: 'e1', date: '2024-11-28', endDate: '2024-11-28', precision: 'day', qualifier: 'on', expression: 'November 28', description: 'CSTO to approve the plan to strengthen the Tajikistan–Afghanistan border', sentence: 1, sentences: [0, 1], status: 'past', isPublication: false, salience: 1 },
      { id: 'e2', date: '2024-11-26', endDate: '2024-11-26', precision: 'day', qualifier: 'on', expression: 'Tuesday, November 26', description: 'Azerbaijani media report the planned approval', sentence: 1, sentences: [1], status: 'past', isPublication: true, salience: 0.5 },
      { id: 'e3', date: '2011-01-01', endDate: '2011-12-31', precision: 'year', qualifier: 'about', expression: '13 years ago', description: 'Decision to develop the plan', sentence: 4, sentences: [4], status: 'past', isPublication: false, salience: 0.4 },
      { id: 'e4', date: '1992-05-01', endDate: '1992-05-31', precision: 'month', qualifier: 'on', expression: 'May 1992', description: 'Collective Security Treaty signed in Tashkent', sentence: 6, sentences: [6], status: 'past', isPublication: false, salience: 0.3 },
    ],
    people: [{ name: 'Imangali Tasmagambetov', role: 'Secretary-General of the CSTO', organisation: 'CSTO', sentences: [2, 3] }],
    organisations: [
      { name: 'Collective Security Treaty Organization', acronym: 'CSTO', aliases: [], members: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'], sentences: [0, 1, 2, 8] },
      { name: 'RIA Novosti', aliases: [], members: [], sentences: [5] },
    ],
    places: [
      { name: 'Tajikistan', kind: 'country', sentences: [0, 6] },
      { name: 'Afghanistan', kind: 'country', sentences: [0, 7] },
      { name: 'Tashkent', kind: 'city', sentences: [6] },
    ],
    attributions: [
      { source: 'Azerbaijani media', verb: 'reported', claim: 'the CSTO is set to approve this plan on November 28', sentence: 1 },
      { source: 'Imangali Tasmagambetov', verb: 'based on statements from', sentence: 2 },
      { source: 'RIA Novosti', verb: 'according to', claim: 'the plan includes several stages', sentence: 5 },
    ],
    lists: [
      { label: 'members of the Collective Security Treaty', items: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'], sentence: 6 },
      { label: 'stages of the plan', items: ['clarifying capabilities', 'practical implementation', 'full deployment along the border', 'the possibility of adjusting weapon ranges'], sentence: 5 },
      { label: 'concerns', items: ['the impact on local communities and trade', 'the humanitarian consequences for Afghan refugees seeking refuge in Tajikistan'], sentence: 9 },
    ],
  });
}
