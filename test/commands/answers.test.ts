// Every article command on the seed article, asserted exactly; plus the shared behaviours: unknown
// articles, autocomplete, paging and inert mentions.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply';
import pino from 'pino';
import { caller, makeArticle, parsedSeed, setup, track } from '../answers/helpers';
import { commands } from '../../commands';
import help from '../../commands/help';
import { CommandRouter } from '../../src/core/router';
import { ManualClock } from '../../src/core/clock';
import { renderChoices } from '../../src/transports/discord/render';
import { asDiscord } from '../support/discord-markup';
import { parseArticle } from '../../src/articles/parse';
import { StoryIndex } from '../../src/stories/index';
import { VOTE, correctionBy } from '../stories/correction-articles';

const seed = parsedSeed();
const HEADLINE = 'CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security';
const LEAD = 'The Collective Security Treaty Organization (CSTO) has announced that the plan to strengthen the border between Tajikistan and Afghanistan will be approved in the next two days.';
const APPROVAL_SENTENCE = 'Azerbaijani media reported on Tuesday, November 26, that the CSTO is set to approve this plan on November 28.';
const APPROVAL = 'CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan';
const APPROVAL_NOON = 1732795200; // 2024-11-28T12:00:00Z
const MEMBERS = 'Russia, Belarus, Armenia, Kazakhstan, Kyrgyzstan and Tajikistan';

// As Discord shows it: inline parts (bold, mentions, escaped article text) rendered as Discord markdown.
const embed = (r: Reply) => asDiscord(r.embeds?.[0] ?? {});
const fieldNames = (r: Reply) => (embed(r).fields ?? []).map((f) => f.name);
const field = (r: Reply, name: string) => (embed(r).fields ?? []).find((f) => f.name === name)?.value;

describe('/when', () => {
  it('ingested in 2026, leads with the approval on 28 November, year not stated (2024 at the latest), past whatever the year, without timestamps', async () => {
    const { run } = setup([track(seed)], '2026-11-27T12:00:00Z');
    const r = await run('when');
    expect(r.ephemeral).toBeUndefined();
    expect(embed(r).title).toBe(`When: ${HEADLINE}`);
    expect(embed(r).fields?.[0]).toEqual({
      name: '28 November (year not stated; 2024 at the latest) · past',
      value: `${APPROVAL}\n> ${APPROVAL_SENTENCE}`,
    });
    expect(fieldNames(r)).toEqual([
      '28 November (year not stated; 2024 at the latest) · past',
      'by 28 November (year not stated; 2024 at the latest) · past',
      '“13 years ago” (as written; 2011 at the latest) · past',
      'May 1992 · past',
      '26 November (year not stated; 2024 at the latest) · past',
    ]);
    expect(field(r, 'by 28 November (year not stated; 2024 at the latest) · past')).toBe(
      `Plan to strengthen the border between Tajikistan and Afghanistan to be approved\nWritten as “in the next two days”\n> ${LEAD}`,
    );
    expect(embed(r).footer).toBe('As of 27 November 2026 · 5 dated events, most important first');
  });

  it('ingested on 27 November 2024, dates the approval 28 November 2024 with timestamps', async () => {
    const fresh = parsedSeed(new Date('2024-11-27T09:00:00Z'));
    const { run } = setup([track(fresh, new Date('2024-11-27T09:00:00Z'))], '2026-11-27T12:00:00Z');
    const r = await run('when');
    expect(asDiscord(embed(r).fields?.[0])).toEqual({ name: '28 November 2024 · past', value: `<t:${APPROVAL_NOON}:D> (<t:${APPROVAL_NOON}:R>)\n${APPROVAL}\n> ${APPROVAL_SENTENCE}` });
    expect(fieldNames(r)).toEqual(['28 November 2024 · past', 'by 28 November 2024 · past', '2011 · past', 'May 1992 · past', '26 November 2024 · past']);
  });

  it('calls the approval upcoming on 27 November 2024', async () => {
    const fresh = parsedSeed(new Date('2024-11-27T09:00:00Z'));
    const { run } = setup([track(fresh, new Date('2024-11-27T09:00:00Z'))], '2024-11-27T09:00:00Z');
    const r = await run('when');
    expect(fieldNames(r).slice(0, 2)).toEqual(['28 November 2024 · upcoming', 'by 28 November 2024 · upcoming']);
    expect(fieldNames(r)[4]).toBe('26 November 2024 · past');
  });

  it('shows one event when asked by words of its description, and hints when none matches', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('when', { event: 'treaty signed' });
    expect(asDiscord(embed(r).fields)).toEqual([
      {
        name: 'May 1992 · past',
        value: '<t:706017600:R>\nCollective Security Treaty was signed in Tashkent, Uzbekistan\n> The Collective Security Treaty was signed in May 1992 in Tashkent, Uzbekistan, and its members include Russia, Belarus, Armenia, Kazakhstan, Kyrgyzstan, and Tajikistan.',
      },
    ]);
    const miss = await run('when', { event: 'election' });
    expect(miss.ephemeral).toBe(true);
    expect(miss.content).toBe(
      'No event matching “election” in this article. Try one of: “CSTO to approve the plan to strengthen the border between Tajikistan and…”, ' +
        '“plan to strengthen the border between Tajikistan and Afghanistan to be approved”, “decision to develop the plan to strengthen the border between Tajikistan and…”, ' +
        '“Collective Security Treaty was signed in Tashkent, Uzbekistan” and “Azerbaijani media reported that the CSTO is set to approve this plan on…”.',
    );
  });
});

