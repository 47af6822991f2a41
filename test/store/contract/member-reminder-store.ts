// The MemberReminderStore contract (Remind me, issue 15): what member reminders rely on, whichever
// database holds them. Run against SQLite (test/store/member-reminders-sqlite.test.ts) and PostgreSQL
// (test/postgres/stores.test.ts).
import { describe, expect, it } from 'vitest';
import type { MemberReminderStore, NewMemberReminder } from '../../../src/reminders/member-store';

export type OpenMemberReminderStore = () => Promise<{ store: MemberReminderStore; close(): Promise<void> }>;

const T0 = Date.UTC(2026, 10, 1, 9);
const now = (ms = 0) => new Date(T0 + ms);

export function memberReminder(over: Partial<NewMemberReminder> = {}): NewMemberReminder {
  const dueAt = over.dueAt ?? T0 + 1000;
  const eventDate = new Date(dueAt).toISOString().slice(0, 10);
  return {
    userId: '501',
    guildId: '111',
    origin: 'a.txt',
    eventKey: 'e1',
    eventDate,
    time: '09:00',
    timezone: 'UTC',
    dueAt,
    content: { articleId: 'a1', headline: 'Summit', description: 'the summit meets', eventDate, endDate: eventDate, qualifier: 'on', expression: 'on Monday', sentence: 'It meets on Monday.' },
    ...over,
  };
}

