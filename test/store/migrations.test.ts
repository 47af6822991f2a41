// Shipped migrations are text databases have already run: rendering them from one description per
// feature (src/store/migrations/) must give the text each dialect shipped (fixtures/shipped-migrations.json,
// captured from the two hand-written lists before they were merged, 2026-11-29).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allMigrations, postgresMigrations, type Migration } from '../../src/store/migrations';

const shipped = JSON.parse(readFileSync(new URL('./fixtures/shipped-migrations.json', import.meta.url), 'utf8')) as { sqlite: Migration[]; postgres: Migration[] };

/** What PostgreSQL executes: its lexer drops `--` comments and folds white space (and it keeps no migration text). */
const executed = (sql: string): string => sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').trim();

describe('schema migrations', () => {
  it('renders every shipped SQLite migration byte for byte (SQLite keeps each CREATE statement\'s text in its schema)', () => {
    for (const old of shipped.sqlite) expect(allMigrations.find((m) => m.version === old.version), `version ${old.version}`).toEqual(old);
  });

  it('renders every shipped PostgreSQL migration as the same statements, under the same version and name', () => {
    for (const old of shipped.postgres) {
      const now = postgresMigrations.find((m) => m.version === old.version);
      expect(now && { ...now, sql: executed(now.sql) }, `version ${old.version}`).toEqual({ ...old, sql: executed(old.sql) });
    }
  });

  it('has the same versions and names in both dialects, in version order', () => {
    const sqliteNames = allMigrations.map((m) => `${m.version} ${m.name}`);
    expect(postgresMigrations.map((m) => `${m.version} ${m.name}`)).toEqual(sqliteNames);
    expect(allMigrations.map((m) => m.version)).toEqual([...allMigrations.map((m) => m.version)].sort((a, b) => a - b));
  });
});
