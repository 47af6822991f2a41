import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every fast-check property runs seeded (HERALD_PROPERTY_SEED to replay or change the seed).
    setupFiles: ['test/support/property-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e and child-process tests bind ports and spawn processes; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/postgres/**'] } },
      // A real PostgreSQL server the suite starts itself (test/postgres/server.ts), as an unprivileged user.
      { extends: true, test: { name: 'postgres', include: ['test/postgres/**/*.test.ts'], globalSetup: ['test/postgres/global-setup.ts'], testTimeout: 120_000 } },
    ],
  },
});
