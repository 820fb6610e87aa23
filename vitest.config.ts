import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const backend = ['server/**/*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup-unit.ts'],
    // Vitest leaves a core idle by default (one worker on two cores): 332 s on one, 230 s on both, 130 s
    // with isolate: false below as well.
    maxWorkers: availableParallelism(),
    // Each project below runs a worker's test files in one module graph instead of a fresh one per file
    // (isolate: false): the imports were most of the run (unit 64 → 38 s, server-sqlite 99 → 50 s).
    // tests/setup-unit.ts resets the fake browser and language before each test; the server tests start
    // each app on its own database.
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.ts',
            'tests/store/**/*.test.ts',
          ],
        },
      },
      // Every backend test runs on both databases (server/test-support.ts reads RELAY_TEST_DATABASE).
      {
        extends: true,
        test: { name: 'server-sqlite', isolate: false, include: backend, env: { RELAY_TEST_DATABASE: 'sqlite' } },
      },
      {
        extends: true,
        test: {
          name: 'server-postgres',
          isolate: false,
          include: backend,
          env: { RELAY_TEST_DATABASE: 'postgres' },
          // One PostgreSQL server for the run, started only when this project runs.
          globalSetup: ['tests/helpers/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
