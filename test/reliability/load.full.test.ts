import { describe, it } from 'vitest';
import { runLoad } from './load-scenario.js';
import { verdictOnLoad } from './load-verdict.js';

/** 1,000 concurrent runs with the offline model on two `baton worker` processes (`npm run test:reliability` only). */
describe('load (full size)', () => {
  it('finishes 1,000 concurrent runs on two workers with nothing lost and bounded connections', { timeout: 300_000 }, async () => {
    await verdictOnLoad('load-full', 1_000, await runLoad({ runs: 1_000, workers: 2, timeoutMs: 240_000 }));
  });
});
