// /watch list and /feed list: the whole list in the reply (the console shows it all); Discord's renderer cuts it.
import { describe, expect, it } from 'vitest';
import { feedListReply, watchListReply } from '../../src/feeds/answers';
import { renderMessage } from '../../src/transports/discord/render';
import { renderReplyText } from '../../src/transports/console/render-text';

describe('/watch list', () => {
  it('lists every watched channel; Discord sees it cut at a line within 4096 characters', () => {
    const watches = Array.from({ length: 60 }, (_, i) => ({ channelId: `1000000000000000${String(i).padStart(2, '0')}`, broken: `Missing Access (50001) ${'in a channel Herald cannot see '.repeat(3)}` }));
    const reply = watchListReply(watches);
    const text = renderReplyText(reply, new Date('2026-11-27T12:00:00Z'));
    expect(text).toContain('#100000000000000059');
    const description = renderMessage(reply).embeds![0].description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.endsWith('\n…')).toBe(true);
  });
});

describe('/feed list', () => {
  it('shows 25 feeds and says where the rest are: a server may follow up to 100', () => {
    const feeds = Array.from({ length: 30 }, (_, i) => ({ url: `https://news.example/${i}.xml`, scope: 'server' as const, failures: 0 }));
    const text = JSON.stringify(feedListReply(feeds, new Date('2026-11-29T12:00:00Z')));
    expect(text).toContain('/24.xml');
    expect(text).not.toContain('/25.xml');
    expect(text).toContain('…and 5 more: /feed export lists them all.');
  });
});

