// Per-server libraries through every way a server's feed brings articles in (issue 14): /feed add with a
// route and a backfill, /feed import (OPML), later polls, and another server following the same feed.
// Run on SQLite with one process (test/servers/feeds.test.ts) and on PostgreSQL with two processes on one
// database (test/postgres/servers.test.ts): each process learns from the database which servers carry
// an item, so both answer every server with its own view.
import pino from 'pino';
import { expect } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ArticleScopes, ScopedLibrary } from '../../src/articles/scopes';
import { clockStartingAt } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import { NewsMonitor } from '../../src/feeds/news';
import type { FeedStore } from '../../src/feeds/store';
import { rssFeed, type FeedServer } from '../feeds/feed-server';
import { noDns } from '../feeds/harness';

const A = '100000000000000001';
const B = '200000000000000002';
const PUB = 'Wed, 27 Nov 2024 08:00:00 GMT';
const filler = '<p>Officials gave no further details to reporters on Wednesday. Observers expect a lively debate in the coming days.</p>';
const item = (feeds: FeedServer, key: string, title: string, sentence: string) => ({
  guid: key,
  link: `${feeds.base}/items/${key}`,
  title,
  pubDate: PUB,
  content: `<p>${sentence}</p>${filler.repeat(3)}`,
});

export interface Process {
  news: NewsMonitor;
  library: MemoryLibrary;
  scopes: ArticleScopes;
  /** Headlines `guildId` sees in this process. */
  sees(guildId: string | null): string[];
}

const posted: string[] = [];
const poster: MessagePoster = {
  post: async (channelId) => {
    posted.push(channelId);
    return { ok: true, messageId: String(posted.length), channelId };
  },
};

export function process(store: FeedStore, shared: boolean): Process {
  const library = new MemoryLibrary();
  const scopes = new ArticleScopes(library);
  const news = new NewsMonitor({
    store, shared, library, scopes, poster,
    clock: clockStartingAt('2024-11-27T10:00:00Z'),
    log: pino({ level: 'silent' }),
    feeds: [], pollSchedule: '*/10 * * * *', allowPrivate: true, fetchPages: false,
    fetch: { timeoutMs: 3000, connectTimeoutMs: 2000, resolve: noDns },
  });
  return { news, library, scopes, sees: (guildId) => new ScopedLibrary(library, scopes, guildId).list().map((t) => t.article.headline).sort() };
}