describe('an article without dates', () => {
  it('says so in /when and /timeline instead of failing', async () => {
    const { run } = setup([track(makeArticle('Quiet story', ['Nothing is dated here.']))]);
    for (const command of ['when', 'timeline']) {
      const r = await run(command);
      expect(r.ephemeral).toBeUndefined();
      expect(embed(r).description).toBe('Herald found no dated events in this article.');
    }
  });
});

describe('/timeline', () => {
  it('lists every dated event in date order at its own precision', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('timeline');
    expect(fieldNames(r)).toEqual([
      'May 1992 · past',
      '“13 years ago” (as written; 2011 at the latest) · past',
      '26 November (year not stated; 2024 at the latest) (the report) · past',
      'by 28 November (year not stated; 2024 at the latest) · past',
      '28 November (year not stated; 2024 at the latest) · past',
    ]);
    // No timestamp for a year that is not certain: Discord would show it as a confident date.
    expect(field(r, '“13 years ago” (as written; 2011 at the latest) · past')?.split('\n').slice(0, 2)).toEqual([
      'Decision to develop the plan to strengthen the border between Tajikistan and Afghanistan was made',
      '> He emphasized that this plan plays a crucial role in ensuring the security of Central Asia as a whole, adding that the decision to develop this plan was made 13 years ago.',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/· ·|\n\n|undefined/);
  });
});

describe('/brief', () => {
  it('gives headline, three lead sentences, the key date, who is involved and who reported it', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('brief');
    expect(embed(r).title).toBe(HEADLINE);
    expect(embed(r).description).toBe(`${LEAD} ${APPROVAL_SENTENCE} The report was based on statements from Imangali Tasmagambetov, the Secretary-General of the CSTO.`);
    expect(field(r, 'Key date')).toBe(`**28 November (year not stated; 2024 at the latest)** (past) — ${APPROVAL}`);
    expect(field(r, 'Who is involved')).toBe(
      `**Imangali Tasmagambetov** — Secretary-General, CSTO\n**Collective Security Treaty Organization (CSTO)** — members: ${MEMBERS}\n**RIA Novosti**\n**Taliban**`,
    );
    expect(field(r, 'Reported by')).toBe(
      '**Collective Security Treaty Organization** announced\n**Azerbaijani media** reported\nBased on statements from **Imangali Tasmagambetov**\nAccording to a report by **RIA Novosti**',
    );
  });
});

