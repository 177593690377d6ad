import { expect } from 'vitest';
import type { ChaosOutcome } from './chaos-scenario.js';
import { recordScenario } from './reliability-report.js';

/** Records a chaos outcome as a report row, then holds it to the promise: all as expected, nothing twice, nothing lost, no crash. */
export async function verdictOnChaos(scenario: string, runs: number, outcome: ChaosOutcome): Promise<void> {
  await recordScenario({
    scenario,
    scenariosRun: outcome.runsStarted,
    faultsInjected: Object.values(outcome.faults).reduce((total, count) => total + count, 0),
    runsCompleted: outcome.runsAsExpected,
    sideEffectsDoubled: outcome.audit.crmWritesDoubled.length + outcome.audit.stepsDoubled.length + outcome.audit.slackPostsDoubled.length,
    approvalsLost: outcome.audit.approvalsLost.length + outcome.audit.approvalsDecidedTwice.length + outcome.decidedTwice.length,
    crashes: outcome.crashes.length,
    figures: { seed: outcome.seed, ...outcome.faults, crmWrites: outcome.audit.crmWrites, slackPosts: outcome.audit.slackPosts, approvalsDecided: outcome.decided, secondDecisionsRefused: outcome.conflictsRefused },
  });
  expect(outcome.problems).toEqual([]);
  expect(outcome.runsAsExpected).toBe(runs);
  expect(outcome.audit).toMatchObject({ crmWritesDoubled: [], stepsDoubled: [], slackPostsDoubled: [], approvalsDecidedTwice: [], approvalsLost: [] });
  expect(outcome.decidedTwice).toEqual([]);
  // Every approval got two decisions at once; the second of each pair was refused.
  expect(outcome.conflictsRefused).toBe(outcome.decided);
  expect(outcome.crashes).toEqual([]);
  expect(outcome.secretsInLogs).toEqual([]);
  expect(outcome.audit.crmWrites).toBeGreaterThan(0);
  expect(outcome.decided).toBeGreaterThan(0);
}
