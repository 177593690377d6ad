import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,agents,mcp,slack,queues,crm,test}/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { BATON_LOG_LEVEL: 'silent' },
  },
});
