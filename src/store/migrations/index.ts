// Version ranges: 1–99 reminders, 100–199 article cache, 200–299 feeds and watches.
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds a table other tables reference (SQLite's 12-step ALTER): foreign keys are switched off
   * around the migration (a DROP would otherwise cascade) and checked before it commits. */
  rebuildsReferencedTable?: boolean;
}

export const allMigrations: Migration[] = [];
import { reminderMigrations } from './reminders'; allMigrations.push(...reminderMigrations);
import { feedMigrations } from './feeds'; allMigrations.push(...feedMigrations);
import { articleCacheMigrations } from './article-cache'; allMigrations.push(...articleCacheMigrations);
