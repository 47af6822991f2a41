// The FeedStore contract on SQLite, plus what only the single-process store does: a restart frees
// every reservation and poll lease the previous run held.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { SqliteFeedStore } from '../../src/store/feeds';
import { feedStoreContract } from './contract/feed-store';

feedStoreContract(async () => {
  const db = openDatabase(':memory:');
  return { store: new SqliteFeedStore(db), close: async () => void db.close() };
});

describe('SqliteFeedStore', () => {
  it('frees reservations and poll leases at start-up (one process: they were the previous run\'s)', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteFeedStore(db);
    const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i));
    const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
    await store.outbox.enqueue([{ watchId: watch.id, articleKey: 'k', nonce: 'n', reply: { content: 'x' } }], at(0));
    const { row } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
    expect(await store.outbox.due(at(1), 10, at(30))).toHaveLength(1);
    expect(await store.feeds.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(1))).toBeDefined();
    expect(await store.outbox.releaseStaleReservations(at(2))).toBe(1);
    await store.feeds.releaseStalePolls();
    expect((await store.outbox.due(at(2), 10, at(30))).map((r) => r.nonce)).toEqual(['n']);
    expect(await store.feeds.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(2))).toBeDefined();
    db.close();
  });

  it('prepares each statement once: a second round of the same calls prepares nothing', async () => {
    const db = openDatabase(':memory:');
    const prepare = db.prepare.bind(db);
    let prepared = 0;
    db.prepare = ((sql: string) => (prepared++, prepare(sql))) as typeof db.prepare;
    const store = new SqliteFeedStore(db);
    const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i));
    const round = async (i: number) => {
      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(i) });
      await store.outbox.enqueue([{ watchId: watch.id, articleKey: `k${i}`, nonce: `n${i}`, reply: { content: 'x' } }], at(i));
      const { row } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(i) });
      await store.outbox.due(at(i + 1), 10, at(i + 30));
      await store.feeds.claimPoll(row.id, { until: at(i + 30), notPolledSince: null }, at(i + 1));
      await store.outbox.releaseStaleReservations(at(i + 2));
      await store.feeds.releaseStalePolls();
      await store.feeds.feeds();
    };
    await round(0);
    const afterFirst = prepared;
    expect(afterFirst).toBeGreaterThan(5);
    await round(10);
    expect(prepared).toBe(afterFirst);
    db.close();
  });
});

describe('migration 210: feed routes and delivery settings', () => {
  it('rebuilds watches keeping ids, topics and queued announcements; a channel then holds one watch and any number of routes', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../../src/store/db');
    const { allMigrations } = await import('../../src/store/migrations');
    const { SqliteFeedStore } = await import('../../src/store/feeds');
    const path = join(mkdtempSync(join(tmpdir(), 'herald-m210-')), 'h.db');
    const now = new Date('2024-11-27T10:00:00Z');
    // A database as the previous release left it.
    const old = openDatabase(path, allMigrations.filter((m) => m.version < 210));
    const insert = old.prepare('INSERT INTO watches (guild_id, channel_id, topic, created_by, created_at) VALUES (?, ?, ?, ?, ?)');
    const watchId = Number(insert.run('1', '2', 'harbour', '3', now.toISOString()).lastInsertRowid);
    insert.run('1', '4', null, '3', now.toISOString());
    old.prepare("INSERT INTO announcements (watch_id, article_key, nonce, reply_json, created_at, next_attempt_at) VALUES (?, 'https://a.example/1', 'n1', '{}', ?, ?)").run(watchId, now.toISOString(), now.toISOString());
    old.close();

    const db = openDatabase(path);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const store = new SqliteFeedStore(db);
    expect((await store.watches.watches('1')).map((w) => [w.id, w.channelId, w.topic, w.feedId, w.format])).toEqual([
      [watchId, '2', 'harbour', null, 'embed'],
      [watchId + 1, '4', null, null, 'embed'],
    ]);
    expect((await store.outbox.due(now, 10, new Date(now.getTime() + 60_000))).map((r) => [r.watchId, r.channelId, r.articleKey])).toEqual([[watchId, '2', 'https://a.example/1']]);
    const feedA = (await store.feeds.addFeed({ url: 'https://a.example/a.xml', guildId: '1', origin: 'command', at: now })).row;
    const feedB = (await store.feeds.addFeed({ url: 'https://a.example/b.xml', guildId: '1', origin: 'command', at: now })).row;
    await store.watches.setRoute({ feedId: feedA.id, guildId: '1', channelId: '2', createdBy: '3', at: now });
    await store.watches.setRoute({ feedId: feedB.id, guildId: '1', channelId: '2', createdBy: '3', at: now });
    expect((await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: 'ferry', createdBy: '3', at: now })).id).toBe(watchId);
    expect((await store.watches.watches('1')).filter((w) => w.channelId === '2').map((w) => w.feedId)).toEqual([null, feedA.id, feedB.id]);
    // One route per feed: routing again moves it; removing a feed removes its route.
    await store.watches.setRoute({ feedId: feedA.id, guildId: '1', channelId: '4', createdBy: '3', at: now });
    expect((await store.watches.routeOf(feedA.id))?.channelId).toBe('4');
    await store.feeds.removeFeed(feedB.url, '1');
    expect(await store.watches.routeOf(feedB.id)).toBeUndefined();
    // Cascades still work after the rebuild: removing the watch removes its queued announcement.
    await store.watches.removeWatches('1', '2');
    expect(await store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 0, failed: 0, summarised: 0 });
    db.close();
  });
});
