// Version ranges: 1–99 reminders, 100–199 article cache, 200–299 feeds and watches, 300–399 interactions over HTTP.
// Each feature describes its migrations once; they are rendered here for each dialect.
import type { Migration } from './migration';
import { postgres, sqlite, type Dialect } from './dialect';
import { reminderMigrations } from './reminders';
import { feedMigrations } from './feeds';
import { articleCacheMigrations } from './article-cache';
import { interactionMigrations } from './interactions';

export type { Migration } from './migration';

/** Every feature's migrations in one dialect, in version order. */
export function migrationsIn(d: Dialect): Migration[] {
  return [reminderMigrations, articleCacheMigrations, feedMigrations, interactionMigrations].flatMap((feature) => feature(d)).sort((a, b) => a.version - b.version);
}

/** SQLite's (store/db.ts). */
export const allMigrations: Migration[] = migrationsIn(sqlite);
/** PostgreSQL's (store/postgres/pool.ts). */
export const postgresMigrations: Migration[] = migrationsIn(postgres);
