import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every fast-check property runs seeded (HERALD_PROPERTY_SEED to replay or change the seed).
    setupFiles: ['test/support/property-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e and child-process tests bind ports and spawn processes; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
