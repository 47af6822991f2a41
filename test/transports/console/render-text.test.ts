import { bold, channelMention, italic, link, roleMention, safe, userMention } from '../../../src/format/parts';
import { describe, expect, it } from 'vitest';
import { timestampPart } from '../../../src/format/dates';
import { plainText, relativeText, renderReplyText } from '../../../src/transports/console/render-text';

const now = new Date('2026-11-27T12:00:00Z');

describe('console rendering', () => {
  it('shows timestamp parts as readable dates, and Discord <t:…> markup as written', () => {
    const part = (style: 'D' | 'R' | 'F' | 'd' | 't' | 'f') => timestampPart(1732795200, style);
    expect(plainText(`${part('D')} (${part('R')})`, now)).toBe('28 November 2024 (2 years ago)');
    expect(plainText(`${part('F')} ${part('d')} ${part('t')} ${part('f')}`, now)).toBe('Thursday, 28 November 2024 12:00 UTC 28/11/2024 12:00 UTC 28 November 2024 12:00 UTC');
    expect(plainText(part('R'), new Date('2024-11-27T09:00:00Z'))).toBe('in 1 day');
    expect(plainText(part('R'), new Date('2024-11-28T11:00:00Z'))).toBe('in 1 hour');
    // The console reads no Discord syntax back: text that carries <t:…> (an article quoting it) shows as written.
    expect(plainText('<t:1732795200:D>', now)).toBe('<t:1732795200:D>');
  });

  it('relative times round like Discord', () => {
    expect(relativeText(new Date('2026-11-27T11:59:30Z'), now)).toBe('30 seconds ago');
    expect(relativeText(new Date('2026-09-27T12:00:00Z'), now)).toBe('2 months ago');
    expect(relativeText(new Date('1992-05-01T12:00:00Z'), now)).toBe('35 years ago');
  });

  it('shows inline parts as plain words: emphasis without markers, links as "text (url)", mentions by id, article text as written', () => {
    expect(plainText(`${bold('Name')} — ${safe('*not bold* a_b > x @everyone')} ${italic('CSTO')} ${link('BBC', 'https://bbc.example')} ${userMention('123')} ${channelMention('456')} ${roleMention('789')}`, now)).toBe(
      'Name — *not bold* a_b > x @everyone CSTO BBC (https://bbc.example) @user:123 #456 @role:789',
    );
  });

  it('parses no Discord markdown: text written in it shows as written', () => {
    expect(plainText('**Name** — \\*x\\* <@123> [a](b)', now)).toBe('**Name** — \\*x\\* <@123> [a](b)');
  });

  it('prints title, description, fields, footer and buttons', () => {
    const text = renderReplyText(
      {
        content: 'Hello',
        embeds: [{ title: 'When: A', description: 'Desc', fields: [{ name: 'F1', value: 'line 1\nline 2' }], footer: 'Foot' }],
        buttons: [{ customId: 'a:1', label: '◀ Previous', disabled: true }, { customId: 'a:2', label: 'Next ▶' }],
      },
      now,
    );
    expect(text).toBe('Hello\n\nWhen: A\n───────\nDesc\n\nF1\n  line 1\n  line 2\n\nFoot\n\n(◀ Previous)  [1] Next ▶\nType a number to press that button.');
  });

  it("writes no terminal control sequence from article text, in any part of a reply (a Remind me label carries the event's words)", () => {
    const hostile = 'council \u001b]8;;http://evil.example\u001b\\clicked\u001b]8;;\u001b\\ \u001b[2J\u001b]0;title\u0007\u009b31m approves';
    const text = renderReplyText(
      {
        content: hostile,
        embeds: [{ title: hostile, description: hostile, fields: [{ name: hostile, value: hostile }], footer: hostile }],
        buttons: [{ customId: 'x:1', label: hostile }],
        buttonRows: [[{ customId: 'remind:me:a:1', label: `Remind me: 3 December 2026 · ${hostile}` }]],
      },
      now,
    );
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('[2] Remind me: 3 December 2026 · council ]8;;http://evil.example\\clicked]8;;\\ [2J]0;title31m approves');
  });
});