describe('/brief of an article a later correction moved', () => {
  it('shows the key date at the corrected day and says it moved, not the date the correction withdrew', async () => {
    const parse = (text: string) => {
      const r = parseArticle(text, { now: new Date('2026-11-24T12:00:00Z') });
      if (!r.ok) throw new Error(r.error);
      return r.article;
    };
    const vote = track(parse(VOTE), new Date('2026-11-20T12:00:00Z'), 'vote.txt');
    const correction = track(parse(correctionBy('Harbourside Gazette')), new Date('2026-11-24T12:00:00Z'), 'correction.txt');
    const { run, services, library } = setup([vote, correction], '2026-11-25T12:00:00Z');
    services.stories = new StoryIndex(library);
    const r = await run('brief', { article: vote.article.id });
    expect(field(r, 'Key date')).toMatch(/^\*\*9 December 2026\*\* \(upcoming\) — .* · moved from 1 December 2026 by a later article\n/);
    expect(field(r, 'Key date')).not.toContain('**1 December 2026**');
  });

  it('shows a key date moved to a month as that month, not its first day', async () => {
    const parse = (text: string) => {
      const r = parseArticle(text, { now: new Date('2026-11-24T12:00:00Z') });
      if (!r.ok) throw new Error(r.error);
      return r.article;
    };
    const putBack = VOTE.replace('published: 2026-11-20', 'published: 2026-11-24').replace('on 1 December', 'in February 2027');
    const vote = track(parse(VOTE), new Date('2026-11-20T12:00:00Z'), 'vote.txt');
    const later = track(parse(putBack), new Date('2026-11-24T12:00:00Z'), 'later.txt');
    const { run, services, library } = setup([vote, later], '2026-11-25T12:00:00Z');
    services.stories = new StoryIndex(library);
    const r = await run('brief', { article: vote.article.id });
    expect(field(r, 'Key date')).toMatch(/^\*\*February 2027\*\* \(upcoming\) — .* · moved from 1 December 2026 by a later article/);
  });
});

describe('/brief with linked coverage', () => {
  it('shows every article of the story, oldest first, marking this one', async () => {
    const update = track(makeArticle('CSTO approves border plan', ['The plan was approved.'], { published: { date: '2024-11-28', inferred: false, reason: 'front matter', confidence: 1 } }), new Date('2026-11-27T11:00:00Z'));
    const first = track(seed);
    const { run, services } = setup([first, update]);
    services.stories = { storyOf: (id) => (id === seed.id || id === update.article.id ? { articles: [first, update], first } : undefined) };
    const r = await run('brief', { article: seed.id });
    expect(field(r, 'The story in 2 articles')).toBe(`**${HEADLINE}** — 26 November (year not stated; 2024 at the latest) (this article)\n**CSTO approves border plan** — 28 November 2024`);
    services.stories = { storyOf: () => ({ articles: [first], first }) };
    expect(fieldNames(await run('brief', { article: seed.id }))).toEqual(['Key date', 'Who is involved', 'Reported by']);
  });
});

describe('/who', () => {
  it('lists people with roles, organisations with members, places, and who said what', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('who');
    expect(fieldNames(r)).toEqual(['People', 'Organisations', 'Places', 'Who said what']);
    expect(field(r, 'People')).toBe('**Imangali Tasmagambetov** — Secretary-General, CSTO');
    expect(field(r, 'Organisations')).toBe(`**Collective Security Treaty Organization (CSTO)** — members: ${MEMBERS}\n**RIA Novosti**\n**Taliban**`);
    expect(field(r, 'Places')).toContain('Tajikistan, Afghanistan');
    expect(field(r, 'Places')).toContain('Tashkent');
    expect(field(r, 'Who said what')?.split('\n')).toEqual([
      '**Collective Security Treaty Organization** announced: the plan to strengthen the border between Tajikistan and Afghanistan will be approved in the next two days',
      '**Azerbaijani media** reported: the CSTO is set to approve this plan on November 28',
      'Based on statements from **Imangali Tasmagambetov**: the CSTO is set to approve this plan on November 28',
      '**Imangali Tasmagambetov** mentioned: the draft plan to reinforce the border between Tajikistan and Afghanistan had been reviewed and agreed upon by the CSTO member states',
      '**Imangali Tasmagambetov** emphasized: this plan plays a crucial role in ensuring the security of Central Asia as a whole, adding that the decision to develop this plan was made 13 years ago',
      'According to a report by **RIA Novosti**: the plan includes several stages, such as clarifying capabilities, practical implementation, full deployment along the border, and the possibility of adjusting weapon ranges for several years',
    ]);
  });

  it('finds a person by surname and an organisation by acronym or full name', async () => {
    const { run } = setup([track(seed)]);
    const person = await run('who', { name: 'Tasmagambetov' });
    expect(embed(person).title).toBe('Imangali Tasmagambetov');
    expect(embed(person).description).toBe('Secretary-General, CSTO');
    expect(field(person, 'Said or reported')?.split('\n')).toHaveLength(3);
    expect(field(person, 'In the article')?.split('\n')[0]).toBe('> The report was based on statements from Imangali Tasmagambetov, the Secretary-General of the CSTO.');
    for (const name of ['csto', 'Collective Security Treaty Organization', 'imangali tasmagambetov']) {
      const r = await run('who', { name });
      expect(embed(r).title).toBe(name.startsWith('imangali') ? 'Imangali Tasmagambetov' : 'Collective Security Treaty Organization (CSTO)');
    }
    const org = await run('who', { name: 'CSTO' });
    expect(fieldNames(org)).toEqual(['Also called', 'Members', 'People', 'Said or reported', 'In the article']);
    expect(field(org, 'Also called')).toBe('Collective Security Treaty');
    expect(field(org, 'Members')).toBe(MEMBERS);
    expect(field(org, 'People')).toBe('**Imangali Tasmagambetov** — Secretary-General, CSTO');
  });

  it('answers an unknown name ephemerally with the names it knows', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('who', { name: 'Putin' });
    expect(r).toEqual({ content: 'No one called “Putin” in this article. Try one of: Imangali Tasmagambetov, CSTO, RIA Novosti and Taliban.', ephemeral: true });
  });
});

