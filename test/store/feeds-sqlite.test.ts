// The FeedStore contract on SQLite, plus what only the single-process store does: a restart frees
// every reservation and poll lease the previous run held.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { SqliteFeedStore } from '../../src/store/feeds-sqlite';
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
    const watch = await store.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
    await store.enqueue([{ watchId: watch.id, articleKey: 'k', nonce: 'n', reply: { content: 'x' } }], at(0));
    const { row } = await store.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
    expect(await store.due(at(1), 10, at(30))).toHaveLength(1);
    expect(await store.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(1))).toBeDefined();
    expect(await store.releaseStaleReservations(at(2))).toBe(1);
    expect((await store.due(at(2), 10, at(30))).map((r) => r.nonce)).toEqual(['n']);
    expect(await store.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(2))).toBeDefined();
    db.close();
  });
});
