import { describe, it } from 'vitest';
import { runLoad } from './load-scenario.js';
import { verdictOnLoad } from './load-verdict.js';

/** The load scenario at CI size (part of `npm test`): 200 concurrent runs on two worker processes. load.full.test.ts runs 1,000. */
describe('load (CI size)', () => {
  it('finishes 200 concurrent runs on two workers with nothing lost and bounded connections', { timeout: 120_000 }, async () => {
    await verdictOnLoad('load-ci', 200, await runLoad({ runs: 200, workers: 2, timeoutMs: 90_000 }));
  });
});
