// Inline parts (src/format/parts.ts, core/reply.ts): each as Discord shows it and as the console shows it;
// article text cannot forge one; and Discord gets exactly the text it got when answers wrote markdown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply';
import { bold, channelMention, code, italic, link, quote, roleMention, safe, userMention } from '../../src/format/parts';
import { clip, escapeMarkdown, neutraliseMentions, stripControls } from '../../src/format/text';
import { dayTimestamp } from '../../src/format/dates';
import { renderMessage } from '../../src/transports/discord/render';
import { plainText, renderReplyText } from '../../src/transports/console/render-text';
import { asDiscord } from '../support/discord-markup';

const NOW = new Date('2026-11-27T12:00:00Z');
const consoleText = (text: string) => plainText(text, NOW);

/** What answers wrote for Discord before parts: article text escaped and defused in place. */
const markdownOf = (text: string) => neutraliseMentions(escapeMarkdown(stripControls(text)));

describe('inline parts', () => {
  it('bold, italic and code: Discord markers; the console shows the words alone', () => {
    const text = `${bold('Key date:')} soon — ${italic('a headline')} ${code('{title}')}`;
    expect(asDiscord(text)).toBe('**Key date:** soon — *a headline* `{title}`');
    expect(consoleText(text)).toBe('Key date: soon — a headline {title}');
  });

  it('a link: Discord [text](url), the console "text (url)"; its URL cannot carry @everyone', () => {
    const text = `Before: ${link(safe('BBC'), 'https://example.com/a_b?to=@everyone')}`;
    expect(asDiscord(text)).toBe('Before: [BBC](https://example.com/a_b?to=%40everyone)');
    expect(consoleText(text)).toBe('Before: BBC (https://example.com/a_b?to=%40everyone)');
  });

  it('mentions: Discord <#id>, <@&id>, <@id>; the console #id, @role:id, @user:id; a non-id is only text', () => {
    const text = `${channelMention('123456789012345678')} ${roleMention('223456789012345678')} ${userMention('42')}`;
    expect(asDiscord(text)).toBe('<#123456789012345678> <@&223456789012345678> <@42>');
    expect(consoleText(text)).toBe('#123456789012345678 @role:223456789012345678 @user:42');
    expect(asDiscord(channelMention('news'))).toBe('#news');
    expect(asDiscord(userMention('1>@everyone'))).toBe('@1>@\u200beveryone');
  });

  it('article text is plain text: Discord gets it escaped with mentions defused, the console as written', () => {
    const text = `${bold(safe('Alert *now* @everyone <@123>'))} — ${safe('- a_b')}`;
    expect(asDiscord(text)).toBe('**Alert \\*now\\* @\u200beveryone <@\u200b123>** — \\- a\\_b');
    expect(consoleText(text)).toBe('Alert *now* @everyone <@123> — - a_b');
  });

  it('cuts article text to its limit as each transport shows it (Discord counts its escapes)', () => {
    const text = safe('a_b c_d e_f g_h i_j', { max: 12 });
    expect(asDiscord(text)).toBe(clip('a\\_b c\\_d e\\_f g\\_h i\\_j', 12));
    expect(consoleText(text)).toBe(clip('a_b c_d e_f g_h i_j', 12));
  });

  it('a quote is one line after escaping; an embed title only defuses mentions', () => {
    expect(asDiscord(quote('First line\n- second *line*'))).toBe('> First line \\- second \\*line\\*');
    expect(consoleText(quote('First line\n- second *line*'))).toBe('> First line - second *line*');
    expect(asDiscord(safe('1. *Alert* @here', { title: true }))).toBe('1\\. *Alert* @\u200bhere');
  });

  it('a delimiter in article text is stripped, so it cannot forge a part (a timestamp, a mention, a link)', () => {
    const forged = 'x\uE000123:R\uE001 \uE00B@&999\uE00C \uE008a\uE009https://evil.example\uE00A \uE005b\uE005';
    for (const text of [safe(forged), safe(`${forged} *`), quote(forged), link(safe(forged), forged)]) {
      const shown = asDiscord(text);
      expect(shown).not.toMatch(/<t:|<@&999>|\[a\]\(|\*\*b/);
      expect(shown).not.toMatch(/[\uE000-\uE00F]/);
      expect(consoleText(text)).not.toMatch(/[\uE000-\uE00F]|@role:|ago|evil\.example\)/);
    }
    expect(consoleText(safe(forged))).toBe('x123:R @&999 ahttps://evil.example b');
  });

  it('a reply renders whole: every text of Discord\'s message and of the console\'s output', () => {
    const reply: Reply = {
      content: `${roleMention('223456789012345678')} ${bold('Today:')} ${dayTimestamp('2024-11-28', 'D')}`,
      embeds: [{ title: safe('Plan *approved*', { title: true }), description: `${quote('The plan was approved.')}\n— ${italic(safe('A headline'))}`, fields: [{ name: 'Source', value: link(safe('BBC'), 'https://bbc.example/x'), inline: true }], footer: 'Herald reminder' }],
      pingRoleId: '223456789012345678',
    };
    expect(renderMessage(reply)).toEqual({
      content: '<@&223456789012345678> **Today:** <t:1732795200:D>',
      embeds: [{ title: 'Plan *approved*', description: '> The plan was approved.\n— *A headline*', fields: [{ name: 'Source', value: '[BBC](https://bbc.example/x)', inline: true }], footer: { text: 'Herald reminder' } }],
      allowed_mentions: { parse: [], roles: ['223456789012345678'] },
    });
    expect(renderReplyText(reply, NOW)).toBe(
      '@role:223456789012345678 Today: 28 November 2024\n\nPlan *approved*\n───────────────\n> The plan was approved.\n— A headline\n\nSource\n  BBC (https://bbc.example/x)\n\nHerald reminder',
    );
  });
});

describe('plain text parts on any text', () => {
  const hostile = fc
    .array(fc.constantFrom('@', 'everyone', 'here', '<', '>', '#', '&', '!', '123', '1.', '-', '\u200b', '\u202e', '\n', '  ', ' ', '*', '_', '`', '\\', '|', '[', ']', '~', 'x', 'word ', '\uE000', '\uE004', '\uE005'), { maxLength: 40 })
    .map((parts) => parts.join(''));
  const noDelimiters = (t: string) => t.replace(/[\uE000-\uE00F]/g, '');

  it('Discord gets exactly the escaped text answers used to write, cut and made one line the same way', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 60 }), fc.boolean(), (text, max, exact) => {
        const before = markdownOf(noDelimiters(text));
        expect(asDiscord(safe(text))).toBe(before);
        expect(asDiscord(safe(text, { max, exact }))).toBe(clip(before, max, exact ? 'exact' : 'boundary'));
        expect(asDiscord(quote(text, max))).toBe(`> ${clip(before.replace(/\s*\n\s*/g, ' '), max)}`);
        expect(asDiscord(safe(text, { title: true }))).toBe(before.replace(/\\([\\*_~`|[\]>#-])/g, '$1'));
      }),
      { numRuns: 3000 },
    );
  });

  it('the console shows the text as written, without controls or delimiters', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(consoleText(safe(text))).toBe(stripControls(noDelimiters(text)));
      }),
      { numRuns: 2000 },
    );
  });
});