export function memberReminderStoreContract(open: OpenMemberReminderStore): void {
  const withStore = (fn: (store: MemberReminderStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await fn(store);
    } finally {
      await close();
    }
  };

  describe('MemberReminderStore contract', () => {
    it('stores one pending reminder per member and event; another member or event is another reminder', withStore(async (store) => {
      const first = await store.add(memberReminder(), now());
      expect(first.created).toBe(true);
      expect(first.reminder).toMatchObject({ userId: '501', guildId: '111', origin: 'a.txt', eventKey: 'e1', state: 'pending', runAt: T0 + 1000, attempts: 0, via: null, movedFrom: null, createdAt: T0 });
      expect(first.reminder.nonce.length).toBeLessThanOrEqual(25);
      const again = await store.add(memberReminder({ dueAt: T0 + 5000 }), now(1));
      expect(again).toMatchObject({ created: false, reminder: { id: first.reminder.id, dueAt: T0 + 1000 } });
      const other = await store.add(memberReminder({ userId: '502' }), now());
      const second = await store.add(memberReminder({ eventKey: 'e2', dueAt: T0 + 500 }), now());
      expect(new Set([first.reminder.id, other.reminder.id, second.reminder.id]).size).toBe(3);
      expect(other.reminder.nonce).not.toBe(first.reminder.nonce);
      expect((await store.byUser('501', ['pending'], 10)).map((r) => r.eventKey)).toEqual(['e2', 'e1']);
      expect((await store.pendingOf({ origin: 'a.txt' })).map((r) => r.id)).toEqual([first.reminder.id, other.reminder.id, second.reminder.id]);
      expect((await store.pendingOf({ userId: '502' })).map((r) => r.id)).toEqual([other.reminder.id]);
      expect(await store.pendingOrigins()).toEqual(['a.txt']);
      expect(await store.get(first.reminder.id)).toEqual(first.reminder);
      expect(await store.get(999_999)).toBeUndefined();
    }));

    it('counts pending (with claimed), missed and failed reminders per server for /status, and no sent or cancelled one', withStore(async (store) => {
      expect(await store.counts()).toEqual([]);
      const add = async (over: Partial<NewMemberReminder>) => (await store.add(memberReminder(over), now())).reminder;
      await add({ eventKey: 'p1' });
      const claimed = await add({ eventKey: 'c1' });
      const missed = await add({ eventKey: 'm1' });
      const failed = await add({ eventKey: 'f1' });
      const sent = await add({ eventKey: 's1' });
      const cancelled = await add({ eventKey: 'x1' });
      await add({ eventKey: 'p2', guildId: '222' });
      const dm = await add({ eventKey: 'm2', guildId: '' });
      for (const r of [claimed, sent]) expect(await store.claim(r, T0 + 60_000, now())).toBe(true);
      await store.markSent(sent.id, { via: 'dm', channelId: '9', messageId: '10' }, now());
      await store.finish(missed.id, 'missed', 'late', now());
      await store.finish(failed.id, 'failed', 'DMs closed', now());
      await store.finish(dm.id, 'missed', 'late', now());
      expect(await store.cancel(cancelled.id, 'gone', now())).toBe(true);
      expect(await store.counts()).toEqual([
        { guildId: '', pending: 0, missed: 1, failed: 0 },
        { guildId: '111', pending: 2, missed: 1, failed: 1 },
        { guildId: '222', pending: 1, missed: 0, failed: 0 },
      ]);
    }));

    it('moves a pending reminder with a fresh nonce and says from where; cancels only the owner\'s, with a reason', withStore(async (store) => {
      const { reminder } = await store.add(memberReminder(), now());
      const moved = { eventDate: '2026-11-05', timezone: 'Europe/Paris', dueAt: T0 + 9000, moved: { from: reminder.eventDate, by: 'Summit delayed' } };
      expect(await store.reschedule(reminder.id, moved, now(1))).toBe(true);
      const after = (await store.get(reminder.id))!;
      expect(after).toMatchObject({ eventDate: '2026-11-05', timezone: 'Europe/Paris', dueAt: T0 + 9000, runAt: T0 + 9000, movedFrom: '2026-11-01', movedBy: 'Summit delayed', state: 'pending', content: reminder.content });
      expect(after.nonce).not.toBe(reminder.nonce);
      // A time zone change keeps the move's trace.
      expect(await store.reschedule(reminder.id, { eventDate: '2026-11-05', timezone: 'UTC', dueAt: T0 + 8000 }, now(2))).toBe(true);
      expect(await store.get(reminder.id)).toMatchObject({ timezone: 'UTC', movedFrom: '2026-11-01', movedBy: 'Summit delayed' });
      expect(await store.cancel(reminder.id, 'by the member', now(3), '999')).toBe(false);
      expect(await store.cancel(reminder.id, 'by the member', now(3), '501')).toBe(true);
      expect(await store.cancel(reminder.id, 'again', now(4))).toBe(false);
      expect(await store.reschedule(reminder.id, moved, now(5))).toBe(false);
      expect(await store.get(reminder.id)).toMatchObject({ state: 'cancelled', lastError: 'by the member' });
      expect((await store.byUser('501', ['cancelled'], 10)).map((r) => r.id)).toEqual([reminder.id]);
      expect(await store.pendingOrigins()).toEqual([]);
      // Cancelled, the event can be asked for again.
      expect((await store.add(memberReminder(), now(6))).created).toBe(true);
    }));

    it('delivers through due, claim and markSent once; a lapsed claim comes back with the same nonce', withStore(async (store) => {
      const { reminder: a } = await store.add(memberReminder(), now());
      const { reminder: b } = await store.add(memberReminder({ eventKey: 'e2', dueAt: T0 + 2000 }), now());
      expect(await store.due(T0, 10)).toEqual([]);
      const due = await store.due(T0 + 1000, 10);
      expect(due.map((r) => r.id)).toEqual([a.id]);
      expect(await store.claim(due[0], T0 + 120_000, now(1000))).toBe(true);
      expect(await store.claim(due[0], T0 + 120_000, now(1000))).toBe(false);
      await store.markSent(a.id, { via: 'dm', channelId: '900', messageId: '901' }, now(1500));
      expect(await store.get(a.id)).toMatchObject({ state: 'sent', via: 'dm', channelId: '900', messageId: '901', sentAt: T0 + 1500, attempts: 1 });
      const [r] = await store.due(T0 + 2000, 10);
      expect(r.id).toBe(b.id);
      expect(await store.claim(r, T0 + 5000, now(2000))).toBe(true);
      expect(await store.due(T0 + 4999, 10)).toEqual([]);
      const [stale] = await store.due(T0 + 5000, 10);
      expect(stale).toMatchObject({ id: b.id, nonce: b.nonce });
      expect(await store.claim(stale, T0 + 9000, now(5000))).toBe(true);
      await store.retryLater(b.id, T0 + 20_000, 'Discord 503', now(5001));
      expect(await store.get(b.id)).toMatchObject({ state: 'pending', runAt: T0 + 20_000, lastError: 'Discord 503', attempts: 2 });
      // (releaseClaims differs by store: SQLite releases every claim, PostgreSQL only those of processes that are gone.)
      await store.finish(b.id, 'failed', 'DMs closed and no reminder channel', now(22_000));
      expect(await store.get(b.id)).toMatchObject({ state: 'failed', lastError: 'DMs closed and no reminder channel' });
      expect((await store.byUser('501', ['sent', 'failed'], 10)).map((x) => x.id)).toEqual([a.id, b.id]);
    }));

    it('moves pending reminders to the copy that now holds their article, and only those', withStore(async (store) => {
      const pending = (await store.add(memberReminder(), now())).reminder;
      const sent = (await store.add(memberReminder({ eventKey: 'e2' }), now())).reminder;
      expect(await store.claim(sent, T0 + 60_000, now(2000))).toBe(true);
      await store.markSent(sent.id, { via: 'dm', channelId: '9', messageId: '10' }, now(2000));
      const other = (await store.add(memberReminder({ origin: 'b.txt' }), now())).reminder;
      const third = (await store.add(memberReminder({ eventKey: 'e3' }), now())).reminder;
      expect(await store.renameOrigin('a.txt', 'copy of a.txt', new Map([['e1', 'c1'], ['e2', 'c2']]), now(3000))).toBe(2);
      expect((await store.pendingOf({ origin: 'copy of a.txt' })).map((r) => [r.id, r.eventKey, r.nonce]).sort()).toEqual([[pending.id, 'c1', pending.nonce], [third.id, 'e3', third.nonce]].sort());
      expect(await store.pendingOf({ origin: 'a.txt' })).toEqual([]);
      expect(await store.get(sent.id)).toMatchObject({ origin: 'a.txt', eventKey: 'e2' });
      expect((await store.get(other.id))?.origin).toBe('b.txt');
    }));

    it('keeps each member\'s time zone', withStore(async (store) => {
      expect(await store.timezone('501')).toBeUndefined();
      await store.setTimezone('501', 'Asia/Tokyo', now());
      await store.setTimezone('501', 'America/New_York', now(1));
      await store.setTimezone('502', 'Europe/Paris', now(1));
      expect(await store.timezone('501')).toBe('America/New_York');
      expect(await store.timezone('502')).toBe('Europe/Paris');
    }));
  });
}
