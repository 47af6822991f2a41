// Per-server libraries through routes, backfill, OPML import and a feed two servers follow, on SQLite
// (one process). The same scenario runs with two processes on PostgreSQL in test/postgres/servers.test.ts.
import { afterAll, beforeAll, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { SqliteFeedStore } from '../../src/store/feeds';
import { startFeedServer, type FeedServer } from '../feeds/feed-server';
import { feedScopeScenario, lateFollowerScenario, process } from './feed-scenario';

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(() => feeds.close());

it('a server\'s routed, backfilled, imported and shared feed items are seen by the servers that carry them only', async () => {
  const db = openDatabase(':memory:');
  const store = new SqliteFeedStore(db);
  const p = process(store, false);
  try {
    await feedScopeScenario(feeds, p, p, store);
  } finally {
    await p.news.stop();
    db.close();
  }
});

it('a server following a feed another server already follows sees the items Herald took in, without a flood', async () => {
  const db = openDatabase(':memory:');
  const store = new SqliteFeedStore(db);
  const p = process(store, false);
  try {
    await lateFollowerScenario(feeds, p, p, store);
  } finally {
    await p.news.stop();
    db.close();
  }
});
