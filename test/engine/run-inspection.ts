import type { Engine } from '../../src/engine/engine.js';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { DeadLetter } from '../../src/engine/runtime/dead-letters.js';
import { BatonError } from '../../src/errors/index.js';
import type { RunDetail, Step } from '../../src/store/index.js';

/** The one pending approval of a run; fails the test when there is none or more than one. */
export async function pendingApproval(engine: Engine, runId: string): Promise<ApprovalView> {
  const pending = await engine.listApprovals({ runId, status: 'pending' });
  const [approval, ...others] = pending;
  if (approval === undefined || others.length > 0) throw new Error(`run ${runId} has ${pending.length} pending approvals, expected exactly one`);
  return approval;
}

/** A run's dead letters (the engine lists them across runs). */
export async function deadLettersOf(engine: Engine, runId: string): Promise<DeadLetter[]> {
  return (await engine.listDeadLetters({ limit: 500 })).filter((letter) => letter.runId === runId);
}

/** Every attempt recorded for one node key, oldest first. */
export function attemptsOf(run: RunDetail, key: string): Step[] {
  return run.steps.filter((step) => step.name === key).sort((left, right) => left.attempt - right.attempt);
}

export function eventTypes(run: RunDetail): string[] {
  return run.events.map((event) => event.type);
}

/** The BatonError a call rejected with; fails the test if it resolved or threw something else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<BatonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BatonError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a BatonError, but it succeeded');
}
