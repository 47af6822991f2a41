// Answers carry their full text; Discord's renderer keeps every reply within Discord's limits, even for
// articles far larger than news, and the console shows it whole.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import type { Article, ArticleEvent } from '../../src/articles/model';
import type { Reply } from '../../src/core/reply';
import { eventTimestamps } from '../../src/answers/events';
import { listField } from '../../src/answers/who';
import { renderMessage } from '../../src/transports/discord/render';
import { renderReplyText } from '../../src/transports/console/render-text';
import { makeArticle, setup, track } from './helpers';
import { readCorpus } from '../support/shared-data';
import { asDiscord } from '../support/discord-markup';
import { bold } from '../../src/format/parts';

function event(i: number, extra: Partial<ArticleEvent> = {}): ArticleEvent {
  const day = String((i % 28) + 1).padStart(2, '0');
  return { id: `e${i}`, date: `2020-01-${day}`, endDate: `2020-01-${day}`, precision: 'day', qualifier: 'on', expression: 'x', description: `Event ${i} ${'word '.repeat(80)}`, sentence: i % 3, sentences: [i % 3], status: 'past', isPublication: false, salience: 1 - i / 100, ...extra };
}

function huge(): Article {
  const long = `${'A very long sentence without an end '.repeat(300)}.`;
  const names = Array.from({ length: 60 }, (_, i) => `Person Number${i} ${'Surname'.repeat(5)}`);
  return makeArticle(`Headline ${'x'.repeat(400)}`, [long, long, long], {
    events: Array.from({ length: 40 }, (_, i) => event(i)),
    people: names.map((name) => ({ name, role: 'Minister of '.repeat(20), sentences: [0] })),
    organisations: Array.from({ length: 30 }, (_, i) => ({ name: `Organisation ${i}`, acronym: `O${i}`, aliases: [], members: names.slice(0, 40), sentences: [1] })),
    attributions: Array.from({ length: 40 }, (_, i) => ({ source: names[i], verb: 'said', claim: long, sentence: 0 })),
    lists: Array.from({ length: 40 }, (_, i) => ({ label: `list ${i} ${'label '.repeat(30)}`, items: names, sentence: 2 })),
  });
}

/** What Discord would reject in the rendered reply. */
function withinLimits(reply: Reply): string[] {
  const out: string[] = [];
  const message = renderMessage(reply);
  if ((message.content ?? '').length > 2000) out.push('content');
  let total = 0;
  for (const e of message.embeds ?? []) {
    const fields = e.fields ?? [];
    if ((e.title ?? '').length > 256) out.push('title');
    if ((e.description ?? '').length > 4096) out.push('description');
    if (fields.length > 25) out.push('field count');
    for (const f of fields) {
      if (f.name.length > 256) out.push(`field name ${f.name.slice(0, 20)}`);
      if (f.value.length > 1024) out.push(`field value ${f.name.slice(0, 20)}`);
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) out.push(`total ${total}`);
  for (const row of message.components ?? []) for (const b of row.components) if (b.label.length > 80) out.push(`button ${b.label.slice(0, 20)}`);
  return out;
}

describe('Discord limits', () => {
  it('holds for every command on an oversized article', async () => {
    const { run } = setup([track(huge())]);
    const problems: string[] = [];
    for (const [command, options] of [['brief', {}], ['when', {}], ['timeline', {}], ['who', {}], ['who', { name: `Person Number1 ${'Surname'.repeat(5)}` }], ['who', { name: 'O1' }], ['facts', {}], ['facts', { topic: 'list' }], ['source', {}], ['articles', {}], ['help', {}], ['status', {}]] as const) {
      const reply = await run(command, options);
      expect(reply.ephemeral, command).toBeUndefined();
      problems.push(...withinLimits(reply).map((p) => `${command} ${JSON.stringify(options)}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('says how many more there are when a list does not fit a field on Discord, and the console shows them all', () => {
    const people = Array.from({ length: 100 }, (_, i) => `${bold(`Person ${i}`)} — a role`);
    const reply: Reply = { embeds: [{ title: 'Who', fields: [listField('People', people)!] }] };
    const value = renderMessage(reply).embeds![0].fields![0].value;
    expect(value.length).toBeLessThanOrEqual(1024);
    const lines = value.split('\n');
    expect(lines.slice(0, -1)).toEqual(people.slice(0, lines.length - 1).map((p) => asDiscord(p)));
    expect(lines.at(-1)).toBe(`…and ${100 - (lines.length - 1)} more`);
    const text = renderReplyText(reply, new Date('2026-11-27T12:00:00Z'));
    expect(text).toContain('Person 0 — a role');
    expect(text).toContain('Person 99 — a role');
    expect(text).not.toContain('more');
  });

  it('shows the console every event of a long timeline, and Discord the first 24 and how many more', async () => {
    const { run } = setup([track(makeArticle('Busy', ['One.', 'Two.', 'Three.'], { events: Array.from({ length: 40 }, (_, i) => event(i)) }))]);
    const reply = await run('timeline');
    expect(reply.embeds![0].fields).toHaveLength(40);
    expect(renderReplyText(reply, new Date('2026-11-27T12:00:00Z')).match(/Event \d+ word/g)).toHaveLength(40);
    const fields = renderMessage(reply).embeds![0].fields!;
    expect(fields).toHaveLength(25);
    expect(fields.at(-1)).toEqual({ name: '\u200b', value: '…and 16 more' });
  });

  it('caps /when at eight events and points to /timeline for the rest', async () => {
    const { run } = setup([track(makeArticle('Busy', ['One.', 'Two.', 'Three.'], { events: Array.from({ length: 12 }, (_, i) => event(i)) }))]);
    const r = await run('when');
    expect(r.embeds?.[0].fields).toHaveLength(8);
    expect(r.embeds?.[0].footer).toBe('As of 27 November 2026 · 12 dated events, most important first · 4 more in /timeline');
  });
});

describe('event timestamps', () => {
  it('give a calendar day only for day-precise dates', () => {
    expect(asDiscord(eventTimestamps(event(0, { date: '2024-11-26', endDate: '2024-11-28', qualifier: 'by' })))).toBe('by <t:1732795200:D> (<t:1732795200:R>)');
    expect(asDiscord(eventTimestamps(event(0, { date: '2024-11-27', endDate: '2024-11-28', qualifier: 'range' })))).toBe('<t:1732708800:D> – <t:1732795200:D> (<t:1732708800:R>)');
    expect(asDiscord(eventTimestamps(event(0, { date: '1992-05-01', endDate: '1992-05-31', precision: 'month' })))).toBe('<t:706017600:R>');
  });
});

describe('the held-out news corpus', () => {
  it('gets a non-error answer within Discord limits from every command, for every article', async () => {
    const corpus = readCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const now = new Date('2026-11-27T12:00:00Z');
    const tracked = corpus.map(({ file, text }) => {
      const parsed = parseArticle(text, { now, origin: file });
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
      return track(parsed.article, now, file);
    });
    const { run } = setup(tracked);
    const problems: string[] = [];
    for (const t of tracked) {
      for (const command of ['brief', 'when', 'timeline', 'who', 'facts', 'source']) {
        const reply = await run(command, { article: t.article.id });
        if (reply.ephemeral) problems.push(`${t.origin} /${command}: ${reply.content}`);
        problems.push(...withinLimits(reply).map((p) => `${t.origin} /${command}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});
