import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { FeedStore } from '../../src/store/feeds';

describe('FeedStore', () => {
  it('keeps the newest seen items per feed and the newest stored articles when pruning', () => {
    const store = new FeedStore(openDatabase(':memory:'));
    const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i));
    const { row } = store.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
    for (let i = 0; i < 8; i++) store.recordItem(row.id, `k${i}`, `h${i}`, null, at(i));
    for (let i = 0; i < 5; i++) store.saveArticle(`https://a.example/${i}`, row.id, null, `text ${i}`, at(i));
    expect(store.prune({ itemsPerFeed: 5, articles: 3 })).toBe(5);
    expect(store.seenItem(row.id, 'k2')).toBeUndefined();
    expect(store.seenItem(row.id, 'k3')).toEqual({ content_hash: 'h3', origin: null });
    expect(store.articles(10).map((a) => a.origin)).toEqual(['https://a.example/4', 'https://a.example/3', 'https://a.example/2']);
    expect(store.prune({ itemsPerFeed: 5, articles: 3 })).toBe(0);
  });

  it('queues an announcement for a (watch, article) pair once, ever', () => {
    const store = new FeedStore(openDatabase(':memory:'));
    const now = new Date('2024-11-27T10:00:00Z');
    const watch = store.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: now });
    expect(store.enqueue(watch.id, 'https://a.example/1', 'n1', { content: 'x' }, now)).toBe(true);
    expect(store.enqueue(watch.id, 'https://a.example/1', 'n1', { content: 'x' }, now)).toBe(false);
    expect(store.due(now, 10).map((r) => [r.channel_id, r.article_key, r.nonce])).toEqual([['2', 'https://a.example/1', 'n1']]);
    store.markPosted(watch.id, 'https://a.example/1', 'm1', now);
    expect(store.due(now, 10)).toEqual([]);
    expect(store.enqueue(watch.id, 'https://a.example/1', 'n1', { content: 'x' }, now)).toBe(false);
  });
  it("counts content as seen only from feeds that reach the same server (global or that server's own)", () => {
    const store = new FeedStore(openDatabase(':memory:'));
    const at = new Date('2024-11-27T10:00:00Z');
    const a = store.addFeed({ url: 'https://a.example/feed', guildId: '111', origin: 'command', at }).row;
    store.recordItem(a.id, 'k', 'same-story', null, at);
    expect(store.hashSeen('same-story', '111')).toBe(true);
    expect(store.hashSeen('same-story', '222')).toBe(false);
    const global = store.addFeed({ url: 'https://g.example/feed', guildId: null, origin: 'config', at }).row;
    store.recordItem(global.id, 'k', 'wire-copy', null, at);
    expect(store.hashSeen('wire-copy', '222')).toBe(true);
  });
});
