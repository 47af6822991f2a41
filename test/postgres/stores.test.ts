// The stores on a real PostgreSQL server (started by the suite, test/postgres/server.ts): the same
// contracts the SQLite stores pass, the migrations kept in step with SQLite's, and what several
// processes on one database rely on: reservations never overlap, a process that is gone has its
// claims taken over at once (same nonce), a folder change is recorded by one process, one leader.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisoryLeadership } from '../../src/store/postgres/leadership';
import { postgresMigrations } from '../../src/store/migrations';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/stores';
import { PgArticleCache } from '../../src/store/postgres/article-cache';
import { articleCacheContract } from '../store/contract/article-cache';
import { feedStoreContract } from '../store/contract/feed-store';
import { moveHoldsContract } from '../store/contract/move-holds';
import { memberReminder, memberReminderStoreContract } from '../store/contract/member-reminder-store';
import { replayStoreContract } from '../store/contract/replay-store';
import { actions, planned, reminderStoreContract } from '../store/contract/reminder-store';
import { freshDatabase } from './db';

const log = pino({ level: 'silent' });
/** A "process": its own pool and presence on the database. A lost presence fails the test instead of exiting. */
const open = (url: string) =>
  openPostgresStores(url, { log, max: 4, onLost: (error) => { throw error; } });

feedStoreContract(async () => {
  const stores = await open(await freshDatabase('feeds'));
  return { store: stores.feeds, close: () => stores.close() };
});

moveHoldsContract(async () => {
  const stores = await open(await freshDatabase('holds'));
  return { holds: stores.holds, close: () => stores.close() };
});

memberReminderStoreContract(async () => {
  const stores = await open(await freshDatabase('members'));
  return { store: stores.members, close: () => stores.close() };
});

// Two processes (replicas) on one database.
replayStoreContract(async () => {
  const url = await freshDatabase('replays');
  const [a, b] = [await open(url), await open(url)];
  return { a: a.replays, b: b.replays, close: async () => void (await Promise.all([a.close(), b.close()])) };
});

reminderStoreContract(async () => {
  const stores = await open(await freshDatabase('reminders'));
  return { store: stores.reminders, close: () => stores.close() };
});

describe('on PostgreSQL', () => {
  let shared: PostgresStores;
  beforeAll(async () => {
    shared = await open(await freshDatabase('cache'));
  });
  afterAll(() => shared.close());
  articleCacheContract(async (parser) => ({ cache: new PgArticleCache(shared.pool, parser), close: async () => undefined }));
});

describe('PostgreSQL migrations', () => {
  it('migrates once when several processes start together, and again finds nothing to do', async () => {
    const url = await freshDatabase('migrate');
    const all = await Promise.all([open(url), open(url), open(url)]);
    const { rows } = await all[0].pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version).sort((a, b) => a - b));
    for (const s of all) await s.close();
  });
});

