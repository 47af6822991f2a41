// The two SQL dialects Herald's schema is written in. Each migration is described once, as a function of
// the dialect, and rendered for SQLite (store/db.ts) and PostgreSQL (store/postgres/pool.ts); what
// differs between the two is named here, so a table grows on both databases in one place.
// Times keep SQLite's representation on both: integer milliseconds for reminders and interactions, ISO-8601
// text for feeds and the outbox, so both stores read back alike.

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** an id the database assigns: SQLite's INTEGER PRIMARY KEY is the rowid, PostgreSQL needs a sequence */
  readonly serial: 'INTEGER' | 'SERIAL';
  readonly bigSerial: 'INTEGER' | 'BIGSERIAL';
  /** milliseconds since the epoch */
  readonly ms: 'INTEGER' | 'BIGINT';
}

export const sqlite: Dialect = { name: 'sqlite', serial: 'INTEGER', bigSerial: 'INTEGER', ms: 'INTEGER' };
export const postgres: Dialect = { name: 'postgres', serial: 'SERIAL', bigSerial: 'BIGSERIAL', ms: 'BIGINT' };

/** `sql` on PostgreSQL only: the columns several processes need (claim holders, delivery order). */
export function onPostgres(d: Dialect, sql: string): string {
  return d.name === 'postgres' ? sql : '';
}
