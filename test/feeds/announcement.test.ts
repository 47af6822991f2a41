import { describe, expect, it } from 'vitest';
import { announcementNonce, renderAnnouncement, summarise } from '../../src/feeds/announcement';
import { dayTimestamp } from '../../src/format/dates';
import { makeArticle } from './article-builder';
import { asDiscord } from '../support/discord-markup';

const article = makeArticle({
  headline: 'Alliance to approve border plan',
  paragraphs: ['The alliance will approve the plan on Thursday.', 'Ministers agreed on the draft last month.', 'A third sentence that is not needed in the summary because the first two are enough.'],
  events: [
    { date: '2024-11-28', description: 'Alliance approves the border plan', salience: 0.9 },
    { date: '2024-11-01', description: 'Draft agreed', salience: 0.4 },
    { date: '2025-03-01', description: 'Deployment begins', salience: 0.6 },
  ],
  published: '2024-11-26',
  url: 'https://news.example/alliance',
  source: 'News Example',
});

describe('renderAnnouncement', () => {
  it('shows headline, summary, upcoming key dates as Discord timestamps and the source link', () => {
    const reply = renderAnnouncement({ article, origin: 'https://news.example/alliance', now: new Date('2024-11-27T10:00:00Z') });
    expect(asDiscord(reply)).toEqual({
      embeds: [
        {
          title: 'Alliance to approve border plan',
          url: 'https://news.example/alliance',
          description: 'The alliance will approve the plan on Thursday. Ministers agreed on the draft last month.',
          fields: [
            {
              name: 'Key dates',
              value: '<t:1732795200:D> (<t:1732795200:R>): Alliance approves the border plan\n<t:1740830400:D> (<t:1740830400:R>): Deployment begins',
            },
            { name: 'Source', value: '[News Example](https://news.example/alliance)', inline: true },
          ],
          footer: 'News Example · published 2024-11-26',
          color: 0x2b6cb0,
          timestamp: '2024-11-26T12:00:00.000Z',
        },
      ],
    });
  });

  it('announces an update to a tracked story and says which date moved', () => {
    const reply = renderAnnouncement({
      article,
      origin: 'https://news.example/alliance',
      now: new Date('2024-11-27T10:00:00Z'),
      updateTo: 'Alliance sets date for border plan',
      moves: [{ description: 'Alliance approves the border plan', from: '2024-11-21', to: '2024-11-28', eventId: 'e1' }],
      matchedTerms: ['alliance'],
    });
    const embed = reply.embeds?.[0];
    expect(asDiscord(embed?.description)?.startsWith('**Update to:** Alliance sets date for border plan\n\n')).toBe(true);
    expect(asDiscord(embed?.fields?.[0])).toEqual({ name: 'Date moved', value: 'Alliance approves the border plan: <t:1732190400:D> → **<t:1732795200:D>**' });
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Date moved', 'Key dates', 'Matched', 'Source']);
    expect(embed?.color).toBe(0xc05621);
  });

  it('shows a date moved to a month as the month, not as its first day', () => {
    const reply = renderAnnouncement({
      article,
      origin: 'https://news.example/alliance',
      now: new Date('2024-11-27T10:00:00Z'),
      moves: [{ description: 'Alliance approves the border plan', from: '2024-11-28', to: '2025-02-01', toEnd: '2025-02-28', toPrecision: 'month', eventId: 'e1' }],
    });
    expect(asDiscord(reply.embeds?.[0]?.fields?.[0])).toEqual({ name: 'Date moved', value: 'Alliance approves the border plan: <t:1732795200:D> → **February 2025**' });
  });

  it('uses the first sentences for the summary and stamps dates at noon UTC', () => {
    expect(summarise(article)).toBe('The alliance will approve the plan on Thursday. Ministers agreed on the draft last month.');
    expect(asDiscord(dayTimestamp('2024-11-28', 'D'))).toBe('<t:1732795200:D>');
  });
});

describe('announcementNonce', () => {
  it('is stable per (watch, article), distinct otherwise, and fits Discord\'s 25 characters', () => {
    const a = announcementNonce(1, 'https://news.example/alliance');
    expect(a).toBe(announcementNonce(1, 'https://news.example/alliance'));
    expect(a).not.toBe(announcementNonce(2, 'https://news.example/alliance'));
    expect(a).not.toBe(announcementNonce(1, 'https://news.example/other'));
    expect(a).toMatch(/^n[0-9a-f]{24}$/);
  });
});
