// Interactions over HTTP (300–399): the ids received within the signature window (replay refusal,
// src/transports/http/replays.ts), shared by every replica on the same database.
import type { Dialect } from './dialect';
import type { Migration } from './migration';

export const interactionMigrations = (d: Dialect): Migration[] => [
  {
    version: 300,
    name: 'interactions seen',
    sql: `
      CREATE TABLE interactions_seen (
        id TEXT PRIMARY KEY,              -- the interaction's id (a snowflake)
        expires_at ${d.ms} NOT NULL       -- ms; after it the id no longer counts (the signature window is long past)
      );
      CREATE INDEX interactions_seen_expiry ON interactions_seen (expires_at);
    `,
  },
];
