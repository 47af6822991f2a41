// Global setup of the "postgres" vitest project: one PostgreSQL server for the run; each test file
// makes its own databases on it (test/postgres/db.ts).
import type { TestProject } from 'vitest/node';
import { startPostgres } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url());
  return () => server.stop();
}
