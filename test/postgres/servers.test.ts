// Per-server libraries with two Herald processes on one PostgreSQL database (issue 14): what one process
// takes from a server's feed (routed, backfilled, imported, or followed by a second server) the other
// learns with the servers that carry it, so each answers every server with that server's view only.
import pino from 'pino';
import { afterAll, beforeAll, it } from 'vitest';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/stores';
import { startFeedServer, type FeedServer } from '../feeds/feed-server';
import { feedScopeScenario, lateFollowerScenario, process } from '../servers/feed-scenario';
import { freshDatabase } from './db';

const log = pino({ level: 'silent' });
let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(() => feeds.close());

it('two processes on one database show each server the feed items it carries, and no other server\'s', async () => {
  const url = await freshDatabase('servers');
  const open = () => openPostgresStores(url, { log, max: 4, onLost: (error) => { throw error; } });
  const stores: PostgresStores[] = [await open(), await open()];
  const [p1, p2] = stores.map((s) => process(s.feeds, true));
  try {
    await feedScopeScenario(feeds, p1, p2, stores[0].feeds);
  } finally {
    for (const p of [p1, p2]) await p.news.stop();
    for (const s of stores) await s.close();
  }
});

it('two processes on one database: a server following a feed later sees the items another process took in, without a flood', async () => {
  const url = await freshDatabase('late');
  const open = () => openPostgresStores(url, { log, max: 4, onLost: (error) => { throw error; } });
  const stores: PostgresStores[] = [await open(), await open()];
  const [p1, p2] = stores.map((s) => process(s.feeds, true));
  try {
    await lateFollowerScenario(feeds, p1, p2, stores[0].feeds);
  } finally {
    for (const p of [p1, p2]) await p.news.stop();
    for (const s of stores) await s.close();
  }
});
