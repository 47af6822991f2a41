// The ReminderStore contract on SQLite.
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { reminderStoreContract } from './contract/reminder-store';

reminderStoreContract(async () => {
  const db = openDatabase(':memory:');
  return { store: new SqliteReminderStore(db), close: async () => void db.close() };
});
