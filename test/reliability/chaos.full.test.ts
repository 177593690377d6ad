import { describe, it } from 'vitest';
import { runChaos } from './chaos-scenario.js';
import { verdictOnChaos } from './chaos-verdict.js';

/**
 * The chaos scenario at full size (`npm run test:reliability` only): 90 runs over three minutes
 * of faults: 12 worker SIGKILLs, 3 Redis restarts (each losing every job), 3 PostgreSQL crash
 * restarts, Slack 429s and 503s, and model 429s, 5xx and slow answers throughout.
 */
describe('chaos (full size)', () => {
  it('ends every run as its input says, with no side effect doubled, no approval lost and no crash', { timeout: 480_000 }, async () => {
    const runs = 90;
    await verdictOnChaos('chaos-full', runs, await runChaos({ runs, faultWindowMs: 180_000, settleMs: 180_000, workerKills: 12, redisRestarts: 3, postgresRestarts: 3, slackFaults: 6 }));
  });
});
