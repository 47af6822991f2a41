import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e and child-process tests bind ports and spawn processes; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
