// Version ranges: 1–99 reminders, 100–199 article cache, 200–299 feeds and watches.
import type { Migration } from './migration';
import { reminderMigrations } from './reminders';
import { feedMigrations } from './feeds';
import { articleCacheMigrations } from './article-cache';

export type { Migration } from './migration';

export const allMigrations: Migration[] = [...reminderMigrations, ...feedMigrations, ...articleCacheMigrations];
