import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors/index.js';
import { withTrace } from '../../src/logging/index.js';
import { createRunStore, openStore, RunDetailSchema, type RunStore, type Store } from '../../src/store/index.js';
import { createFaultInjectingSqlClient } from './fault-injecting-sql-client.js';
import { STORE_BACKENDS } from './store-backends.js';

const usage = { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 1000, cacheWriteTokens: 0 };

describe.each(STORE_BACKENDS)('run store on $name', ({ createFixture }) => {
  const backend = createFixture();
  let store: Store;
  let runs: RunStore;

  beforeAll(async () => {
    await backend.setUp();
    store = await openStore(backend.storeOptions());
    runs = store.runs;
  });
  afterAll(async () => {
    await store.close();
    await backend.tearDown();
  });
  beforeEach(() => store.sql.execute('TRUNCATE runs, steps, run_events, approvals, audit_log RESTART IDENTITY CASCADE'));

  const newAgentRun = (name = 'researcher') =>
    runs.createRun({ kind: 'agent', name, version: '3', input: { domain: 'acme.test', tags: ['a', 'b'] } });

  it('round-trips a run with its step, totals and events in camelCase', async () => {
    const run = await newAgentRun();
    const idempotencyKey = `${run.id}:research:1`;
    const step = await runs.startStep({ runId: run.id, name: 'research', agent: 'researcher', input: ['acme.test'], idempotencyKey });
    await runs.completeStep({
      stepId: step.id, output: { summary: 'Acme sells anvils' }, model: 'claude-haiku-5-5', usage, costUsd: 0.0027, latencyMs: 840, confidence: 0.75,
      run: { status: 'succeeded', output: { summary: 'Acme sells anvils' } },
    });

    const detail = await runs.getRun(run.id);
    expect(RunDetailSchema.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({
      id: run.id, traceId: run.id, kind: 'agent', status: 'succeeded', input: { domain: 'acme.test', tags: ['a', 'b'] },
      output: { summary: 'Acme sells anvils' }, error: null, costUsd: 0.0027, inputTokens: 1200, outputTokens: 300,
    });
    expect(detail.startedAt).not.toBeNull();
    expect(detail.finishedAt).not.toBeNull();
    expect(detail.steps).toEqual([
      expect.objectContaining({
        id: step.id, runId: run.id, traceId: run.id, status: 'succeeded', attempt: 1, input: ['acme.test'], output: { summary: 'Acme sells anvils' },
        model: 'claude-haiku-5-5', cacheReadTokens: 1000, costUsd: 0.0027, latencyMs: 840, confidence: 0.75,
      }),
    ]);
    expect(detail.events.map((event) => [event.type, event.step])).toEqual([
      ['run.created', null], ['step.started', 'research'], ['step.completed', 'research'], ['run.finished', null],
    ]);
    expect(detail.events[3]!.data).toEqual({ status: 'succeeded' });
  });

  it('adds each step to the run totals exactly, as a number of dollars', async () => {
    const run = await newAgentRun();
    for (const costUsd of [0.1, 0.2]) {
      const step = await runs.startStep({ runId: run.id, name: `draft-${costUsd}`, input: null });
      await runs.completeStep({ stepId: step.id, output: 'ok', usage, costUsd, simulated: true });
    }
    const detail = await runs.getRun(run.id);
    expect(detail).toMatchObject({ status: 'running', costUsd: 0.3, inputTokens: 2400, outputTokens: 600, simulated: true, finishedAt: null });
  });

  it('failStep stores the BatonError as JSON and can fail the run', async () => {
    const run = await newAgentRun();
    const step = await runs.startStep({ runId: run.id, name: 'research', input: {} });
    const error = new BatonError('model_output_invalid', 'The model answered twice without a valid summary.', { details: { agent: 'researcher' } });
    const failed = await runs.failStep({ stepId: step.id, error, usage, costUsd: 0.01, run: { status: 'failed', error } });

    expect(failed).toMatchObject({
      status: 'failed',
      output: null,
      error: { code: 'model_output_invalid', fault: 'third_party', retryable: false, details: { agent: 'researcher' } },
    });
    const detail = await runs.getRun(run.id);
    expect(detail).toMatchObject({ status: 'failed', costUsd: 0.01, error: { code: 'model_output_invalid' } });
    expect(detail.events.find((event) => event.type === 'step.failed')?.data).toMatchObject({ code: 'model_output_invalid' });
  });

  it('a failure half way through completeStep leaves the step, the run and the events untouched', async () => {
    const run = await newAgentRun();
    const step = await runs.startStep({ runId: run.id, name: 'research', input: {} });
    const breaking = createRunStore({ sql: createFaultInjectingSqlClient(store.sql, /INSERT INTO run_events/) });

    const completing = breaking.completeStep({ stepId: step.id, output: 'x', usage, costUsd: 1, run: { status: 'succeeded' } });
    await expect(completing).rejects.toMatchObject({ code: 'store_failed' });

    const detail = await runs.getRun(run.id);
    expect(detail).toMatchObject({ status: 'running', costUsd: 0, inputTokens: 0, output: null, finishedAt: null });
    expect(detail.steps[0]).toMatchObject({ status: 'running', output: null, costUsd: 0 });
    expect(detail.events.map((event) => event.type)).toEqual(['run.created', 'step.started']);
  });

  it('completeStep for a step that does not exist throws not_found and writes no event', async () => {
    await newAgentRun();
    await expect(runs.completeStep({ stepId: 'no-such-step', output: 'x' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no-such-step'),
    });
    const { rows } = await store.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM run_events WHERE type <> 'run.created'`);
    expect(rows[0]!.count).toBe(0);
  });

  it('a step cannot be completed twice, so its cost is counted once', async () => {
    const run = await newAgentRun();
    const step = await runs.startStep({ runId: run.id, name: 'research', input: {} });
    await runs.completeStep({ stepId: step.id, output: 'first', costUsd: 0.5 });
    await expect(runs.completeStep({ stepId: step.id, output: 'second', costUsd: 0.5 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await runs.getRun(run.id)).toMatchObject({ costUsd: 0.5, steps: [expect.objectContaining({ output: 'first' })] });
  });

  it('refuses a second step with the same idempotency key, and any step on a finished run', async () => {
    const run = await newAgentRun();
    await runs.startStep({ runId: run.id, name: 'research', input: {}, idempotencyKey: 'once' });
    await expect(runs.startStep({ runId: run.id, name: 'research', input: {}, idempotencyKey: 'once' })).rejects.toMatchObject({ code: 'conflict' });
    await runs.finishRun({ runId: run.id, status: 'cancelled' });
    await expect(runs.startStep({ runId: run.id, name: 'write', input: {} })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('cancelled'),
    });
    expect((await runs.getRun(run.id)).steps).toHaveLength(1);
  });

  it('a run cancelled while its step ran stays cancelled but still counts the cost', async () => {
    const run = await newAgentRun();
    const step = await runs.startStep({ runId: run.id, name: 'research', input: {} });
    await runs.finishRun({ runId: run.id, status: 'cancelled' });
    await runs.completeStep({ stepId: step.id, output: 'late', costUsd: 0.2, run: { status: 'succeeded', output: 'late' } });
    expect(await runs.getRun(run.id)).toMatchObject({ status: 'cancelled', output: null, costUsd: 0.2 });
  });

  it('starting a step on an unknown run throws not_found', async () => {
    await expect(runs.startStep({ runId: 'missing', name: 'research', input: {} })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runs.getRun('missing')).rejects.toMatchObject({ code: 'not_found', message: 'Run missing does not exist.' });
    await expect(runs.appendEvent({ runId: 'missing', type: 'note.added' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('takes the trace id from the current trace and links child runs to their parent', async () => {
    const { parent, child } = await withTrace({ traceId: 'trace-123' }, async () => {
      const parent = await runs.createRun({ kind: 'workflow', name: 'inbound', version: '1', input: {} });
      const child = await runs.createRun({ kind: 'agent', name: 'scorer', version: '1', input: {}, parentRunId: parent.id });
      return { parent, child };
    });
    expect(parent.traceId).toBe('trace-123');
    expect(child).toMatchObject({ traceId: 'trace-123', parentRunId: parent.id, status: 'queued' });
    const orphan = runs.createRun({ kind: 'agent', name: 'x', version: '1', input: {}, parentRunId: 'nope' });
    await expect(orphan).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('parentRunId') });
    await expect(runs.createRun({ id: parent.id, kind: 'agent', name: 'x', version: '1', input: {} })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('appends events in order with their data', async () => {
    const run = await newAgentRun();
    const event = await runs.appendEvent({ runId: run.id, type: 'approval.requested', step: 'send', data: { channel: '#sales' } });
    expect(event).toMatchObject({ runId: run.id, traceId: run.traceId, step: 'send', type: 'approval.requested', data: { channel: '#sales' } });
    expect((await runs.getRun(run.id)).events.at(-1)?.id).toBe(event.id);
  });

  it('lists runs newest first, a page at a time, optionally by status', async () => {
    const created = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) created.push(await newAgentRun(name));
    await runs.finishRun({ runId: created[1]!.id, status: 'failed', error: new Error('boom') });

    const first = await runs.listRuns({ limit: 2 });
    const second = await runs.listRuns({ limit: 2, cursor: first.nextCursor! });
    const third = await runs.listRuns({ limit: 2, cursor: second.nextCursor! });
    expect([...first.runs, ...second.runs, ...third.runs].map((run) => run.name)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(third.nextCursor).toBeNull();

    const named = await runs.listRuns({ name: 'c' });
    expect(named.runs.map((run) => run.id)).toEqual([created[2]!.id]);
    expect(await runs.listRuns({ name: 'c', status: 'failed' })).toEqual({ runs: [], nextCursor: null });

    const failed = await runs.listRuns({ status: 'failed' });
    expect(failed.nextCursor).toBeNull();
    expect(failed.runs).toEqual([expect.objectContaining({ name: 'b', error: expect.objectContaining({ code: 'internal', message: 'boom' }) })]);
  });

  it('rejects a bad page size or cursor with input_invalid naming the field', async () => {
    await expect(runs.listRuns({ limit: 0 })).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining('limit') });
    await expect(runs.listRuns({ cursor: 'not-a-run' })).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining('cursor') });
  });
});
