import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const backend = ['server/**/*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup-unit.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.ts',
            'tests/store/**/*.test.ts',
          ],
        },
      },
      // Every backend test runs on both databases (server/test-support.ts reads RELAY_TEST_DATABASE).
      { extends: true, test: { name: 'server-sqlite', include: backend, env: { RELAY_TEST_DATABASE: 'sqlite' } } },
      {
        extends: true,
        test: {
          name: 'server-postgres',
          include: backend,
          env: { RELAY_TEST_DATABASE: 'postgres' },
          // One PostgreSQL server for the run, started only when this project runs.
          globalSetup: ['tests/helpers/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
