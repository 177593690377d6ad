import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the whole reliability suite at full size (chaos, 1,000-run load,
 * fuzzing with more cases), one file at a time so the figures are not skewed by each other,
 * then the report table (test-output/reliability-report.json). `npm test` runs the `*.ci.test.ts`
 * and the other fast files of test/reliability at CI size, and never the `*.full.test.ts` ones.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    exclude: ['test/reliability/**/*.ci.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/reliability/reliability-global-setup.ts'],
    env: { BATON_LOG_LEVEL: 'silent', BATON_RELIABILITY_FULL: '1' },
  },
});
