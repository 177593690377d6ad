import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWorkflow, gate, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { shout } from './fixture-agents.js';
import { attemptsOf, pendingApproval, rejectionOf } from './run-inspection.js';

/** No worker runs in this file: a cancelled run's waiting job must disappear, and a paused run holds none. */
const Text = z.object({ text: z.string() });
const workflows = [
  defineWorkflow({ name: 'approve_then_shout', version: '1', description: 'a gate first', input: Text, root: pipeline('main', [gate('approve', 'send_sequence'), step(shout)]) }),
  defineWorkflow({ name: 'just_shout', version: '1', description: 'one step', input: Text, root: step(shout) }),
];

let harness: EngineHarness;

beforeAll(async () => {
  harness = await createEngineHarness({ workflows });
});

afterAll(async () => {
  await harness.close();
});

describe('cancelling a run', () => {
  it('ends a run waiting for a human as cancelled, cancels its approval, and refuses a later decision', async () => {
    const { runId } = await harness.engine.start('approve_then_shout', { text: 'cancel-case' });
    await harness.waitFor(runId, ['waiting_for_human']);
    const approval = await pendingApproval(harness.engine, runId);

    expect(await harness.engine.cancel(runId, 'U-ops')).toEqual({ status: 'cancelled' });

    const run = await harness.engine.getRun(runId);
    expect(run.status).toBe('cancelled');
    expect(run.events.find((event) => event.type === 'run.cancelled')?.data).toEqual({ by: 'U-ops' });
    expect(await harness.engine.getApproval(approval.id)).toMatchObject({ status: 'cancelled', decidedBy: 'U-ops' });
    const late = await rejectionOf(
      harness.engine.decide({ approvalId: approval.id, fingerprint: approval.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-1', via: 'slack' } }),
    );
    expect(late).toMatchObject({ code: 'conflict', details: { status: 'cancelled', decidedBy: 'U-ops' } });
    expect(late.message).toContain('was already cancelled by U-ops');
    expect((await rejectionOf(harness.engine.cancel(runId, 'U-ops'))).code).toBe('conflict');
    expect((await rejectionOf(harness.engine.retry(runId, 'U-ops'))).code).toBe('conflict');
  });

  it('drops the waiting job of a cancelled run, so its step never runs', async () => {
    const { runId } = await harness.engine.start('just_shout', { text: 'queued-cancel-case' });
    const [queued] = attemptsOf(await harness.engine.getRun(runId), 'shout');
    expect(await harness.queue.queue.getJobState(queued!.id)).toBe('waiting');

    await harness.engine.cancel(runId, 'U-ops');

    expect(await harness.queue.queue.getJob(queued!.id)).toBeUndefined();
    expect(attemptsOf(await harness.engine.getRun(runId), 'shout')).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    // Even a reconciler pass after the cancellation does not bring the step back.
    expect(await harness.engine.reconcile()).toEqual({ requeued: 0, advanced: 0 });
  });
});
