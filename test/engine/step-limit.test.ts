import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWorkflow, loop } from '../../src/engine/workflow/define-workflow.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { drafter, reviewer } from './fixture-agents.js';

let harness: EngineHarness;
beforeAll(async () => {
  const draft = defineWorkflow({ name: 'draft', version: '1', description: 'loop', input: z.object({ topic: z.string() }), root: loop('write', { producer: drafter, critic: reviewer, maxIterations: 3 }) });
  harness = await createEngineHarness({ workflows: [draft], maxStepsPerRun: 3 });
  harness.startWorker();
});
afterAll(async () => {
  await harness.close();
});

describe('step limits', () => {
  it('stops a run before it would exceed maxStepsPerRun, saying which limit and how far it got', async () => {
    const run = await harness.waitFor((await harness.engine.start('draft', { topic: 'pass at 3' })).runId, ['failed', 'partial']);
    expect(run.error).toMatchObject({ code: 'budget_exceeded', details: { limit: 'steps', maxSteps: 3, stepsSoFar: 3 } });
    expect(run.steps).toHaveLength(3);
  });
});
