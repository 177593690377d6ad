import { expect } from 'vitest';
import type { LoadOutcome } from './load-scenario.js';
import { recordScenario } from './reliability-report.js';

export async function verdictOnLoad(scenario: string, runs: number, outcome: LoadOutcome): Promise<void> {
  await recordScenario({
    scenario,
    scenariosRun: outcome.started,
    faultsInjected: 0,
    runsCompleted: outcome.succeeded,
    sideEffectsDoubled: outcome.stepsDoubled,
    approvalsLost: 0,
    crashes: outcome.crashes,
    figures: {
      runsPerSecond: outcome.runsPerSecond,
      p50Ms: outcome.p50Ms,
      p99Ms: outcome.p99Ms,
      redisConnections: outcome.redisConnections,
      postgresConnections: outcome.postgresConnections,
      workerPeakRssMiB: outcome.workerPeakRssMiB.join(' / '),
    },
  });
  expect({ started: outcome.started, succeeded: outcome.succeeded, lost: outcome.lost, stepsDoubled: outcome.stepsDoubled, crashes: outcome.crashes }).toEqual({ started: runs, succeeded: runs, lost: 0, stepsDoubled: 0, crashes: 0 });
  // Bounded resources: a pool of at most 10 per process, a handful of Redis connections per worker.
  expect(outcome.postgresConnections).toBeLessThanOrEqual(20);
  expect(outcome.redisConnections).toBeLessThanOrEqual(12);
}
