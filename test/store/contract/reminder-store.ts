// The ReminderStore contract: what the reminders feature relies on, whichever database holds it. Run
// against SQLite (test/store/reminders-sqlite.test.ts) and PostgreSQL (test/postgres/stores.test.ts).
import { describe, expect, it } from 'vitest';
import type { PlannedReminder, ReconcileActions } from '../../../src/reminders/plan';
import type { ReminderStore } from '../../../src/reminders/store';

export type OpenReminderStore = () => Promise<{ store: ReminderStore; close(): Promise<void> }>;

const T0 = Date.UTC(2026, 10, 1, 9);
const now = (ms = 0) => new Date(T0 + ms);

export function planned(key: string, dueAt: number, leadDays = 0): PlannedReminder {
  const eventDate = new Date(dueAt).toISOString().slice(0, 10);
  return {
    eventKey: key,
    leadDays,
    eventDate,
    dueAt,
    content: { articleId: 'a1', headline: 'Summit', description: `event ${key}`, eventDate, endDate: eventDate, qualifier: 'on', expression: 'on Monday', sentence: 'It meets on Monday.' },
  };
}

export const actions = (a: Partial<ReconcileActions>): ReconcileActions => ({ create: [], move: [], refresh: [], cancel: [], ...a });

export function reminderStoreContract(open: OpenReminderStore): void {
  const withStore = (fn: (store: ReminderStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await fn(store);
    } finally {
      await close();
    }
  };

  describe('ReminderStore contract', () => {
    it('keeps subscriptions: created on first use, patched, broken and repaired', withStore(async (store) => {
      expect(await store.subscription('guild:1')).toBeUndefined();
      const sub = await store.upsertSubscription('guild:1', { channelId: '10', guildId: '1', leadDays: 2 }, now());
      expect(sub).toMatchObject({ key: 'guild:1', channelId: '10', guildId: '1', leadDays: 2, roleId: null, time: null, broken: null });
      expect(await store.upsertSubscription('guild:1', { time: '08:30', timezone: 'Europe/London' }, now(1))).toMatchObject({ channelId: '10', time: '08:30', timezone: 'Europe/London' });
      await store.upsertSubscription('config', { channelId: null }, now());
      expect((await store.activeSubscriptions()).map((s) => s.key)).toEqual(['guild:1']);
      await store.setBroken(sub.id, { reason: 'Missing Access' }, now(2));
      expect((await store.subscriptionById(sub.id))?.broken).toEqual({ reason: 'Missing Access', at: now(2) });
      await store.setBroken(sub.id, null, now(3));
      expect((await store.subscriptionById(sub.id))?.broken).toBeNull();
    }));

    it('creates, moves, refreshes and cancels reminders of an origin; one active reminder per event and lead', withStore(async (store) => {
      const sub = await store.upsertSubscription('guild:1', { channelId: '10' }, now());
      await store.apply(sub.id, 'a.txt', actions({ create: [planned('e1', T0 + 1000), planned('e2', T0 + 2000)] }), now());
      const [e1, e2] = (await store.forOrigin(sub.id, 'a.txt')).sort((a, b) => a.dueAt - b.dueAt);
      expect(e1).toMatchObject({ eventKey: 'e1', state: 'pending', runAt: T0 + 1000, attempts: 0, origin: 'a.txt' });
      expect(e1.nonce).not.toBe(e2.nonce);
      expect(e1.nonce.length).toBeLessThanOrEqual(25);
      // Reconciling the same article again (another process, say) does not make a second reminder.
      await store.apply(sub.id, 'a.txt', actions({ create: [planned('e1', T0 + 1000)] }), now()).catch(() => undefined);
      expect((await store.forOrigin(sub.id, 'a.txt')).filter((r) => r.eventKey === 'e1' && r.state === 'pending')).toHaveLength(1);
      await store.apply(sub.id, 'a.txt', actions({ move: [{ id: e1.id, planned: planned('e1', T0 + 5000) }], refresh: [{ id: e2.id, planned: { ...planned('e2', T0 + 2000), content: { ...e2.content, headline: 'Summit moved' } } }] }), now(1));
      const after = new Map((await store.forOrigin(sub.id, 'a.txt')).map((r) => [r.id, r]));
      expect(after.get(e1.id)).toMatchObject({ dueAt: T0 + 5000, runAt: T0 + 5000 });
      expect(after.get(e1.id)?.nonce).not.toBe(e1.nonce);
      expect(after.get(e2.id)?.content.headline).toBe('Summit moved');
      await store.apply(sub.id, 'a.txt', actions({ cancel: [e2.id] }), now(2));
      expect((await store.forOrigin(sub.id, 'a.txt')).find((r) => r.id === e2.id)?.state).toBe('cancelled');
      expect(await store.pendingOrigins()).toEqual(['a.txt']);
      expect(await store.renameOrigin('a.txt', 'b.txt', now(3))).toBe(2);
      expect(await store.cancelOrigin('b.txt', now(4), sub.id)).toBe(1);
      expect(await store.pendingOrigins()).toEqual([]);
    }));

    it('delivers through due, claim and markSent, once; a claim is a compare-and-set', withStore(async (store) => {
      const sub = await store.upsertSubscription('guild:1', { channelId: '10' }, now());
      await store.apply(sub.id, 'a.txt', actions({ create: [planned('e2', T0 + 2000), planned('e1', T0 + 1000), planned('later', T0 + 60_000)] }), now());
      expect(await store.due(T0, 10)).toEqual([]);
      const due = await store.due(T0 + 1000, 10);
      expect(due.map((r) => r.eventKey)).toEqual(['e1']);
      const [first] = due;
      expect(await store.claim(first, { leaseUntil: T0 + 120_000, channelId: '10' }, now(2000))).toBe(true);
      expect(await store.claim(first, { leaseUntil: T0 + 120_000, channelId: '10' }, now(2000))).toBe(false);
      await store.markSent(first.id, { messageId: 'm1', channelId: '10', guildId: '1' }, now(2100));
      const sent = (await store.bySubscription(sub.id, ['sent'], 10))[0];
      expect(sent).toMatchObject({ id: first.id, state: 'sent', messageId: 'm1', channelId: '10', guildId: '1', attempts: 1, sentAt: T0 + 2100 });
      expect(await store.counts()).toEqual({ pending: 2, missed: 0 });
      expect((await store.due(T0 + 2000, 10)).map((r) => r.eventKey)).toEqual(['e2']);
    }));

    it('retries later, finishes as missed or failed, and lists a subscription by state', withStore(async (store) => {
      const sub = await store.upsertSubscription('guild:1', { channelId: '10' }, now());
      await store.apply(sub.id, 'a.txt', actions({ create: [planned('e1', T0 + 1000), planned('e2', T0 + 2000), planned('e3', T0 + 3000)] }), now());
      const due = await store.due(T0 + 3000, 10);
      for (const r of due) expect(await store.claim(r, { leaseUntil: T0 + 200_000, channelId: '10' }, now(3000))).toBe(true);
      await store.retryLater(due[0].id, T0 + 10_000, 'HTTP 500', now(3000));
      await store.finish(due[1].id, 'missed', 'too late', now(3000));
      await store.finish(due[2].id, 'failed', 'Missing Access', now(3000));
      expect(await store.counts()).toEqual({ pending: 1, missed: 1 });
      expect(await store.due(T0 + 9_999, 10)).toEqual([]);
      const again = await store.due(T0 + 10_000, 10);
      expect(again.map((r) => [r.eventKey, r.lastError, r.attempts])).toEqual([['e1', 'HTTP 500', 1]]);
      expect((await store.bySubscription(sub.id, ['missed', 'failed'], 10)).map((r) => [r.eventKey, r.state, r.lastError])).toEqual([
        ['e2', 'missed', 'too late'],
        ['e3', 'failed', 'Missing Access'],
      ]);
      expect((await store.nextPending())?.eventKey ?? 'e1').toBe('e1');
    }));

    it('hands a claim whose lease ran out back to the due-scan, with the same nonce', withStore(async (store) => {
      const sub = await store.upsertSubscription('guild:1', { channelId: '10' }, now());
      await store.apply(sub.id, 'a.txt', actions({ create: [planned('e1', T0 + 1000)] }), now());
      const [r] = await store.due(T0 + 1000, 10);
      expect(await store.claim(r, { leaseUntil: T0 + 5000, channelId: '10' }, now(1000))).toBe(true);
      expect(await store.due(T0 + 4999, 10)).toEqual([]);
      const [stale] = await store.due(T0 + 5000, 10);
      expect(stale).toMatchObject({ id: r.id, nonce: r.nonce, channelId: '10', attempts: 1 });
      expect(await store.claim(stale, { leaseUntil: T0 + 9000, channelId: '10' }, now(5000))).toBe(true);
      expect(await store.cancelSubscription(sub.id, now(6000))).toBe(0); // a claimed reminder is not pending
    }));
  });
}
