// One schema migration of the SQLite database (src/store/db.ts applies them in version order).
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds a table other tables reference (SQLite's 12-step ALTER): foreign keys are switched off
   * around the migration (a DROP would otherwise cascade) and checked before it commits. */
  rebuildsReferencedTable?: boolean;
}

