import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Unit tests sit beside pure code; integration tests (real SQLite files, child processes, servers) in test/. */
export default defineConfig({
  test: {
    // Vitest runs one file at a time on two cores (cores − 1). Integration files spend much of their time
    // waiting on the processes they start (central servers, PostgreSQL, OCR workers), so two at once keep
    // both cores busy. Measured here one after the other: 859 s with one file at a time (the machine 25% idle),
    // 577 s with two (1% idle), every file passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'renderer/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 240_000,
          pool: 'forks',
        },
      },
    ],
  },
});