describe('/facts', () => {
  it('gives the key facts and every list', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('facts');
    expect(fieldNames(r)).toEqual(['Key facts', 'Stages of the plan', 'Members of the Collective Security Treaty', 'Concerns']);
    expect(field(r, 'Key facts')?.split('\n').slice(0, 2)).toEqual([`**Key date:** 28 November (year not stated; 2024 at the latest) (past) — ${APPROVAL}`, '**Published:** 26 November (year not stated; 2024 at the latest)']);
    expect(field(r, 'Stages of the plan')).toBe('• clarifying capabilities\n• practical implementation\n• full deployment along the border\n• the possibility of adjusting weapon ranges');
    expect(field(r, 'Concerns')).toBe('• the impact on local communities and trade\n• the humanitarian consequences for Afghan refugees seeking refuge in Tajikistan');
  });

  it('narrows to a topic, and hints with the topics when none matches', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('facts', { topic: 'members' });
    expect(embed(r).fields).toEqual([{ name: 'Members of the Collective Security Treaty', value: '• Russia\n• Belarus\n• Armenia\n• Kazakhstan\n• Kyrgyzstan\n• Tajikistan' }]);
    const miss = await run('facts', { topic: 'weather' });
    expect(miss.ephemeral).toBe(true);
    expect(miss.content).toBe('Nothing about “weather” in this article. Topics: “stages of the plan”, “members of the Collective Security Treaty” and “concerns”.');
  });
});

describe('/source', () => {
  it('shows who reported it on what basis, the file, when Herald added it and how the date was inferred', async () => {
    const { run } = setup([track(seed, new Date('2026-11-27T10:00:00Z'), '/srv/herald/data/articles/csto-border-plan.txt')]);
    const r = await run('source');
    expect(fieldNames(r)).toEqual([
      'Collective Security Treaty Organization announced',
      'Azerbaijani media reported',
      'Based on statements from Imangali Tasmagambetov',
      'Imangali Tasmagambetov mentioned',
      'Imangali Tasmagambetov emphasized',
      'According to a report by RIA Novosti',
      'Origin',
      'Added to Herald',
      'Publication date',
    ]);
    expect(field(r, 'Azerbaijani media reported')).toBe(`> ${APPROVAL_SENTENCE}`);
    expect(field(r, 'Origin')).toBe('File csto-border-plan.txt');
    expect(asDiscord(field(r, 'Added to Herald'))).toBe('<t:1795773600:f> (<t:1795773600:R>)');
    expect(field(r, 'Publication date')).toBe(
      '**26 November (year not stated; 2024 at the latest)**, inferred from the text (confidence 50%, year not certain)\n' +
        'The text says it was reported on "Tuesday, November 26", which has no year; 26 November fell on a Tuesday in 2024, 2019, 2013, 2002… ("May 1992" is already past (past tense)); nothing in the text decides between them, so 2024, the most recent up to 2026-11-27, is a guess and the year is not certain\n' +
        `> ${APPROVAL_SENTENCE}`,
    );
  });

  it('shows the URL when the article came from one', async () => {
    const article = makeArticle('From the web', ['Text.'], { meta: { url: 'https://news.example/a_b?c=1' } });
    const { run } = setup([track(article)]);
    expect(field(await run('source'), 'Origin')).toBe('<https://news.example/a_b?c=1>');
  });
});

