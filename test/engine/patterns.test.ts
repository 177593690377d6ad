import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineWorkflow, fanOut, gate, loop, pipeline, route, step, voting } from '../../src/engine/workflow/define-workflow.js';
import { z } from 'zod';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { drafter, judge, measure, proposerA, proposerB, researcherOne, researcherTwo, reviewer, shout, sorter, synthesiser } from './fixture-agents.js';

const Text = z.object({ text: z.string() });
const Topic = z.object({ topic: z.string() });

const workflows = [
  defineWorkflow({ name: 'shout_and_measure', version: '1', description: 'pipeline', input: Text, root: pipeline('main', [step(shout), step(measure)]) }),
  defineWorkflow({
    name: 'sort_text',
    version: '1',
    description: 'route',
    input: Text,
    root: route('sort', { router: sorter, threshold: 0.7, branches: { letters: step(shout), digits: step(measure), noise: null } }),
  }),
  defineWorkflow({
    name: 'research',
    version: '1',
    description: 'fan-out',
    input: Topic,
    root: fanOut('research', { branches: { one: step(researcherOne), two: step(researcherTwo) }, merge: synthesiser, branchTimeoutMs: 2_000 }),
  }),
  defineWorkflow({ name: 'draft', version: '1', description: 'loop', input: Topic, root: loop('write', { producer: drafter, critic: reviewer, maxIterations: 3 }) }),
  defineWorkflow({ name: 'title', version: '1', description: 'voting', input: Topic, root: voting('title', { producers: [proposerA, proposerB], judge }) }),
  defineWorkflow({ name: 'shout_with_approval', version: '1', description: 'gate', input: Text, root: pipeline('main', [step(shout), gate('approve', 'send_sequence')]) }),
];

let harness: EngineHarness;
beforeAll(async () => {
  harness = await createEngineHarness({ workflows });
  harness.startWorker();
});
afterAll(async () => {
  await harness.close();
});

describe('workflow patterns end to end on BullMQ, Redis and PostgreSQL', () => {
  it('runs a pipeline, each stage fed the previous output, under one trace id', async () => {
    const { runId } = await harness.engine.start('shout_and_measure', { text: 'hello' });
    const run = await harness.waitFor(runId, ['succeeded']);
    expect(run.output).toEqual({ text: 'HELLO', length: 5 });
    expect(run.steps.map((entry) => [entry.name, entry.status])).toEqual([
      ['main/shout', 'succeeded'],
      ['main/measure', 'succeeded'],
    ]);
    expect(new Set([run.traceId, ...run.steps.map((entry) => entry.traceId), ...run.events.map((event) => event.traceId)])).toEqual(new Set([runId]));
  });

  it('routes by category, and a category with no branch ends the run with no action', async () => {
    const digits = await harness.waitFor((await harness.engine.start('sort_text', { text: '12345' })).runId, ['succeeded']);
    expect(digits.output).toMatchObject({ routing: { category: 'digits', decidedBy: 'router' }, result: { length: 5 } });
    const noise = await harness.waitFor((await harness.engine.start('sort_text', { text: '~~~' })).runId, ['succeeded']);
    expect(noise.output).toMatchObject({ routing: { category: 'noise' }, result: null });
  });

  it('sends a low-confidence classification to a human, whose pick routes the run', async () => {
    const { runId } = await harness.engine.start('sort_text', { text: 'abc?' });
    await harness.waitFor(runId, ['waiting_for_human']);
    const [approval] = await harness.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ kind: 'review', key: 'sort/review', payload: { category: 'letters' } });
    await harness.engine.decide({ approvalId: approval!.id, fingerprint: approval!.fingerprint, decision: { decision: 'edit', payload: { category: 'digits' } }, reviewer: { id: 'U1', via: 'cli' } });
    const run = await harness.waitFor(runId, ['succeeded']);
    expect(run.output).toMatchObject({ routing: { category: 'digits', decidedBy: 'human' }, result: { text: 'abc?', length: 4 } });
    const examples = await harness.engine.labelledExamples({ workflow: 'sort_text' });
    expect(examples.filter((example) => example.runId === runId)).toEqual([
      expect.objectContaining({ approvalId: approval!.id, input: { text: 'abc?' }, label: 'digits', predicted: 'letters', labelledBy: 'U1', via: 'cli', traceId: runId }),
    ]);
  });

  it('fans out in parallel and merges with provenance', async () => {
    const run = await harness.waitFor((await harness.engine.start('research', { topic: 'acme' })).runId, ['succeeded']);
    expect(run.output).toEqual({ summary: 'researcher-one on acme; researcher-two on acme', missing: [] });
    expect(run.steps.map((entry) => entry.name).sort()).toEqual(['research/merge', 'research/one', 'research/two']);
  });

  it('loops producer and critic until the critic passes, feeding back its findings', async () => {
    const run = await harness.waitFor((await harness.engine.start('draft', { topic: 'pass at 2' })).runId, ['succeeded']);
    expect(run.output).toEqual({ draft: 'draft 2 on pass at 2', round: 2 });
    expect(run.steps.map((entry) => entry.name)).toEqual(['write/1/producer', 'write/1/critic', 'write/2/producer', 'write/2/critic']);
  });

  it('escalates to a human with every finding after three failing iterations', async () => {
    const { runId } = await harness.engine.start('draft', { topic: 'never good' });
    await harness.waitFor(runId, ['waiting_for_human']);
    const [approval] = await harness.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ kind: 'escalation', key: 'write/escalation', payload: { round: 3 } });
    expect((approval!.context as { findings: unknown[] }).findings).toHaveLength(3);
  });

  it('asks N producers and returns the candidate the judge picks', async () => {
    const run = await harness.waitFor((await harness.engine.start('title', { topic: 'q4' })).runId, ['succeeded']);
    expect(run.output).toEqual({ title: 'B: q4' });
  });

  it('pauses at a gate holding no job, and resumes on approval', async () => {
    const { runId } = await harness.engine.start('shout_with_approval', { text: 'ship it' });
    await harness.waitFor(runId, ['waiting_for_human']);
    expect(await harness.queue.queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });
    const [approval] = await harness.engine.listApprovals({ runId, status: 'pending' });
    await harness.engine.decide({ approvalId: approval!.id, fingerprint: approval!.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U1', via: 'cli' } });
    const run = await harness.waitFor(runId, ['succeeded']);
    expect(run.output).toEqual({ text: 'SHIP IT', confidence: 0.9 });
  });
});
