import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWorkflow, fanOut, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { startModelHarness, type ModelHarness } from '../model/model-harness.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { answerLikeSimulators, requestsMentioning, toolOf } from './fake-model-answers.js';
import { measure, researcherOne, researcherTwo, shout, synthesiser } from './fixture-agents.js';
import { attemptsOf, deadLettersOf, rejectionOf } from './run-inspection.js';

/** A failed run restarts from its failed step: completed steps keep their outputs and are never paid for twice. */
const workflows = [
  defineWorkflow({ name: 'shout_then_measure', version: '1', description: 'two-stage pipeline', input: z.object({ text: z.string() }), root: pipeline('main', [step(shout), step(measure)]) }),
  defineWorkflow({
    name: 'research_with_deadline',
    version: '1',
    description: 'fan-out whose branches have 300 ms each',
    input: z.object({ topic: z.string() }),
    root: fanOut('research', { branches: { one: step(researcherOne), two: step(researcherTwo) }, merge: synthesiser, branchTimeoutMs: 300 }),
  }),
];

const SERVER_DOWN = [{ error: 500 }, { error: 500 }, { error: 500 }] as const;

let model: ModelHarness;
let harness: EngineHarness;

beforeAll(async () => {
  model = await startModelHarness();
  answerLikeSimulators(model.fake, [shout, measure, researcherOne, researcherTwo, synthesiser]);
  harness = await createEngineHarness({ workflows, model: model.client });
  harness.startWorker();
});

afterAll(async () => {
  await harness.close();
  await model.close();
});

describe('restarting a run from its failed step', () => {
  it('retries only the failed second stage: the first is not run or paid for again, and the dead letter is marked retried', async () => {
    model.fake.script(toolOf(measure), ...SERVER_DOWN);
    const { runId } = await harness.engine.start('shout_then_measure', { text: 'restart-case' });
    const failed = await harness.waitFor(runId, ['partial', 'failed', 'succeeded']);
    expect(failed.status).toBe('partial');
    const [letter] = await deadLettersOf(harness.engine, runId);
    expect(letter).toMatchObject({ status: 'open', payload: { key: 'main/measure', attempt: 1 } });

    // The model API is back (the fake answers normally once its script of 500s is used up).
    const retried = await harness.engine.retry(runId, 'U-ops');
    expect(retried.jobs.map((job) => [job.key, job.attempt])).toEqual([['main/measure', 2]]);
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed']);

    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ text: 'RESTART-CASE', length: 12 });
    expect(attemptsOf(run, 'main/shout')).toHaveLength(1);
    expect(requestsMentioning(model.fake, shout, 'restart-case')).toHaveLength(1);
    expect(attemptsOf(run, 'main/measure').map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 'failed'],
      [2, 'succeeded'],
    ]);
    expect(run.events.find((event) => event.type === 'run.retried')?.data).toEqual({ by: 'U-ops', steps: ['main/measure'] });
    expect(await deadLettersOf(harness.engine, runId)).toEqual([expect.objectContaining({ id: letter!.id, status: 'retried', resolvedBy: 'U-ops' })]);
    expect((await rejectionOf(harness.engine.retry(runId, 'U-ops'))).code).toBe('conflict');
  });

  it('retries a run from its dead letter, once', async () => {
    model.fake.script(toolOf(measure), ...SERVER_DOWN);
    const { runId } = await harness.engine.start('shout_then_measure', { text: 'dead-letter-case' });
    await harness.waitFor(runId, ['partial', 'failed', 'succeeded']);
    const [letter] = await deadLettersOf(harness.engine, runId);

    await harness.engine.retryDeadLetter(letter!.id, 'U-ops');
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed']);

    expect(run.status).toBe('succeeded');
    expect(requestsMentioning(model.fake, shout, 'dead-letter-case')).toHaveLength(1);
    expect(await deadLettersOf(harness.engine, runId)).toEqual([expect.objectContaining({ status: 'retried', resolvedBy: 'U-ops' })]);
    const again = await rejectionOf(harness.engine.retryDeadLetter(letter!.id, 'U-ops'));
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringContaining('is retried') as unknown });
    expect((await rejectionOf(harness.engine.discardDeadLetter(letter!.id, 'U-ops'))).code).toBe('conflict');
  });

  // BUG (planner/plan-context.ts evaluateAgent): a step is found by its key alone, so after the
  // timed-out branch succeeds on retry the merge's old success (made without that branch) is
  // reused: the run ends `succeeded` with an output that still says branch one is missing.
  it('merges again with the recovered branch when a partial fan-out is retried', async () => {
    model.fake.script(toolOf(researcherOne), { delayMs: 3_000, then: { reply: { facts: ['too late'] } } });
    const { runId } = await harness.engine.start('research_with_deadline', { topic: 'remerge-case' });
    expect((await harness.waitFor(runId, ['partial', 'failed', 'succeeded'])).status).toBe('partial');

    await harness.engine.retry(runId, 'U-ops');
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed']);

    expect(attemptsOf(run, 'research/one').map((attempt) => attempt.status)).toEqual(['failed', 'succeeded']);
    expect(run.output).toEqual({ summary: 'researcher-one on remerge-case; researcher-two on remerge-case', missing: [] });
    expect(attemptsOf(run, 'research/merge')).toHaveLength(2);
  });
});
