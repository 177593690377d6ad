import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,agents,mcp,slack,web,queues,crm,test}/**/*.test.ts'],
    // The reliability suite's full-size scenarios run with `npm run test:reliability` (vitest.reliability.config.ts).
    exclude: ['**/node_modules/**', 'test/reliability/**/*.full.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { BATON_LOG_LEVEL: 'silent' },
  },
});
