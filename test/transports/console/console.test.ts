import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { completeLine, runConsole, CONSOLE_BANNER } from '../../../src/transports/console/console';
import { ConsolePoster } from '../../../src/transports/console/poster';
import { parsedSeed, setup, track } from '../../answers/helpers';
import { dayTimestamp } from '../../../src/format/dates';
import { safe } from '../../../src/format/parts';
import { parseArticle } from '../../../src/articles/parse';

async function session(lines: string[]) {
  const { router, clock } = setup([track(parsedSeed())], '2026-11-27T12:00:00Z');
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const done = runConsole({ router, input, output, isTTY: false, clock });
  input.end(lines.join('\n'));
  await done;
  return text;
}

describe('runConsole (not a terminal)', () => {
  it('says it is the local console mode, answers each line in order, and returns at end of input', async () => {
    const text = await session(['/when', '', '/who name:Tasmagambetov', 'hello', '/facts topic:members']);
    expect(text.startsWith(`${CONSOLE_BANNER}\n`)).toBe(true);
    expect(text).toContain('\n> /when\nWhen: CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security\n');
    // Ingested in 2026 the seed's year is a guess: shown as such, with no timestamp, past whatever the year.
    expect(text).toContain(
      '\n28 November (year not stated; 2024 at the latest) · past\n  CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan\n' +
        '  > Azerbaijani media reported on Tuesday, November 26, that the CSTO is set to approve this plan on November 28.\n',
    );
    expect(text).toContain('\n“13 years ago” (as written; 2011 at the latest) · past\n  Decision to develop the plan to strengthen the border between Tajikistan and Afghanistan was made\n  > He emphasized');
    expect(text).toContain('\n> /who name:Tasmagambetov\nImangali Tasmagambetov\n');
    expect(text).toContain('\n> hello\nCommands start with "/", e.g. /help.\n');
    expect(text).toContain('\n> /facts topic:members\nFacts: CSTO');
    expect(text.indexOf('> /when')).toBeLessThan(text.indexOf('> /who'));
    expect(text.indexOf('> /who')).toBeLessThan(text.indexOf('> /facts'));
  });

  it('answers a user mistake with the hint and keeps going', async () => {
    const text = await session(['/brief article:nothing like it', '/status']);
    expect(text).toContain('\n> /brief article:nothing like it\nNo such article — see /articles.\n');
    expect(text).toContain('\n> /status\nHerald status\n');
  });
});

describe('completion on piped input (a line ending in a tab)', () => {
  it("lists the article option's suggestions, as Discord's autocomplete would", async () => {
    const text = await session(['/brief article:tajik\t', '/who n\t', '/brief article:zzzz\t']);
    expect(text).toContain('\n> /brief article:tajik\nSuggestions:\n  CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security\n');
    expect(text).toContain('\n> /who n\nSuggestions:\n  name:\n');
    expect(text).toContain('\n> /brief article:zzzz\nNo suggestions.\n');
  });
});

describe('article text on the terminal', () => {
  it('writes no control sequence from an article: suggestions (event words) and answers alike', async () => {
    const text = ['---', 'published: 2026-11-27', 'source: Wire', '---', 'Council to approve the harbour plan', '',
      'The council \u001b]8;;http://evil.example\u001b\\approves\u001b]8;;\u001b\\ the harbour plan \u001b[2Jon 3 December 2026, the mayor said.', ''].join('\n');
    const parsed = parseArticle(text, { now: new Date('2026-11-27T12:00:00Z'), origin: '/srv/articles/harbour.txt' });
    if (!parsed.ok) throw new Error(parsed.error);
    const { router, clock } = setup([track(parsed.article)], '2026-11-27T12:00:00Z');
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
    const done = runConsole({ router, input, output, isTTY: false, clock });
    input.end([`/when article:${parsed.article.id} event:\t`, `/when article:${parsed.article.id}`].join('\n'));
    await done;
    expect(shown).toContain('Suggestions:\n  3 December 2026 — ');
    expect(shown).toContain('evil.example');
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('tab completion', () => {
  const { router } = setup([]);
  it('completes command names, then option names', () => {
    expect(completeLine(router, '/wh')).toEqual([['/when', '/who'], '/wh']);
    expect(completeLine(router, '/who n')).toEqual([['name:'], 'n']);
    expect(completeLine(router, '/facts article:x t')).toEqual([['topic:'], 't']);
    expect(completeLine(router, 'hello')).toEqual([[], 'hello']);
  });
});

describe('ConsolePoster', () => {
  it('prints scheduled posts as [#channel] …', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString()));
    const poster = new ConsolePoster(output, new ManualClock('2024-11-28T09:00:00Z'), (id) => (id === '1' ? 'news' : undefined));
    expect(await poster.post('1', { embeds: [{ title: 'Today: approval', description: dayTimestamp('2024-11-28', 'D') }] })).toEqual({ ok: true, messageId: 'console-post-1', channelId: '1' });
    await poster.post('2', { content: `Plain ${safe('@everyone')}` });
    expect(text).toBe('[#news] Today: approval\n  ───────────────\n  28 November 2024\n[#2] Plain @everyone\n');
  });
});

describe('runConsole (on a terminal)', () => {
  it('prompts, answers what is typed, and ends on /exit', async () => {
    const { router, clock } = setup([track(parsedSeed())], '2026-11-27T12:00:00Z');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const done = runConsole({ router, input, output, isTTY: true, clock });
    input.write('/facts topic:stages\r');
    input.write('/exit\r');
    await done;
    expect(text).toContain('Ctrl+D or /exit to quit.');
    expect(text).toContain('herald> ');
    expect(text).toContain('Stages of the plan\n  • clarifying capabilities\n');
  });
});
