import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWorkflow, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { measure, shout } from './fixture-agents.js';
import { attemptsOf } from './run-inspection.js';

/** The store is the truth: when Redis loses the jobs, the reconciler finds the pending steps and enqueues them again. */
const workflows = [
  defineWorkflow({ name: 'shout_then_measure', version: '1', description: 'two-stage pipeline', input: z.object({ text: z.string() }), root: pipeline('main', [step(shout), step(measure)]) }),
];

let harness: EngineHarness;

beforeAll(async () => {
  harness = await createEngineHarness({ workflows });
});

afterAll(async () => {
  await harness.close();
});

describe('the reconciler', () => {
  it('re-enqueues pending steps whose jobs Redis lost, and a worker then finishes the run', async () => {
    // No worker yet: the first step waits in the queue, then Redis loses it.
    const { runId } = await harness.engine.start('shout_then_measure', { text: 'lost-job-case' });
    const [pending] = attemptsOf(await harness.engine.getRun(runId), 'main/shout');
    expect(await harness.queue.queue.getJobState(pending!.id)).toBe('waiting');
    await harness.queue.queue.obliterate({ force: true });
    expect(await harness.queue.queue.getJob(pending!.id)).toBeUndefined();

    expect(await harness.engine.reconcile()).toEqual({ requeued: 1, advanced: 0 });
    expect(await harness.queue.queue.getJobState(pending!.id)).toBe('waiting');
    // A second pass finds the job there and adds nothing.
    expect(await harness.engine.reconcile()).toEqual({ requeued: 0, advanced: 0 });

    harness.startWorker();
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed']);
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ text: 'LOST-JOB-CASE', length: 13 });
    expect(run.steps.map((entry) => [entry.name, entry.attempt, entry.status])).toEqual([
      ['main/shout', 1, 'succeeded'],
      ['main/measure', 1, 'succeeded'],
    ]);
  });
});
