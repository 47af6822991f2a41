// The MemberReminderStore contract on SQLite.
import { openDatabase } from '../../src/store/db';
import { SqliteMemberReminderStore } from '../../src/store/member-reminders-sqlite';
import { describe, expect, it } from 'vitest';
import { memberReminder, memberReminderStoreContract } from './contract/member-reminder-store';

memberReminderStoreContract(async () => {
  const db = openDatabase(':memory:');
  return { store: new SqliteMemberReminderStore(db), close: async () => void db.close() };
});

describe('on SQLite (one process)', () => {
  it('releases every claim at start-up: due again at its own time, same nonce', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteMemberReminderStore(db);
    const T0 = Date.UTC(2026, 10, 1, 9);
    const { reminder } = await store.add(memberReminder({ dueAt: T0 }), new Date(T0 - 1000));
    const [due] = await store.due(T0, 10);
    expect(await store.claim(due, T0 + 120_000, new Date(T0))).toBe(true);
    expect(await store.releaseClaims(new Date(T0 + 1000))).toBe(1);
    expect(await store.get(reminder.id)).toMatchObject({ state: 'pending', runAt: T0, nonce: reminder.nonce });
    db.close();
  });
});