describe('several processes on one PostgreSQL database', () => {
  const T0 = Date.UTC(2026, 10, 1, 9);

  it('never hands the same due reminder to two processes, and hands out every one', async () => {
    const url = await freshDatabase('claims');
    const [a, b, c] = await Promise.all([open(url), open(url), open(url)]);
    try {
      const sub = await a.reminders.upsertSubscription('guild:1', { channelId: '10' }, new Date(T0));
      await a.reminders.apply(sub.id, 'a.txt', actions({ create: Array.from({ length: 300 }, (_, i) => planned(`e${i}`, T0 + i)) }), new Date(T0));
      const seen: number[] = [];
      const drain = async (s: PostgresStores) => {
        for (;;) {
          const batch = await s.reminders.due(T0 + 1000, 25);
          if (batch.length === 0) return;
          for (const r of batch) {
            expect(await s.reminders.claim(r, { leaseUntil: T0 + 200_000, channelId: '10' }, new Date(T0 + 1000))).toBe(true);
            seen.push(r.id);
            await s.reminders.markSent(r.id, { messageId: `m${r.id}`, channelId: '10' }, new Date(T0 + 1000));
          }
        }
      };
      await Promise.all([drain(a), drain(b), drain(c)]);
      expect(seen.length).toBe(300);
      expect(new Set(seen).size).toBe(300);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('never hands the same member reminder to two processes; a gone process\'s claim is taken over with the same nonce', async () => {
    const url = await freshDatabase('members');
    const [a, b, c] = await Promise.all([open(url), open(url), open(url)]);
    try {
      for (let i = 0; i < 120; i++) await a.members.add(memberReminder({ userId: String(500 + (i % 7)), eventKey: `e${i}`, dueAt: T0 + i }), new Date(T0));
      const seen: number[] = [];
      const drain = async (s: PostgresStores) => {
        for (;;) {
          const batch = await s.members.due(T0 + 1000, 10);
          if (batch.length === 0) return;
          for (const r of batch) {
            expect(await s.members.claim(r, T0 + 200_000, new Date(T0 + 1000))).toBe(true);
            seen.push(r.id);
            await s.members.markSent(r.id, { via: 'dm', channelId: 'd', messageId: `m${r.id}` }, new Date(T0 + 1000));
          }
        }
      };
      await Promise.all([drain(a), drain(b), drain(c)]);
      expect([seen.length, new Set(seen).size]).toEqual([120, 120]);
      const { reminder } = await a.members.add(memberReminder({ eventKey: 'late', dueAt: T0 + 2000 }), new Date(T0));
      const [held] = await a.members.due(T0 + 2000, 10);
      expect(await a.members.claim(held, T0 + 120_000, new Date(T0 + 2000))).toBe(true);
      expect(await b.members.due(T0 + 2001, 10)).toEqual([]);
      await a.close();
      expect((await b.members.due(T0 + 2002, 10)).map((r) => [r.id, r.nonce])).toEqual([[reminder.id, reminder.nonce]]);
    } finally {
      await Promise.all([b.close(), c.close()]);
    }
  });

  it('claims and records made together go to PostgreSQL in one statement each, and each claim still compare-and-sets', async () => {
    const url = await freshDatabase('grouped');
    const a = await open(url);
    try {
      const sub = await a.reminders.upsertSubscription('guild:1', { channelId: '10' }, new Date(T0));
      await a.reminders.apply(sub.id, 'a.txt', actions({ create: Array.from({ length: 40 }, (_, i) => planned(`e${i}`, T0 + i)) }), new Date(T0));
      const due = await a.reminders.due(T0 + 1000, 40);
      const statements: string[] = [];
      const query = a.pool.query.bind(a.pool) as (...args: unknown[]) => unknown;
      a.pool.query = ((...args: unknown[]) => {
        statements.push(String(args[0]));
        return query(...args);
      }) as typeof a.pool.query;
      const claim = { leaseUntil: T0 + 200_000, channelId: '10' };
      // Each reminder claimed twice at once with the scan's view: one claim wins, the other sees it taken.
      const won = await Promise.all(due.flatMap((r) => [a.reminders.claim(r, claim, new Date(T0 + 1000)), a.reminders.claim(r, claim, new Date(T0 + 1000))]));
      expect(won.filter(Boolean)).toHaveLength(40);
      for (let i = 0; i < won.length; i += 2) expect(won[i] !== won[i + 1]).toBe(true);
      await Promise.all(due.map((r) => a.reminders.markSent(r.id, { messageId: `m${r.id}`, channelId: '10', guildId: '1' }, new Date(T0 + 2000))));
      expect(statements.length).toBeLessThanOrEqual(3);
      const { rows } = await a.pool.query("SELECT count(*) AS n, min(attempts) AS lo, max(attempts) AS hi FROM reminders WHERE state = 'sent' AND message_id = 'm' || id AND guild_id = '1'");
      expect(rows[0]).toEqual({ n: 40, lo: 1, hi: 1 });
    } finally {
      await a.close();
    }
  });

  it('takes over the claims of a process that is gone at once, with the same nonce; a live holder keeps its own', async () => {
    const url = await freshDatabase('takeover');
    const a = await open(url);
    const b = await open(url);
    try {
      const sub = await a.reminders.upsertSubscription('guild:1', { channelId: '10' }, new Date(T0));
      await a.reminders.apply(sub.id, 'a.txt', actions({ create: [planned('e1', T0), planned('e2', T0 + 1)] }), new Date(T0));
      const held = await a.reminders.due(T0 + 10, 10);
      expect(held).toHaveLength(2);
      expect(await a.reminders.claim(held[0], { leaseUntil: T0 + 120_000, channelId: '10' }, new Date(T0 + 10))).toBe(true);
      // While a lives, b gets nothing and releases nothing.
      expect(await b.reminders.due(T0 + 20, 10)).toEqual([]);
      expect(await b.reminders.releaseClaims(new Date(T0 + 20))).toBe(0);
      await a.close(); // its presence lock goes with its connection, as with SIGKILL
      const taken = await b.reminders.due(T0 + 30, 10);
      expect(taken.map((r) => [r.id, r.nonce])).toEqual(held.map((r) => [r.id, r.nonce]));
      expect(taken[0]).toMatchObject({ attempts: 1, channelId: '10' });
    } finally {
      await b.close();
    }
  });

  it('reserves announcements for one drain, polls a feed by one process, records a folder change once', async () => {
    const url = await freshDatabase('news');
    const a = await open(url);
    const b = await open(url);
    try {
      const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i));
      const watch = await a.feeds.watches.upsertWatch({ guildId: '1', channelId: '2', topic: null, createdBy: '3', at: at(0) });
      const many = Array.from({ length: 60 }, (_, i) => ({ watchId: watch.id, articleKey: `k${i}`, nonce: `n${i}`, reply: { content: `${i}` } }));
      await a.feeds.outbox.enqueue(many, at(0));
      const [fromA, fromB] = await Promise.all([a.feeds.outbox.due(at(1), 40, at(5)), b.feeds.outbox.due(at(1), 40, at(5))]);
      const keys = [...fromA, ...fromB].map((r) => r.articleKey);
      expect(keys).toHaveLength(60);
      expect(new Set(keys).size).toBe(60);

      const { row } = await a.feeds.feeds.addFeed({ url: 'https://a.example/feed', guildId: null, origin: 'config', at: at(0) });
      expect(await a.feeds.feeds.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(1))).toBeDefined();
      expect(await b.feeds.feeds.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(1))).toBeUndefined();

      const results = await Promise.all([a, b, a, b].map((s) => s.feeds.folderFiles.recordFolderFile('/x.txt', 'h1', at(2), [{ watchId: watch.id, articleKey: '/x.txt', nonce: 'nx', reply: { content: 'x' } }])));
      expect(results.filter(Boolean)).toHaveLength(1);

      await a.close();
      // a's reservations and poll lease are b's to take now, not in two minutes.
      expect((await b.feeds.outbox.due(at(3), 100, at(9))).map((r) => r.articleKey).sort()).toEqual([...fromA.map((r) => r.articleKey), '/x.txt'].sort());
      expect(await b.feeds.feeds.claimPoll(row.id, { until: at(30), notPolledSince: null }, at(1))).toBeDefined();
    } finally {
      await b.close();
    }
  });

  it('has one scheduler leader at a time; another takes over at its next acquire when the leader goes', async () => {
    const url = await freshDatabase('leader');
    const a = await open(url);
    const b = await open(url);
    try {
      const la = new AdvisoryLeadership(a.presence);
      const lb = new AdvisoryLeadership(b.presence);
      expect(await la.acquire()).toBe(true);
      expect(await lb.acquire()).toBe(false);
      expect(await la.acquire()).toBe(true);
      await la.release();
      expect(await lb.acquire()).toBe(true);
      expect(await la.acquire()).toBe(false);
      await b.close(); // the leader's process is gone: its connection, and the lock with it
      expect(await la.acquire()).toBe(true);
      expect(await lb.acquire()).toBe(false);
    } finally {
      await a.close();
    }
  });
});
