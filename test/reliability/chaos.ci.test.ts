import { describe, it } from 'vitest';
import { runChaos } from './chaos-scenario.js';
import { verdictOnChaos } from './chaos-verdict.js';

/**
 * The chaos scenario at CI size (part of `npm test`, about a minute): 18 runs, worker kills, a
 * Redis and a PostgreSQL restart, model and Slack faults. chaos.full.test.ts is the full size.
 */
describe('chaos (CI size)', () => {
  it('ends every run as its input says, with no side effect doubled, no approval lost and no crash', { timeout: 180_000 }, async () => {
    const runs = 18;
    await verdictOnChaos('chaos-ci', runs, await runChaos({ runs, faultWindowMs: 20_000, settleMs: 60_000, workerKills: 2, redisRestarts: 1, postgresRestarts: 1, slackFaults: 2 }));
  });
});
