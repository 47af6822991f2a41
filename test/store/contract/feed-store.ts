// The FeedStore contract: what news monitoring relies on, whichever database holds it. Run against
// SQLite (test/store/feeds-sqlite.test.ts) and PostgreSQL (test/postgres/stores.test.ts).
import { describe, expect, it } from 'vitest';
import type { FeedStore } from '../../../src/feeds/store';
import type { Reply } from '../../../src/core/reply';

export type OpenFeedStore = () => Promise<{ store: FeedStore; close(): Promise<void> }>;

const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i));
const announcement = (watchId: number, key: string) => ({ watchId, articleKey: key, nonce: `n-${key}`, reply: { content: key } });

export function feedStoreContract(open: OpenFeedStore): void {
  const withStore = (fn: (store: FeedStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await fn(store);
    } finally {
      await close();
    }
  };

  describe('FeedStore contract', () => {
    it('returns camelCase objects with exactly the fields of feeds/store.ts: no column name leaves the store', withStore(async (store) => {
      const keys = (o: object | undefined) => Object.keys(o ?? { missing: true }).sort();
      const { row: feed } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '1', origin: 'command', addedBy: 'u', at: at(0) });
      const feedKeys = ['addedAt', 'addedBy', 'baselineDone', 'etag', 'failures', 'filterJson', 'guildId', 'id', 'lastError', 'lastModified', 'lastOkAt', 'lastPolledAt', 'nextAttemptAt', 'origin', 'pollMinutes', 'title', 'url'];
      expect(keys(feed)).toEqual(feedKeys);
      expect(keys(await store.feeds.claimPoll(feed.id, { until: at(5), notPolledSince: null }, at(1)))).toEqual(feedKeys);
      expect(feed).toMatchObject({ guildId: '1', addedBy: 'u', addedAt: at(0).toISOString(), baselineDone: false, pollMinutes: null, filterJson: null });
      const watchKeys = ['actionError', 'brokenReason', 'channelId', 'createdAt', 'createdBy', 'feedId', 'filterJson', 'format', 'forum', 'guildId', 'id', 'openThread', 'pingRoleId', 'publish', 'template', 'topic'];
      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      expect(keys(watch)).toEqual(watchKeys);
      expect(keys(await store.watches.setRoute({ feedId: feed.id, guildId: '1', channelId: '4', createdBy: '3', at: at(0) }))).toEqual(watchKeys);
      expect(watch).toMatchObject({ guildId: '1', channelId: '2', createdBy: '3', feedId: null, openThread: false, publish: false, forum: false });
      await store.items.recordTakenItem({ feedId: feed.id, itemKey: 'k', contentHash: 'h', origin: 'https://a.example/1', guildId: '1', text: 't', at: at(1) }, [
        { ...announcement(watch.id, 'https://a.example/1'), threadName: 'T' },
      ]);
      const announcementKeys = ['actionAttempts', 'actionsJson', 'articleKey', 'attempts', 'channelId', 'createdAt', 'lastError', 'messageId', 'nextAttemptAt', 'nonce', 'postedAt', 'replyJson', 'sendClaimedAt', 'sendVia', 'status', 'threadName', 'watchId'];
      expect(keys(await store.outbox.announcement(watch.id, 'https://a.example/1'))).toEqual(announcementKeys);
      expect(keys(await store.outbox.nextPending(watch.id))).toEqual(announcementKeys);
      const [due] = await store.outbox.due(at(2), 10, at(3));
      expect(keys(due)).toEqual(announcementKeys);
      expect(due).toMatchObject({ watchId: watch.id, articleKey: 'https://a.example/1', channelId: '2', threadName: 'T', replyJson: JSON.stringify({ content: 'https://a.example/1' }) });
      expect(await store.items.seenItem(feed.id, 'k')).toEqual({ contentHash: 'h', origin: 'https://a.example/1' });
      expect(await store.items.articles(10)).toEqual([{ origin: 'https://a.example/1', guildId: '1', text: 't', updatedAt: at(1).toISOString() }]);
      expect(await store.items.articlesUpdatedAfter(at(0).toISOString(), 10)).toEqual([{ origin: 'https://a.example/1', guildId: '1', text: 't', updatedAt: at(1).toISOString() }]);
      expect(await store.items.articleSource('https://a.example/1')).toEqual({ feedId: feed.id, guildId: '1' });
      await store.folderFiles.recordFolderFile('/a.txt', 'fh', at(1));
      expect(await store.folderFiles.folderFile('/a.txt')).toEqual({ contentHash: 'fh' });
      await store.webhooks.setChannelWebhook({ channelId: '2', guildId: '1', name: 'Desk', avatarUrl: null, webhookId: '7', webhookToken: 'secret-token', fallbackReason: null, updatedBy: 'u', at: at(0) });
      expect(await store.webhooks.channelWebhook('2')).toEqual({ channelId: '2', guildId: '1', name: 'Desk', avatarUrl: null, webhookId: '7', webhookToken: 'secret-token', fallbackReason: null, updatedBy: 'u', updatedAt: at(0).toISOString() });
      expect(keys((await store.webhooks.channelWebhooks())[0])).toEqual(keys(await store.webhooks.removeChannelWebhook('2')));
    }));

    it('adds a feed once per scope and lists what a server sees', withStore(async (store) => {
      const first = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
      expect(first.created).toBe(true);
      expect((await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(1) })).created).toBe(false);
      await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '111', origin: 'command', addedBy: 'u', at: at(1) });
      await store.feeds.addFeed({ url: 'https://b.example/feed', guildId: '222', origin: 'command', at: at(2) });
      expect((await store.feeds.feedsVisibleTo('111')).map((f) => [f.url, f.guildId])).toEqual([['https://a.example/feed', ''], ['https://a.example/feed', '111']]);
      expect((await store.feeds.feedsVisibleTo(null)).map((f) => f.guildId)).toEqual(['']);
      expect((await store.feeds.feeds()).length).toBe(3);
      expect(await store.feeds.removeFeed('https://b.example/feed', '222')).toBe(true);
      expect(await store.feeds.removeFeed('https://b.example/feed', '222')).toBe(false);
      const row = await store.feeds.feed(first.row.id);
      expect(row).toMatchObject({ url: 'https://a.example/feed', origin: 'config', baselineDone: false, failures: 0 });
      await store.feeds.recordPollFailure(first.row.id, 'HTTP 503', at(3), at(5));
      expect(await store.feeds.feed(first.row.id)).toMatchObject({ failures: 1, lastError: 'HTTP 503', nextAttemptAt: at(5).toISOString() });
      await store.feeds.recordPollSuccess(first.row.id, { title: 'A', etag: 'e1', lastModified: null, at: at(6) });
      expect(await store.feeds.feedByUrl('https://a.example/feed', null)).toMatchObject({ failures: 0, lastError: null, baselineDone: true, etag: 'e1', title: 'A' });
    }));

    it('lets one poller hold a feed at a time, once per round', withStore(async (store) => {
      const { row } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
      const round = at(10);
      expect(await store.feeds.claimPoll(row.id, { until: at(20), notPolledSince: round }, at(10))).toMatchObject({ id: row.id });
      expect(await store.feeds.claimPoll(row.id, { until: at(20), notPolledSince: round }, at(11))).toBeUndefined();
      await store.feeds.recordNotModified(row.id, at(12));
      await store.feeds.releasePoll(row.id);
      // Polled after this round began: another process did it.
      expect(await store.feeds.claimPoll(row.id, { until: at(20), notPolledSince: round }, at(13))).toBeUndefined();
      expect(await store.feeds.claimPoll(row.id, { until: at(30), notPolledSince: at(13) }, at(13))).toMatchObject({ id: row.id });
      // A lease that ran out is free again.
      expect(await store.feeds.claimPoll(row.id, { until: at(40), notPolledSince: null }, at(31))).toMatchObject({ id: row.id });
    }));

    it('keeps the newest seen items per feed and the newest stored articles when pruning', withStore(async (store) => {
      const { row } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
      for (let i = 0; i < 8; i++) await store.items.recordItem(row.id, `k${i}`, `h${i}`, null, at(i));
      for (let i = 0; i < 5; i++) await store.items.saveArticle(`https://a.example/${i}`, row.id, null, `text ${i}`, at(i));
      expect(await store.items.prune({ itemsPerFeed: 5, articles: 3 })).toBe(5);
      expect(await store.items.seenItem(row.id, 'k2')).toBeUndefined();
      expect(await store.items.seenItem(row.id, 'k3')).toEqual({ contentHash: 'h3', origin: null });
      expect((await store.items.articles(10)).map((a) => a.origin)).toEqual(['https://a.example/4', 'https://a.example/3', 'https://a.example/2']);
      expect((await store.items.articlesUpdatedAfter(at(2).toISOString(), 10)).map((a) => a.origin)).toEqual(['https://a.example/3', 'https://a.example/4']);
      expect(await store.items.prune({ itemsPerFeed: 5, articles: 3 })).toBe(0);
    }));

    it("counts content as seen only from feeds that reach the same server (global or that server's own)", withStore(async (store) => {
      const a = (await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '111', origin: 'command', at: at(0) })).row;
      await store.items.recordItem(a.id, 'k', 'same-story', null, at(0));
      expect(await store.items.hashSeen('same-story', '111')).toBe(true);
      expect(await store.items.hashSeen('same-story', '222')).toBe(false);
      const global = (await store.feeds.addFeed({ url: 'https://g.example/feed', guildId: null, origin: 'config', at: at(0) })).row;
      await store.items.recordItems(global.id, [{ key: 'k', hash: 'wire-copy' }, { key: 'k2', hash: 'other' }], at(0));
      expect(await store.items.hashSeen('wire-copy', '222')).toBe(true);
      expect(await store.items.seenItem(global.id, 'k2')).toEqual({ contentHash: 'other', origin: null });
    }));

    it('records a taken item with its article and announcements together', withStore(async (store) => {
      const { row } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '111', origin: 'command', at: at(0) });
      const watch = await store.watches.upsertWatch({ guildId: '111', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      const item = { feedId: row.id, itemKey: 'k1', contentHash: 'h1', origin: 'https://a.example/1', guildId: '111', text: 'text', at: at(1) };
      expect(await store.items.recordTakenItem(item, [announcement(watch.id, 'https://a.example/1')])).toBe(1);
      expect(await store.items.recordTakenItem(item, [announcement(watch.id, 'https://a.example/1')])).toBe(0);
      expect(await store.items.seenItem(row.id, 'k1')).toEqual({ contentHash: 'h1', origin: 'https://a.example/1' });
      expect(await store.items.articleScope('https://a.example/1')).toBe('111');
      expect(await store.items.articleScope('https://a.example/none')).toBeUndefined();
      expect(await store.outbox.announcementCounts()).toEqual({ pending: 1, posted: 0, failed: 0, summarised: 0 });
    }));

    it('undoes the whole item when its announcements cannot be queued: items, folder files and the outbox share one transaction', withStore(async (store) => {
      const { row } = await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '111', origin: 'command', at: at(0) });
      const watch = await store.watches.upsertWatch({ guildId: '111', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      // A reply that cannot be serialised fails the outbox's insert after the article (and the folder file) were written.
      const unqueueable = { ...announcement(watch.id, 'https://a.example/1'), reply: { content: 1n } as unknown as Reply };
      const item = { feedId: row.id, itemKey: 'k1', contentHash: 'h1', origin: 'https://a.example/1', guildId: '111', text: 'text', at: at(1) };
      await expect(store.items.recordTakenItem(item, [announcement(watch.id, 'first'), unqueueable])).rejects.toThrow();
      expect(await store.items.articleScope('https://a.example/1')).toBeUndefined();
      expect(await store.items.seenItem(row.id, 'k1')).toBeUndefined();
      await expect(store.folderFiles.recordFolderFile('/a.txt', 'h1', at(1), [announcement(watch.id, '/a.txt'), unqueueable])).rejects.toThrow();
      expect(await store.folderFiles.folderFile('/a.txt')).toBeUndefined();
      expect(await store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 0, failed: 0, summarised: 0 });
    }));

    it('knows which servers carry a library origin, and records another server\'s copy of a taken item (issue 14)', withStore(async (store) => {
      const a = (await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '111', origin: 'command', at: at(0) })).row;
      const b = (await store.feeds.addFeed({ url: 'https://a.example/feed', guildId: '222', origin: 'command', at: at(0) })).row;
      const g = (await store.feeds.addFeed({ url: 'https://g.example/feed', guildId: null, origin: 'config', at: at(0) })).row;
      const origin = 'https://a.example/1';
      await store.items.recordTakenItem({ feedId: a.id, itemKey: 'k1', contentHash: 'h1', origin, guildId: '111', text: 'text', at: at(1) }, []);
      expect(await store.items.originHasHash(origin, 'h1')).toBe(true);
      expect(await store.items.originHasHash(origin, 'h2')).toBe(false);
      expect(await store.items.originHasHash('https://a.example/2', 'h1')).toBe(false);
      expect(Object.fromEntries(await store.items.originOwners([origin, 'https://nowhere.example/']))).toEqual({ [origin]: ['111'] });
      // Server 222's feed carries the same item: recorded with its announcements, the stored article marked
      // updated (other processes learn the new owner), its text unchanged.
      const watch = await store.watches.upsertWatch({ guildId: '222', channelId: '9', topic: null, createdBy: '3', at: at(0) });
      expect(await store.items.recordSharedItem({ feedId: b.id, itemKey: 'k1', contentHash: 'h1', origin, at: at(2) }, [announcement(watch.id, origin)])).toBe(1);
      expect(await store.items.recordSharedItem({ feedId: b.id, itemKey: 'k1', contentHash: 'h1', origin, at: at(3) }, [announcement(watch.id, origin)])).toBe(0);
      expect(await store.items.seenItem(b.id, 'k1')).toEqual({ contentHash: 'h1', origin });
      expect((await store.items.originOwners([origin])).get(origin)?.sort()).toEqual(['111', '222']);
      expect((await store.items.articlesUpdatedAfter(at(1).toISOString(), 10)).map((r) => [r.origin, r.text])).toEqual([[origin, 'text']]);
      await store.items.recordItem(g.id, 'gk', 'h1', origin, at(4));
      expect((await store.items.originOwners([origin])).get(origin)?.sort()).toEqual(['', '111', '222']);
      expect((await store.items.originOwners([])).size).toBe(0);
    }));

    it('summarises or defers an announcement over its channel\'s per-minute cap, and reads a channel\'s last minute (issue 10, finding 6)', withStore(async (store) => {
      const w = await store.watches.upsertWatch({ guildId: '111', channelId: '77', topic: null, createdBy: '3', at: at(0) });
      const other = await store.watches.upsertWatch({ guildId: '111', channelId: '78', topic: null, createdBy: '3', at: at(0) });
      await store.outbox.enqueue([announcement(w.id, 'a'), announcement(w.id, 'b'), announcement(w.id, 'c'), announcement(other.id, 'd')], at(0));
      expect((await store.outbox.due(at(1), 10, at(9))).length).toBe(4);
      await store.outbox.markPosted(w.id, 'a', 'm1', at(2));
      await store.outbox.markPosted(other.id, 'd', 'm2', at(2));
      await store.outbox.markSummarised(w.id, 'b');
      await store.outbox.defer(w.id, 'c', at(5));
      expect(await store.outbox.announcement(w.id, 'b')).toMatchObject({ status: 'summarised' });
      expect(await store.outbox.announcementCounts()).toEqual({ pending: 1, posted: 2, failed: 0, summarised: 1 });
      // The deferred one is due again at its time (its reservation ended), not before.
      expect(await store.outbox.due(at(4), 10, at(9))).toEqual([]);
      expect((await store.outbox.due(at(5), 10, at(9))).map((r) => r.articleKey)).toEqual(['c']);
      expect(await store.outbox.channelWindow('77', at(1))).toEqual({ posted: [at(2).getTime()], lastSummary: null });
      expect(await store.outbox.channelWindow('77', at(2))).toEqual({ posted: [], lastSummary: null });
      await store.outbox.enqueue([{ watchId: w.id, articleKey: `summary:channel:77:${at(3).toISOString()}`, nonce: 's', reply: { content: 'more' } }], at(3));
      expect((await store.outbox.channelWindow('77', at(1))).lastSummary).toBe(at(3).getTime());
      expect((await store.outbox.channelWindow('78', at(1))).lastSummary).toBeNull();
    }));

    it('records a folder file change once, and queues its announcements only for the caller that recorded it', withStore(async (store) => {
      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      expect(await store.folderFiles.folderFileCount()).toBe(0);
      expect(await store.folderFiles.recordFolderFile('/a.txt', 'h1', at(1), [announcement(watch.id, '/a.txt')])).toBe(true);
      expect(await store.folderFiles.recordFolderFile('/a.txt', 'h1', at(2), [announcement(watch.id, '/a.txt#again')])).toBe(false);
      expect(await store.folderFiles.folderFile('/a.txt')).toEqual({ contentHash: 'h1' });
      expect(await store.folderFiles.recordFolderFile('/a.txt', 'h2', at(3), [announcement(watch.id, '/a.txt#h2')])).toBe(true);
      expect((await store.outbox.due(at(4), 10, at(5))).map((r) => r.articleKey)).toEqual(['/a.txt', '/a.txt#h2']);
      await store.folderFiles.forgetFolderFile('/a.txt');
      expect(await store.folderFiles.folderFile('/a.txt')).toBeUndefined();
    }));

    it('keeps watches per channel, with topics and broken channels', withStore(async (store) => {
      const w = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      await store.watches.upsertWatch({ guildId: '1', channelId: '4', topic: 'CSTO', createdBy: '3', at: at(0) });
      await store.watches.upsertWatch({ guildId: '9', channelId: '5', topic: null, createdBy: '3', at: at(0) });
      await store.watches.setWatchTopic(w.id, 'Tajikistan');
      await store.watches.markWatchBroken(w.id, 'Missing Access');
      expect((await store.watches.watches('1')).map((x) => [x.channelId, x.topic, x.brokenReason])).toEqual([['2', 'Tajikistan', 'Missing Access'], ['4', 'CSTO', null]]);
      // Watching the channel again repairs it.
      expect(await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(1) })).toMatchObject({ id: w.id, topic: null, brokenReason: null });
      expect(await store.watches.removeWatches('1', '4')).toBe(1);
      expect(await store.watches.removeWatches('1')).toBe(1);
      expect((await store.watches.watches()).map((x) => x.channelId)).toEqual(['5']);
    }));

    it('queues an announcement for a (watch, article) pair once, ever, and reserves what a drain takes', withStore(async (store) => {
      const now = at(0);
      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: now });
      expect(await store.outbox.enqueue([announcement(watch.id, 'https://a.example/1'), announcement(watch.id, 'https://a.example/2')], now)).toBe(2);
      expect(await store.outbox.enqueue([announcement(watch.id, 'https://a.example/1')], now)).toBe(0);
      const taken = await store.outbox.due(now, 1, at(2));
      expect(taken.map((r) => [r.channelId, r.articleKey, r.nonce, JSON.parse(r.replyJson)])).toEqual([['2', 'https://a.example/1', 'n-https://a.example/1', { content: 'https://a.example/1' }]]);
      // Reserved: a second drain does not get it, but gets the next one.
      expect((await store.outbox.due(now, 10, at(2))).map((r) => r.articleKey)).toEqual(['https://a.example/2']);
      expect(await store.outbox.due(now, 10, at(2))).toEqual([]);
      await store.outbox.markPosted(watch.id, 'https://a.example/1', 'm1', at(1));
      expect(await store.outbox.announcement(watch.id, 'https://a.example/1')).toMatchObject({ status: 'posted', messageId: 'm1', attempts: 1 });
      await store.outbox.markRetry(watch.id, 'https://a.example/2', 'HTTP 500', at(3));
      expect(await store.outbox.due(at(2), 10, at(9))).toEqual([]);
      expect((await store.outbox.due(at(3), 10, at(9))).map((r) => [r.articleKey, r.attempts, r.lastError])).toEqual([['https://a.example/2', 1, 'HTTP 500']]);
      // A reservation that ran out is due again.
      expect((await store.outbox.due(at(9), 10, at(12))).map((r) => r.articleKey)).toEqual(['https://a.example/2']);
      await store.outbox.markFailed(watch.id, 'https://a.example/2', 'HTTP 400');
      expect(await store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 1, failed: 1, summarised: 0 });
      expect(await store.outbox.enqueue([announcement(watch.id, 'https://a.example/1')], now)).toBe(0);
    }));

    it('leaves announcements of a broken watch in the outbox', withStore(async (store) => {
      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      await store.outbox.enqueue([announcement(watch.id, 'k')], at(0));
      await store.watches.markWatchBroken(watch.id, 'Unknown Channel');
      expect(await store.outbox.due(at(1), 10, at(2))).toEqual([]);
      expect(await store.outbox.announcementCounts()).toEqual({ pending: 1, posted: 0, failed: 0, summarised: 0 });
    }));

    it('keeps a channel watch and feed routes apart, one route per feed, with their settings (issue 15)', withStore(async (store) => {
      const a = (await store.feeds.addFeed({ url: 'https://a.example/r.xml', guildId: '111', origin: 'command', at: at(0) })).row;
      const b = (await store.feeds.addFeed({ url: 'https://b.example/r.xml', guildId: '111', origin: 'command', at: at(0) })).row;
      const watch = await store.watches.upsertWatch({ guildId: '111', channelId: '5', topic: null, createdBy: 'u', at: at(0) });
      const routeA = await store.watches.setRoute({ feedId: a.id, guildId: '111', channelId: '5', createdBy: 'u', at: at(1) });
      await store.watches.setRoute({ feedId: b.id, guildId: '111', channelId: '5', createdBy: 'u', at: at(1) });
      expect((await store.watches.upsertWatch({ guildId: '111', channelId: '5', topic: 'ferry', createdBy: 'u', at: at(2) })).id).toBe(watch.id);
      expect((await store.watches.watches('111')).map((w) => [w.channelId, w.feedId, w.topic])).toEqual([['5', null, 'ferry'], ['5', a.id, null], ['5', b.id, null]]);
      expect((await store.watches.setRoute({ feedId: a.id, guildId: '111', channelId: '6', createdBy: 'u', at: at(3) }))?.id).toBe(routeA?.id);
      expect((await store.watches.routeOf(a.id))?.channelId).toBe('6');
      await store.watches.setWatchSettings(watch.id, { filterJson: '{"include":["x"]}', template: '{title}', format: 'text', pingRoleId: '223456789012345678' });
      await store.watches.setWatchSettings(watch.id, { template: null });
      expect(await store.watches.watch(watch.id)).toMatchObject({ filterJson: '{"include":["x"]}', template: null, format: 'text', pingRoleId: '223456789012345678' });
      await store.feeds.setFeedInterval(a.id, 30);
      await store.feeds.setFeedFilter(a.id, '{"exclude":["y"]}');
      expect(await store.feeds.feed(a.id)).toMatchObject({ pollMinutes: 30, filterJson: '{"exclude":["y"]}' });
      await store.items.saveArticle('https://a.example/1', a.id, '111', 'text', at(4));
      expect(await store.items.articleSource('https://a.example/1')).toEqual({ feedId: a.id, guildId: '111' });
      expect(await store.outbox.nextPending(watch.id)).toBeUndefined();
      await store.outbox.enqueue([announcement(watch.id, 'k1'), announcement(watch.id, 'k2')], at(5));
      expect((await store.outbox.nextPending(watch.id))?.articleKey).toBe('k1');
      await store.watches.setRoute({ feedId: b.id, guildId: '111', channelId: null, createdBy: 'u', at: at(6) });
      expect(await store.watches.routeOf(b.id)).toBeUndefined();
      await store.feeds.removeFeed(a.url, '111');
      expect((await store.watches.watches('111')).map((w) => w.feedId)).toEqual([null]);
    }));
  
    it('keeps a watch\'s thread and publish settings and each posted announcement\'s actions left to do (issue 15)', withStore(async (store) => {
      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      expect(await store.watches.watch(watch.id)).toMatchObject({ openThread: false, publish: false, actionError: null });
      await store.watches.setWatchSettings(watch.id, { openThread: true, publish: true });
      await store.watches.setWatchActionError(watch.id, 'could not publish: Missing Permissions (50013)');
      expect(await store.watches.watch(watch.id)).toMatchObject({ openThread: true, publish: true, actionError: 'could not publish: Missing Permissions (50013)' });
      // Changing either setting clears the reported error; other settings leave it.
      await store.watches.setWatchSettings(watch.id, { template: '{title}' });
      expect((await store.watches.watch(watch.id))?.actionError).not.toBeNull();
      await store.watches.setWatchSettings(watch.id, { publish: false });
      expect(await store.watches.watch(watch.id)).toMatchObject({ openThread: true, publish: false, actionError: null });

      const actions = [{ kind: 'publish' as const }, { kind: 'thread' as const, name: 'Headline' }];
      await store.outbox.enqueue([{ ...announcement(watch.id, 'a'), actions }, announcement(watch.id, 'b')], at(1));
      expect(await store.outbox.pendingActions(10)).toEqual([]); // not posted yet
      await store.outbox.markPosted(watch.id, 'a', 'm1', at(2));
      await store.outbox.markPosted(watch.id, 'b', 'm2', at(2));
      const [pending, ...rest] = await store.outbox.pendingActions(10);
      expect(rest).toEqual([]);
      expect(pending).toMatchObject({ articleKey: 'a', messageId: 'm1', channelId: '2', actionAttempts: 0 });
      expect(JSON.parse(pending.actionsJson ?? 'null')).toEqual(actions);
      await store.outbox.setAnnouncementActions(watch.id, 'a', [actions[1]], true);
      expect(await store.outbox.pendingActions(10)).toMatchObject([{ articleKey: 'a', actionAttempts: 1, actionsJson: JSON.stringify([actions[1]]) }]);
      await store.outbox.setAnnouncementActions(watch.id, 'a', null, true);
      expect(await store.outbox.pendingActions(10)).toEqual([]);
      expect(await store.outbox.announcement(watch.id, 'a')).toMatchObject({ actionAttempts: 2, actionsJson: null });
    }));
  
    it('keeps one webhook setting per channel, its fallback, and the claim of a send without a nonce (issue 15)', withStore(async (store) => {
      const base = { guildId: '1', name: 'Desk', avatarUrl: 'https://cdn.example/a.png', updatedBy: 'u', at: at(0) };
      await store.webhooks.setChannelWebhook({ ...base, channelId: '2', webhookId: '77', webhookToken: 'secret-token-1', fallbackReason: null });
      await store.webhooks.setChannelWebhook({ ...base, channelId: '3', guildId: '4', webhookId: null, webhookToken: null, fallbackReason: 'Herald is missing Manage Webhooks in this channel' });
      expect(await store.webhooks.channelWebhook('2')).toMatchObject({ guildId: '1', name: 'Desk', avatarUrl: 'https://cdn.example/a.png', webhookId: '77', webhookToken: 'secret-token-1', fallbackReason: null });
      expect((await store.webhooks.channelWebhooks()).map((w) => w.channelId)).toEqual(['2', '3']);
      expect((await store.webhooks.channelWebhooks('4')).map((w) => w.channelId)).toEqual(['3']);
      await store.webhooks.setChannelWebhook({ ...base, channelId: '2', name: 'Quay', webhookId: '77', webhookToken: 'secret-token-1', fallbackReason: null });
      expect(await store.webhooks.channelWebhook('2')).toMatchObject({ name: 'Quay', webhookId: '77' });
      await store.webhooks.setWebhookFallback('2', 'deleted', true);
      expect(await store.webhooks.channelWebhook('2')).toMatchObject({ webhookId: null, webhookToken: null, fallbackReason: 'deleted', name: 'Quay' });
      expect((await store.webhooks.removeChannelWebhook('2'))?.name).toBe('Quay');
      expect(await store.webhooks.channelWebhook('2')).toBeUndefined();
      expect(await store.webhooks.removeChannelWebhook('2')).toBeUndefined();

      const watch = await store.watches.upsertWatch({ guildId: '1', channelId: '5', topic: null, createdBy: 'u', at: at(0), forum: true });
      expect(watch.forum).toBe(true);
      expect((await store.watches.upsertWatch({ guildId: '1', channelId: '5', topic: 'x', createdBy: 'u', at: at(0) })).forum).toBe(true);
      await store.outbox.enqueue([{ ...announcement(watch.id, 'k'), threadName: 'Headline' }], at(1));
      await store.outbox.claimSend(watch.id, 'k', '77', at(2));
      await store.outbox.claimSend(watch.id, 'k', 'bot', at(3));
      expect(await store.outbox.announcement(watch.id, 'k')).toMatchObject({ threadName: 'Headline', sendClaimedAt: at(2).toISOString(), sendVia: 'bot' });
      await store.outbox.markRetry(watch.id, 'k', 'timeout', at(4));
      expect((await store.outbox.announcement(watch.id, 'k'))?.sendClaimedAt).toBe(at(2).toISOString());
      await store.outbox.markPosted(watch.id, 'k', 'm1', at(5));
      expect(await store.outbox.announcement(watch.id, 'k')).toMatchObject({ status: 'posted', sendClaimedAt: null, sendVia: null });
    }));
  });
}
