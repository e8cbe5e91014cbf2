import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration tests on the real app (app.inject on a migrated
// database), and browser journeys in Chromium. `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts'],
          setupFiles: ['test/support/strict-translations.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/strict-translations.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/strict-translations.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One file at a time (its journeys run side by side), all in one process: the app's
          // modules and PGlite's WebAssembly load once instead of once a file (about 15 s a run).
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
