// One schema migration (src/store/db.ts applies SQLite's in version order, store/postgres/pool.ts
// PostgreSQL's). A feature describes its migrations once, for either dialect (./dialect.ts).

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds a table other tables reference (SQLite's 12-step ALTER): foreign keys are switched off
   * around the migration (a DROP would otherwise cascade) and checked before it commits. */
  rebuildsReferencedTable?: boolean;
}
