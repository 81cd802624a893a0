import { defineConfig } from 'vitest/config';

/** Unit tests sit beside pure code; integration tests (real SQLite files, child processes, servers) in test/. */
export default defineConfig({
  test: {
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