describe('every article command', () => {
  const articleCommands = ['brief', 'when', 'timeline', 'who', 'facts', 'source'];

  it('answers an unknown article ephemerally and points to /articles', async () => {
    const { run } = setup([track(seed)]);
    for (const command of articleCommands) {
      expect(await run(command, { article: 'no such headline' })).toEqual({ content: 'No such article — see /articles.', ephemeral: true });
    }
  });

  it('says so when no article is tracked at all', async () => {
    const { run } = setup([]);
    for (const command of articleCommands) {
      const r = await run(command);
      expect(r.ephemeral).toBe(true);
      expect(r.content).toMatch(/^Herald is not tracking any article yet\./);
    }
  });

  it('defaults to the most recently ingested article and accepts an id or words of a headline', async () => {
    const older = track(makeArticle('Older story about rivers', ['Rivers rose.']), new Date('2026-11-01T00:00:00Z'));
    const { run } = setup([older, track(seed)]);
    expect(embed(await run('brief')).title).toBe(HEADLINE);
    expect(embed(await run('brief', { article: 'rivers' })).title).toBe('Older story about rivers');
    expect(embed(await run('brief', { article: older.article.id })).title).toBe('Older story about rivers');
  });

  it('never lets article text ping or break markdown', async () => {
    const hostile = makeArticle('Alert @everyone <@123456789012345678>', [
      'Hello @here and <@&987654321098765432> in <#123456789012345679>, *not bold* and ||spoiler||.',
      'Hidden @\u200beveryone and r\u202eevil.',
    ], {
      people: [{ name: '@everyone', role: '<@123456789012345678>', sentences: [0] }],
      attributions: [{ source: '@here', verb: 'said', claim: '<@&987654321098765432>', sentence: 0 }],
      lists: [{ label: 'pings @everyone', items: ['<@123456789012345678>', '@here'], sentence: 0 }],
      events: [{ id: 'e1', date: '2030-01-01', endDate: '2030-01-01', precision: 'day', qualifier: 'on', expression: 'x', description: '@everyone party <@123456789012345678>', sentence: 0, sentences: [0], status: 'upcoming', isPublication: false, salience: 1 }],
    });
    const { run } = setup([track(hostile)]);
    for (const [command, options] of [['brief', {}], ['when', {}], ['timeline', {}], ['who', {}], ['who', { name: 'everyone' }], ['facts', {}], ['source', {}], ['articles', {}]] as const) {
      const text = JSON.stringify(asDiscord(await run(command, options)));
      expect(text, command).not.toMatch(/@(everyone|here)/);
      expect(text, command).not.toMatch(/<@[!&]?\d/);
      expect(text, command).not.toMatch(/<#\d/);
      expect(text, command).not.toContain('\u202e');
    }
    expect(embed(await run('brief')).title).toBe('Alert @\u200beveryone <@\u200b123456789012345678>');
  });

  it('shows a date written the way an undated article wrote it as article text: escaped, mentions inert', async () => {
    const written = '@everyone **now** <@123456789012345678> _soon_';
    const hostile = makeArticle('Undated notice', ['It happens soon.'], {
      events: [{ id: 'e1', date: '2026-12-01', endDate: '2026-12-01', precision: 'day', qualifier: 'on', expression: written, description: 'the meeting', sentence: 0, sentences: [0], status: 'upcoming', isPublication: false, salience: 1, yearCertain: false, dateBasis: 'relative' }],
    });
    const { run, complete } = setup([track(hostile)]);
    // An autocomplete choice is bare text, which Discord shows as it is: the words as written, no part delimiters.
    expect(await complete('when', 'event', 'soon')).toEqual([{ name: `“${written}” (as written; the year is not known) — the meeting`, value: 'e1' }]);
    const shown = '“@\u200beveryone \\*\\*now\\*\\* <@\u200b123456789012345678> \\_soon\\_” (as written; the year is not known)';
    expect(fieldNames(await run('when'))[0]).toBe(`${shown} · past or ahead not known`);
    expect(fieldNames(await run('timeline'))[0]).toBe(`${shown} · past or ahead not known`);
    const asJson = (text: string) => JSON.stringify(text).slice(1, -1);
    expect(JSON.stringify(asDiscord(await run('brief')))).toContain(asJson(`**${shown}** (past or ahead not known)`));
    expect(JSON.stringify(asDiscord(await run('facts')))).toContain(asJson(`**Key date:** ${shown} (past or ahead not known)`));
  });
});

describe('/articles', () => {
  const many = Array.from({ length: 23 }, (_, i) =>
    track(makeArticle(`Story number ${String(i + 1).padStart(2, '0')}`, ['Body.'], { published: { date: '2024-11-26', inferred: false, reason: 'front matter', confidence: 1 } }), new Date(Date.UTC(2026, 10, 1 + i))),
  );

  it('pages ten at a time, newest first, with Previous/Next buttons', async () => {
    const { run } = setup(many);
    const r = await run('articles');
    expect(fieldNames(r)).toEqual(Array.from({ length: 10 }, (_, i) => `Story number ${String(23 - i).padStart(2, '0')}`));
    expect(r.buttons).toEqual([
      { customId: 'articles:page:0', label: '◀ Previous', disabled: true },
      { customId: 'articles:page:2', label: 'Next ▶', disabled: false },
    ]);
    expect(embed(r).footer).toBe('Page 1 of 3 · 23 articles · /articles page:N');
    expect(asDiscord(field(r, 'Story number 23'))).toBe('published 26 November 2024 · added <t:1795392000:R> · 0 dated events\nid: story-number-23-0000abcd');
  });

  it('turns pages with the buttons and with the page option', async () => {
    const { router, run } = setup(many);
    const last = await router.button('articles:page:3', { userId: '1', guildId: '1', channelId: '1', canManageGuild: false });
    expect(fieldNames(last)).toEqual(['Story number 03', 'Story number 02', 'Story number 01']);
    expect(last.buttons?.map((b) => [b.customId, b.disabled])).toEqual([['articles:page:2', false], ['articles:page:4', true]]);
    expect(fieldNames(await run('articles', { page: 2 }))[0]).toBe('Story number 13');
    expect(fieldNames(await run('articles', { page: 99 }))[0]).toBe('Story number 03');
  });

  it('has no buttons when one page is enough', async () => {
    const { run } = setup(many.slice(0, 10));
    const r = await run('articles');
    expect(r.buttons).toBeUndefined();
    expect(embed(r).footer).toBe('10 articles');
  });
});

describe('autocomplete', () => {
  it('suggests headlines for every article option, sending back the id', async () => {
    const other = track(makeArticle('Floods in the valley', ['Water.']), new Date('2026-11-01T00:00:00Z'));
    const { complete } = setup([other, track(seed)]);
    for (const command of ['brief', 'when', 'timeline', 'who', 'facts', 'source']) {
      expect(await complete(command, 'article', 'tajik')).toEqual([{ name: HEADLINE, value: seed.id.slice(0, 100) }]);
      expect((await complete(command, 'article', '')).map((c) => c.name)).toEqual([HEADLINE, 'Floods in the valley']);
    }
  });

  it('suggests the events of the chosen article, most important first, which Discord sees cut at a word within 100 characters', async () => {
    const { complete } = setup([track(parsedSeed(new Date('2024-11-27T09:00:00Z')))]);
    const whole = await complete('when', 'event', '');
    expect(whole[0].name).toBe('28 November 2024 — CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan');
    expect(renderChoices(whole)).toEqual([
      { name: '28 November 2024 — CSTO to approve the plan to strengthen the border between Tajikistan and…', value: 'e2' },
      { name: 'by 28 November 2024 — plan to strengthen the border between Tajikistan and Afghanistan to be…', value: 'e0' },
      { name: '2011 — decision to develop the plan to strengthen the border between Tajikistan and Afghanistan…', value: 'e3' },
      { name: 'May 1992 — Collective Security Treaty was signed in Tashkent, Uzbekistan', value: 'e4' },
      { name: '26 November 2024 — Azerbaijani media reported that the CSTO is set to approve this plan on…', value: 'e1' },
    ]);
    expect(await complete('when', 'event', 'treaty')).toEqual([{ name: 'May 1992 — Collective Security Treaty was signed in Tashkent, Uzbekistan', value: 'e4' }]);
  });

  it('suggests list topics, names and commands', async () => {
    const { complete } = setup([track(seed)]);
    expect(await complete('facts', 'topic', 'sta')).toEqual([{ name: 'Stages of the plan', value: 'stages of the plan' }]);
    expect(await complete('who', 'name', 'tas')).toEqual([{ name: 'Imangali Tasmagambetov — Secretary-General', value: 'Imangali Tasmagambetov' }]);
    expect(await complete('who', 'name', 'cst')).toEqual([{ name: 'Collective Security Treaty Organization (CSTO)', value: 'CSTO' }]);
    expect(await complete('help', 'command', 'wh')).toEqual([{ name: '/when', value: 'when' }, { name: '/who', value: 'who' }]);
  });
});

describe('/status', () => {
  it('reports uptime, articles, the next post, problems and the last error', async () => {
    const { run, status } = setup([track(seed)], '2026-11-27T12:05:00Z');
    status.contribute(() => ({
      nextPost: { at: new Date('2026-11-28T09:00:00Z'), description: 'Reminder: approval @everyone', channelId: '123456789012345678' },
      missedReminders: 1,
      failingFeeds: [{ url: 'https://feeds.example/rss', lastError: 'HTTP 503', failures: 3 }],
    }));
    status.recordError({ message: 'boom', id: 'abcd1234' }, new Date('2026-11-27T11:00:00Z'));
    const r = await run('status');
    expect(asDiscord(embed(r).fields)).toEqual([
      { name: 'Up for', value: '3 h 5 min (since <t:1795770000:f>)', inline: true },
      { name: 'Articles tracked', value: '1', inline: true },
      { name: 'Next scheduled post', value: '<t:1795856400:f> (<t:1795856400:R>) in <#123456789012345678>: Reminder: approval @\u200beveryone' },
      { name: 'Missed reminders', value: '1', inline: true },
      { name: 'Broken subscriptions', value: 'None', inline: true },
      { name: 'Failing feeds', value: 'https://feeds.example/rss: 3 failures, last: HTTP 503', list: true },
      { name: 'Last error', value: '<t:1795777200:f> (<t:1795777200:R>) [id abcd1234]: boom' },
    ]);
  });

  it("counts members' own reminders (Remind me) where Herald keeps them", async () => {
    const { run, status } = setup([track(seed)], '2026-11-27T12:05:00Z');
    const members = { pending: 2, missed: 0, failed: 1 };
    status.contribute(() => ({ memberReminders: members }));
    const field = async () => embed(await run('status')).fields?.find((f) => f.name === 'Member reminders (Remind me)');
    expect(await field()).toEqual({ name: 'Member reminders (Remind me)', value: '2 pending · 1 failed', inline: true });
    Object.assign(members, { pending: 0, failed: 0 });
    expect((await field())?.value).toBe('None');
  });
});

describe('/help', () => {
  it('lists every command of the router with what it does, marking admin commands', async () => {
    const { run, services } = setup([track(seed)]);
    const r = await run('help');
    const lines = embed(r).description?.split('\n') ?? [];
    expect(lines.map((l) => /^\*\*\/(\S+)\*\*/.exec(l)?.[1])).toEqual(commands.map((c) => c.definition.name).sort());
    expect(lines).toContain('**/when** — The dated events of an article, most important first, past or upcoming');
    const purge = { definition: { name: 'purge', description: 'Deletes things' }, adminOnly: true } as never;
    const router = new CommandRouter({ commands: [help, purge], services, clock: new ManualClock('2026-11-27T12:00:00Z'), log: pino({ level: 'silent' }) });
    expect(embed(await router.run({ command: 'help', options: {}, caller })).description).toBe('**/help** — The commands and what they do\n**/purge** — Deletes things (admin: Manage Server)');
  });

  it('details one command and its options', async () => {
    const { run } = setup([track(seed)]);
    const r = await run('help', { command: '/when' });
    expect(embed(r).title).toBe('/when [article:…] [event:…]');
    expect(fieldNames(r)).toEqual(['article (optional)', 'event (optional)']);
    expect((await run('help', { command: 'nope' })).ephemeral).toBe(true);
  });
});
