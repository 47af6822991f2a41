// Version ranges: 1–99 reminders, 100–199 article cache, 200–299 feeds and watches, 300–399 interactions over HTTP.
import type { Migration } from './migration';
import { reminderMigrations } from './reminders';
import { feedMigrations } from './feeds';
import { articleCacheMigrations } from './article-cache';
import { interactionMigrations } from './interactions';

export type { Migration } from './migration';

export const allMigrations: Migration[] = [...reminderMigrations, ...feedMigrations, ...articleCacheMigrations, ...interactionMigrations];
