// Message templates: validation, placeholder values made inert, and no way for article text to turn a
// template into a mention.
import { describe, expect, it } from 'vitest';
import { checkTemplate, fillTemplate, placeholderValues, PLACEHOLDERS } from '../../src/feeds/templates';
import { renderDelivery } from '../../src/feeds/delivery';
import { renderMessage } from '../../src/transports/discord/render';
import { makeArticle } from './article-builder';
import { asDiscord } from '../support/discord-markup';

const now = new Date('2024-11-27T10:00:00Z');
const article = makeArticle({
  headline: 'Border plan agreed',
  paragraphs: ['Ministers agreed the border plan on Tuesday. It takes effect in January.', 'More follows.'],
  published: '2024-11-26',
  url: 'https://news.example/border',
  source: 'News Desk',
  events: [{ date: '2025-01-15', description: 'the plan takes effect' }],
});

describe('checkTemplate', () => {
  it('accepts known placeholders and refuses unknown ones, empty text, mentions and overlong text', () => {
    expect(checkTemplate('{title} — {link}')).toEqual({ ok: true });
    expect(checkTemplate(PLACEHOLDERS.map((p) => `{${p}}`).join(' '))).toEqual({ ok: true });
    expect(checkTemplate('{title} {author}')).toMatchObject({ ok: false, reason: expect.stringContaining('unknown placeholder {author}') });
    expect(checkTemplate('  ')).toMatchObject({ ok: false, reason: 'the template is empty.' });
    expect(checkTemplate('no placeholders at all')).toMatchObject({ ok: false, reason: expect.stringContaining('uses no placeholder') });
    for (const t of ['@everyone {title}', '{title} @here', '<@&123456789012345678> {title}', '<@123> {title}', '<#123> {title}']) {
      expect(checkTemplate(t)).toMatchObject({ ok: false, reason: expect.stringContaining('cannot mention') });
    }
    expect(checkTemplate(`{title}${'x'.repeat(1500)}`)).toMatchObject({ ok: false, reason: 'a template of at most 1500 characters.' });
  });
});

describe('placeholders', () => {
  it('fills every placeholder from the article', () => {
    const values = placeholderValues({ article, url: 'https://news.example/border', now, matchedTerms: ['border'] });
    expect(asDiscord(values)).toEqual({
      title: 'Border plan agreed',
      summary: 'Ministers agreed the border plan on Tuesday. It takes effect in January. More follows.',
      link: 'https://news.example/border',
      source: 'News Desk',
      date: '<t:1732622400:D>',
      keydate: '<t:1736942400:D>: the plan takes effect',
      topic: 'border',
    });
    expect(asDiscord(fillTemplate('**{title}** ({source})\n{keydate}\n{link}', values))).toBe('**Border plan agreed** (News Desk)\n<t:1736942400:D>: the plan takes effect\nhttps://news.example/border');
  });

  it('an empty placeholder leaves no blank line behind', () => {
    const values = placeholderValues({ article: makeArticle({ headline: 'Plain' }), now });
    expect(fillTemplate('{title}\n{keydate}\n{link}\nend', values)).toBe('Plain\nend');
  });

  it('article text cannot become a mention, even combined with the template around it', () => {
    const hostile = makeArticle({ headline: '123456789012345678', paragraphs: ['@everyone look <@&123456789012345678> and <@99999999999999999>'], source: '@here' });
    const values = placeholderValues({ article: hostile, url: 'https://x.example/@everyone', now });
    // A template cannot be saved with "<@&"; but "<{title}" style splicing is defused after filling too.
    for (const template of ['<@&{title}>', '<{title}>', '{summary}', '{source} {link}', '<#{title}>']) {
      const out = fillTemplate(template, values);
      expect(out).not.toMatch(/@(everyone|here)|<@[!&]?\d|<#\d/);
    }
  });
});

describe('renderDelivery', () => {
  const input = { article, origin: 'https://news.example/border', now, matchedTerms: ['border'] };

  it('embed format keeps Herald\'s card and uses the template as its text', () => {
    const reply = renderDelivery(input, { template: '{summary}\nRead: {link}', format: 'embed', pingRoleId: null });
    expect(reply.embeds?.[0]).toMatchObject({ title: 'Border plan agreed', url: 'https://news.example/border', description: expect.stringMatching(/^Ministers agreed.*\nRead: https:\/\/news\.example\/border$/s) });
    expect(reply.content).toBeUndefined();
    expect(renderMessage(reply).allowed_mentions).toEqual({ parse: [] });
  });

  it('text format posts the template as a plain message (Herald\'s own template when none is set)', () => {
    expect(renderDelivery(input, { template: '{title} · {link}', format: 'text', pingRoleId: null })).toEqual({ content: 'Border plan agreed · https://news.example/border' });
    expect(asDiscord(renderDelivery(input, { template: null, format: 'text', pingRoleId: null }).content)).toBe(
      '**Border plan agreed**\nMinisters agreed the border plan on Tuesday. It takes effect in January. More follows.\n<t:1736942400:D>: the plan takes effect\nhttps://news.example/border',
    );
  });

  it('a role ping leads the message and allowed_mentions names exactly that role', () => {
    const role = '223456789012345678';
    for (const format of ['embed', 'text'] as const) {
      const reply = renderDelivery(input, { template: null, format, pingRoleId: role });
      expect(renderMessage(reply).content?.startsWith(`<@&${role}>`)).toBe(true);
      expect(renderMessage(reply).allowed_mentions).toEqual({ parse: [], roles: [role] });
    }
  });
});
