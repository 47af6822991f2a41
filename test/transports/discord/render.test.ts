import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { embedTotal, LIMITS, renderMessage } from '../../../src/transports/discord/render';
import { clip } from '../../../src/format/text';
import { dayTimestamp, timestampPart } from '../../../src/format/dates';

// The renderer cuts with format/text's clip (the cut answers made themselves before Discord's limits moved here).
describe('clip as the renderer cuts', () => {
  it('leaves text that fits untouched', () => {
    expect(clip('Short text.', 20)).toBe('Short text.');
  });

  it('cuts at the last sentence end that fits and marks the cut', () => {
    const text = 'The plan was approved. Leaders met in Astana. The stages run to 2029.';
    expect(clip(text, 50)).toBe('The plan was approved. Leaders met in Astana. …');
  });

  it('cuts at a word boundary when no sentence end keeps half the room', () => {
    const text = 'One. ' + 'word '.repeat(40);
    expect(clip(text, 30)).toBe('One. word word word word…');
  });

  it('hard-cuts a single enormous word without splitting a surrogate pair', () => {
    expect(clip('x'.repeat(100), 10)).toBe(`${'x'.repeat(8)}…`);
    const emoji = '😀'.repeat(10); // each is two UTF-16 units
    const cut = clip(emoji, 6);
    expect(cut).toBe('😀😀…');
  });

  it('closes a code block it cut open', () => {
    const text = 'Intro. ```' + 'code line\n'.repeat(50) + '```';
    const cut = clip(text, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('\n```')).toBe(true);
    expect(cut.split('```').length - 1).toBe(2);
  });

  it('never exceeds the limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const out = clip(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else expect(out).toMatch(/…(\n```)?$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('renderMessage', () => {
  it('renders a plain reply with allowed_mentions parsing nothing', () => {
    expect(renderMessage({ content: 'hello @everyone' })).toEqual({ content: 'hello @everyone', allowed_mentions: { parse: [] } });
  });

  it('allows only the configured role to be pinged', () => {
    expect(renderMessage({ content: '<@&123456789012345678> it is today', pingRoleId: '123456789012345678' }).allowed_mentions).toEqual({
      parse: [],
      roles: ['123456789012345678'],
    });
  });

  it('marks ephemeral replies with flag 64', () => {
    expect(renderMessage({ content: 'only you', ephemeral: true }).flags).toBe(64);
    expect(renderMessage({ content: 'everyone' }).flags).toBeUndefined();
  });

  it('maps embeds to Discord JSON', () => {
    const out = renderMessage({
      embeds: [{ title: 'T', url: 'https://example.com/a', description: 'D', fields: [{ name: 'N', value: 'V', inline: true }], footer: 'F', timestamp: '2024-11-28T09:00:00.000Z', color: 0x3366ff }],
    });
    expect(out.embeds).toEqual([
      { title: 'T', url: 'https://example.com/a', description: 'D', fields: [{ name: 'N', value: 'V', inline: true }], footer: { text: 'F' }, timestamp: '2024-11-28T09:00:00.000Z', color: 0x3366ff },
    ]);
  });

  it('drops a non-http embed url (Discord rejects it)', () => {
    expect(renderMessage({ embeds: [{ title: 'T', url: 'file:///etc/passwd' }] }).embeds).toEqual([{ title: 'T' }]);
  });

  it('keeps every part within its limit', () => {
    const long = 'A sentence that goes on. '.repeat(400);
    const out = renderMessage({
      content: long,
      embeds: [{ title: long, description: long, footer: long, fields: Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${long}`, value: long })) }],
    });
    const e = out.embeds![0];
    expect(out.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(e.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(e.footer!.text.length).toBeLessThanOrEqual(LIMITS.footer);
    // Title, footer and description used up the 6000 budget: fields that no longer fit are dropped whole,
    // and a note says how many.
    expect(e.fields).toEqual([{ name: '\u200b', value: '…and 30 more' }]);
    expect(embedTotal(out.embeds!)).toBeLessThanOrEqual(LIMITS.total);
    expect(out.content!.endsWith(' …')).toBe(true);
  });

  it('keeps 25 fields at most, each within its limits', () => {
    const long = 'A sentence that goes on. '.repeat(100);
    const out = renderMessage({ embeds: [{ title: 'Facts', fields: Array.from({ length: 30 }, (_, i) => ({ name: i < 2 ? `${i} ${long}` : `Field ${i}`, value: i < 3 ? long : 'short' })) }] });
    const e = out.embeds![0];
    expect(e.fields!.length).toBe(LIMITS.fields);
    for (const f of e.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(e.fields![0].value).toBe(`${'A sentence that goes on. '.repeat(40).trimEnd()} …`); // 1001 chars: the last whole sentence that fits
    expect(embedTotal(out.embeds!)).toBeLessThanOrEqual(LIMITS.total);
  });

  it('keeps the 6000 total across ten embeds and at most ten embeds', () => {
    const para = 'Words and more words here. '.repeat(200);
    const out = renderMessage({ embeds: Array.from({ length: 12 }, (_, i) => ({ title: `Embed ${i}`, description: para, footer: 'Reported by the BBC' })) });
    expect(out.embeds!.length).toBeLessThanOrEqual(10);
    expect(embedTotal(out.embeds!)).toBeLessThanOrEqual(LIMITS.total);
    // Titles and attribution survive even when descriptions do not.
    expect(out.embeds!.every((e) => e.footer?.text === 'Reported by the BBC')).toBe(true);
  });

  it('fills empty field names and values (Discord rejects empty ones)', () => {
    expect(renderMessage({ embeds: [{ fields: [{ name: '', value: '' }] }] }).embeds![0].fields).toEqual([{ name: '\u200b', value: '\u200b' }]);
  });

  it('renders up to five buttons in one action row', () => {
    const out = renderMessage({ content: 'page 1', buttons: Array.from({ length: 7 }, (_, i) => ({ customId: `articles:${i}`, label: `P${i}`, disabled: i === 0 })) });
    expect(out.components).toHaveLength(1);
    expect(out.components![0].components.map((c) => c.custom_id)).toEqual(['articles:0', 'articles:1', 'articles:2', 'articles:3', 'articles:4']);
    expect(out.components![0].components[0]).toEqual({ type: 2, style: 2, custom_id: 'articles:0', label: 'P0', disabled: true });
  });

  it('renders more rows below the first, at most five rows of five', () => {
    const row = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ customId: `remind:${tag}${i}`, label: `${tag}${i}` }));
    const out = renderMessage({ content: 'x', buttonRows: [row(6, 'a'), row(2, 'b'), row(1, 'c'), row(1, 'd'), row(1, 'e'), row(1, 'f')] });
    expect(out.components!.map((r) => r.components.map((c) => c.label))).toEqual([['a0', 'a1', 'a2', 'a3', 'a4'], ['b0', 'b1'], ['c0'], ['d0'], ['e0']]);
    const paged = renderMessage({ content: 'x', buttons: row(1, 'p'), buttonRows: [row(1, 'a'), []] });
    expect(paged.components!.map((r) => r.components.map((c) => c.label))).toEqual([['p0'], ['a0']]);
  });

  it('strips bidi override characters from article text', () => {
    expect(renderMessage({ content: 'safe\u202Etxt.exe' }).content).toBe('safetxt.exe');
  });

  it("strips bidi overrides and control characters from button labels (a Remind me label is the event's words)", () => {
    const labels = renderMessage({ content: 'x', buttonRows: [[{ customId: 'remind:me:a:1', label: 'Remind me: 3 December · safe\u202Etxt.exe\u001b[2J' }]] }).components?.flatMap((r) => r.components.map((b) => b.label));
    expect(labels).toEqual(['Remind me: 3 December · safetxt.exe[2J']);
  });

  it('never renders an empty message', () => {
    expect(renderMessage({}).content).toBe('(nothing to show)');
  });
});

describe('renderMessage attachments', () => {
  it('carries files with a safe name and an inert, bounded description', () => {
    const data = new Uint8Array([137, 80, 78, 71]);
    const payload = renderMessage({ attachments: [{ name: '../time line.png', contentType: 'image/png', data, description: `a\u202eb ${'x'.repeat(2000)}` }] });
    expect(payload.files).toHaveLength(1);
    expect(payload.files![0].name).toBe('.._time_line.png');
    expect(payload.files![0].data).toBe(data);
    expect(payload.files![0].description!.startsWith('ab x')).toBe(true);
    expect(payload.files![0].description!.length).toBeLessThanOrEqual(LIMITS.attachmentDescription);
    expect(payload.content).toBeUndefined();
    expect(payload.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('timestamp parts', () => {
  it('become exactly Discord timestamps (<t:UNIX:STYLE>) in every text a message carries', () => {
    const day = dayTimestamp('2024-11-28', 'D');
    const payload = renderMessage({
      content: `On ${day}`,
      embeds: [{ title: day, description: `${day} (${dayTimestamp('2024-11-28', 'R')})`, fields: [{ name: day, value: `due ${timestampPart(new Date('2024-11-28T09:00:00.999Z'), 'f')}` }], footer: day }],
    });
    expect(payload.content).toBe('On <t:1732795200:D>');
    const [embed] = payload.embeds!;
    expect([embed.title, embed.description, embed.fields![0].name, embed.fields![0].value, embed.footer!.text]).toEqual([
      '<t:1732795200:D>',
      '<t:1732795200:D> (<t:1732795200:R>)',
      '<t:1732795200:D>',
      'due <t:1732784400:f>',
      '<t:1732795200:D>',
    ]);
  });

  it('are counted at their Discord length when text is cut to a limit', () => {
    const line = `${dayTimestamp('2024-11-28', 'D')} ${'x'.repeat(10)}`;
    const content = renderMessage({ content: Array.from({ length: 200 }, () => line).join('\n') }).content!;
    expect(content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(content).not.toMatch(/[\uE000\uE001]/);
    expect(content.startsWith('<t:1732795200:D> xxxxxxxxxx\n')).toBe(true);
  });
});
