import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, escapeMarkdown, neutraliseMentions, stripControls } from '../../src/format/text';
import { safe } from '../../src/format/parts';
import { dayText, dayTimestamp, discordDate, timestampPart, unixNoon } from '../../src/format/dates';
import { asDiscord } from '../support/discord-markup';

describe('clip', () => {
  it('cuts at a sentence or word boundary by default, and exactly at the limit when asked', () => {
    expect(clip('One sentence here. Another one follows on.', 30)).toBe('One sentence here. …');
    expect(clip('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(clip('alpha beta gamma delta', 15, 'exact')).toBe('alpha beta gam…');
    expect(clip('short', 15, 'exact')).toBe('short');
  });
});

describe('Discord timestamps', () => {
  it('show a calendar date at noon UTC and an instant at its second', () => {
    expect(asDiscord(dayTimestamp('2024-11-28', 'D'))).toBe('<t:1732795200:D>');
    expect(asDiscord(discordDate('2024-11-28'))).toBe('<t:1732795200:D> (<t:1732795200:R>)');
    expect(asDiscord(timestampPart(new Date('2024-11-28T09:00:00.999Z'), 'R'))).toBe('<t:1732784400:R>');
    expect(asDiscord(timestampPart(new Date('2024-11-28T09:00:00Z'), 'f'))).toBe('<t:1732784400:f>');
  });
});

describe('safe text for Discord', () => {
  it('makes @everyone, @here, user, role and channel mentions inert with a zero-width space', () => {
    expect(neutraliseMentions('hi @everyone and @here')).toBe('hi @\u200beveryone and @\u200bhere');
    expect(neutraliseMentions('<@123456789012345678> <@!123> <@&987> <#555>')).toBe('<@\u200b123456789012345678> <@!\u200b123> <@&\u200b987> <#\u200b555>');
    expect(neutraliseMentions('mail me at a@example.com')).toBe('mail me at a@example.com');
  });

  it('escapes markdown inline and block markers at line starts only', () => {
    expect(escapeMarkdown('*bold* _it_ ~~s~~ `code` ||spoiler|| [link](x) back\\slash')).toBe(
      '\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[link\\](x) back\\\\slash',
    );
    expect(escapeMarkdown('> quote\n# heading\n- item\n1. first\nTajikistan-Afghanistan 3.5')).toBe(
      '\\> quote\n\\# heading\n\\- item\n1\\. first\nTajikistan-Afghanistan 3.5',
    );
  });

  it('strips zero-width and right-to-left override characters', () => {
    expect(stripControls('a\u200bb\u202ec\u2066d\ufeffe\u0007f\ng\th')).toBe('abcdef\ng\th');
  });

  it('combines all three in what Discord gets of safe() text, stripping before neutralising so a hidden mention cannot survive', () => {
    expect(asDiscord(safe('@\u200beveryone **now** <@\u200b1>'))).toBe('@\u200beveryone \\*\\*now\\*\\* <@\u200b1>');
    expect(asDiscord(safe('@every\u200bone'))).toBe('@\u200beveryone');
  });

  it('clips at a sentence boundary with an ellipsis', () => {
    expect(clip('First sentence here. Second sentence is long.', 30)).toBe('First sentence here. …');
    expect(clip('short', 30)).toBe('short');
    expect(clip('word '.repeat(20), 20).length).toBeLessThanOrEqual(20);
  });
});

describe('dates in any message', () => {
  it('writes a calendar day in words', () => {
    expect(dayText('2024-01-05')).toBe('5 January 2024');
  });

  it('makes Discord timestamps at noon UTC so the day reads the same around the world', () => {
    expect(unixNoon('2024-11-28')).toBe(1732795200);
    expect(asDiscord(discordDate('2024-11-28'))).toBe('<t:1732795200:D> (<t:1732795200:R>)');
  });
});

describe('safe() on any text', () => {
  const hostile = fc.array(fc.constantFrom('@', 'everyone', 'here', 'Everyone', '<', '>', '#', '&', '!', '1234567', '\u200b', '\u202e', '\u2066', '\n', ' ', '*', '_', '`', '\\', '|', 'x'), { maxLength: 40 }).map((parts) => parts.join(''));

  it('never leaves a mention that could resolve, nor an invisible control character, in what Discord gets', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 80 }), (text, max) => {
        for (const out of [asDiscord(safe(text)), asDiscord(safe(text, { max }))]) {
          expect(out).not.toMatch(/@(everyone|here)/i);
          expect(out).not.toMatch(/<(@[!&]?|#)\d/);
          expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
