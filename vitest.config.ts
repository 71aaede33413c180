import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: every package's *.test.ts plus the top-level suites.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'e2e/**/*.test.ts',
      'reliability/**/*.test.ts',
      'docs/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