/** `p1` and `p2` may be one process (SQLite) or two on one database (PostgreSQL). */
export async function feedScopeScenario(feeds: FeedServer, p1: Process, p2: Process, store: FeedStore): Promise<void> {
  const sync = async () => {
    for (const p of new Set([p1, p2])) await p.news.feeds.syncFromStore();
  };
  const X1 = item(feeds, 'x1', 'Zorvian parliament to vote on the fishing budget', 'The Zorvian parliament will vote on the fishing budget on November 28, Speaker Odila Marsk said.');
  const X0 = item(feeds, 'x0', 'Velmont council delays the harbour plan', 'The Velmont council will decide on the harbour plan on December 3, its chair said.');
  feeds.set('/x.xml', { body: rssFeed('Desk X', [X1, X0]) });
  feeds.set('/y.xml', { body: rssFeed('Desk Y', [item(feeds, 'y0', 'Old news of Y', 'Nothing happened on Monday.')]) });
  await p1.news.load();
  if (p2 !== p1) await p2.news.load();
  const watchB = await store.watches.upsertWatch({ guildId: B, channelId: '300000000000000003', topic: null, createdBy: '1', at: new Date('2024-11-27T10:00:00Z') });

  // Server A follows X routed to a channel, with a backfill of its newest item: A's alone.
  const added = await p1.news.feeds.add({ url: `${feeds.base}/x.xml`, guildId: A, userId: '1', channelId: '400000000000000004', backfill: 1 });
  expect(added).toMatchObject({ ok: true, backfilled: 1 });
  await sync();
  for (const p of [p1, p2]) {
    expect(p.sees(A)).toEqual([X1.title]);
    expect(p.sees(B)).toEqual([]);
    expect(p.sees(null)).toEqual([]);
  }

  // Server B follows X too, with the same backfill: the item it now carries is B's as well (one parsed
  // copy; B's watch gets its announcement), in both processes.
  expect(await p2.news.feeds.add({ url: `${feeds.base}/x.xml`, guildId: B, userId: '2', backfill: 1 })).toMatchObject({ ok: true, backfilled: 1 });
  expect(await store.outbox.announcement(watchB.id, X1.link)).toBeDefined();
  await sync();
  for (const p of [p1, p2]) {
    expect(p.sees(A)).toEqual([X1.title]);
    expect(p.sees(B)).toEqual([X1.title]);
    expect(p.sees(null)).toEqual([]);
  }

  // Server B imports Y from an OPML file: only new items count, and they are B's alone.
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>B</title></head><body><outline type="rss" text="Y" xmlUrl="${feeds.base}/y.xml"/></body></opml>`;
  expect(await p2.news.opml.importFeeds({ guildId: B, userId: '2', data: new TextEncoder().encode(opml) })).toMatchObject({ ok: true, added: [{ url: `${feeds.base}/y.xml` }] });
  const Y1 = item(feeds, 'y1', 'Aberdeen ferry workers to strike', 'Workers of the Harbour Ferry Company in Aberdeen will strike on November 29, the union said.');
  feeds.set('/y.xml', { body: rssFeed('Desk Y', [Y1]) });
  await p1.news.feeds.pollAll();
  if (p2 !== p1) await p2.news.feeds.pollAll();
  await sync();
  for (const p of [p1, p2]) {
    expect(p.sees(A)).toEqual([X1.title]);
    expect(p.sees(B)).toEqual([Y1.title, X1.title].sort());
  }
}

const C = '500000000000000005';

/**
 * A server that follows a feed another server already follows (issue 14): it sees the feed's current
 * items Herald already took in, as the first follower does, with no flood of announcements (a backfill
 * of N announces N); items nobody took in (the first follower's baseline) stay unseen by both.
 */
export async function lateFollowerScenario(feeds: FeedServer, p1: Process, p2: Process, store: FeedStore): Promise<void> {
  const sync = async () => {
    for (const p of new Set([p1, p2])) await p.news.feeds.syncFromStore();
  };
  const Z0 = item(feeds, 'z0', 'Old news of Z', 'The Dravic committee met on Monday.');
  feeds.set('/z.xml', { body: rssFeed('Desk Z', [Z0]) });
  await p1.news.load();
  if (p2 !== p1) await p2.news.load();
  const at = new Date('2024-11-27T10:00:00Z');
  const watchA = await store.watches.upsertWatch({ guildId: A, channelId: '600000000000000006', topic: null, createdBy: '1', at });
  const watchB = await store.watches.upsertWatch({ guildId: B, channelId: '300000000000000003', topic: null, createdBy: '2', at });
  const watchC = await store.watches.upsertWatch({ guildId: C, channelId: '700000000000000007', topic: null, createdBy: '3', at });

  // A follows Z first: its baseline (Z0) is recorded, not taken in; the items after it are A's.
  expect(await p1.news.feeds.add({ url: `${feeds.base}/z.xml`, guildId: A, userId: '1' })).toMatchObject({ ok: true, backfilled: 0 });
  const Z = [
    item(feeds, 'z1', 'Dravic port opens a new ferry terminal', 'The Dravic port will open its new ferry terminal on December 2, the harbour master said.'),
    item(feeds, 'z2', 'Kelmora mayor sets the budget hearing', 'The Kelmora mayor will hold the budget hearing on December 4, her office said.'),
    item(feeds, 'z3', 'Ostrava rail strike called off', 'The Ostrava rail union will meet the operator on December 6, it said.'),
  ];
  feeds.set('/z.xml', { body: rssFeed('Desk Z', [...Z, Z0]) });
  await p1.news.feeds.pollAll();
  await sync();
  const titles = Z.map((z) => z.title).sort();
  for (const p of [p1, p2]) {
    expect(p.sees(A)).toEqual(titles);
    expect(p.sees(B)).toEqual([]);
  }
  for (const z of Z) expect(await store.outbox.announcement(watchA.id, z.link)).toBeDefined();

  // B follows Z later with a backfill of 1: it sees the three items A's copy took in, and its watch gets
  // one announcement (the newest), not three.
  expect(await p2.news.feeds.add({ url: `${feeds.base}/z.xml`, guildId: B, userId: '2', backfill: 1 })).toMatchObject({ ok: true, backfilled: 1 });
  // C follows Z with no backfill: it sees them too, and nothing is announced to it.
  expect(await p2.news.feeds.add({ url: `${feeds.base}/z.xml`, guildId: C, userId: '3' })).toMatchObject({ ok: true, backfilled: 0 });
  await sync();
  for (const p of [p1, p2]) {
    expect(p.sees(A)).toEqual(titles);
    expect(p.sees(B)).toEqual(titles);
    expect(p.sees(C)).toEqual(titles);
    expect(p.sees(null)).toEqual([]);
  }
  const announcedTo = async (watchId: number) => (await Promise.all([...Z, Z0].map((z) => store.outbox.announcement(watchId, z.link)))).filter(Boolean).length;
  expect(await announcedTo(watchB.id)).toBe(1);
  expect(await announcedTo(watchC.id)).toBe(0);

  // Later items reach all three, as for any follower; Z0 stays unseen (nobody took it in).
  const Z4 = item(feeds, 'z4', 'Velmont library reopens', 'The Velmont library will reopen on December 9, the council said.');
  feeds.set('/z.xml', { body: rssFeed('Desk Z', [Z4, ...Z, Z0]) });
  await p1.news.feeds.pollAll();
  if (p2 !== p1) await p2.news.feeds.pollAll();
  await sync();
  for (const p of [p1, p2]) for (const g of [A, B, C]) expect(p.sees(g)).toEqual([...titles, Z4.title].sort());
  for (const watch of [watchA, watchB, watchC]) expect(await store.outbox.announcement(watch.id, Z4.link)).toBeDefined();
}
