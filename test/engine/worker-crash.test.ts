import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelHarness, type ModelHarness } from '../model/model-harness.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { crashWorkflows } from './crash-workflows.js';
import { tally, whisper } from './error-fixture-agents.js';
import { answerLikeSimulators, requestsMentioning, toolOf } from './fake-model-answers.js';
import { shout } from './fixture-agents.js';
import { attemptsOf } from './run-inspection.js';
import { waitUntil } from './wait-until.js';

/**
 * A worker process is killed with SIGKILL in the middle of a model call; after the lock expires
 * (harness workers: lockDuration 5 s, stalledInterval 1 s) another worker picks the step up and
 * the run finishes, with no completed step run twice.
 */
const WORKER_SCRIPT = 'test/engine/crash-worker-process.ts';

let model: ModelHarness;
let harness: EngineHarness;
let child: ChildProcess | undefined;
let childErrors = '';

beforeAll(async () => {
  model = await startModelHarness();
  answerLikeSimulators(model.fake, [shout, tally, whisper]);
  harness = await createEngineHarness({ workflows: crashWorkflows, model: model.client });
});

afterAll(async () => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await harness.close();
  await model.close();
});

/** Starts the worker process against this harness's database, queue prefix and fake model, and waits for it to listen. */
async function startWorkerProcess(): Promise<ChildProcess> {
  const { rows } = await harness.store.sql.query<{ name: string }>('SELECT current_database() AS name');
  const started = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
    cwd: process.cwd(),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...process.env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${rows[0]!.name}`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_BASE_URL: model.fake.url,
      BATON_MODEL: 'anthropic',
      BATON_LOG_LEVEL: 'silent',
      BATON_TEST_QUEUE_PREFIX: harness.prefix,
    },
  });
  started.stderr?.on('data', (chunk: Buffer) => {
    childErrors += chunk.toString('utf8');
  });
  let ready = false;
  started.on('message', (message) => {
    ready = message === 'ready';
  });
  await waitUntil(
    'the worker process to be ready',
    () => {
      if (started.exitCode !== null) throw new Error(`the worker process exited with ${started.exitCode}: ${childErrors}`);
      return ready ? true : undefined;
    },
    15_000,
  );
  return started;
}

describe('a worker killed mid-step', () => {
  it('has its step finished by another worker after the stall timeout, with no completed step run twice', { timeout: 45_000 }, async () => {
    // The first call for the middle step hangs well past the kill; any later one answers at once.
    model.fake.script(toolOf(tally), { delayMs: 20_000, then: { reply: { text: 'never sent', length: 0 } } });
    child = await startWorkerProcess();
    const { runId } = await harness.engine.start('slow_middle', { text: 'crash-case' });

    await waitUntil('the worker process to call the model for the middle step', () => (requestsMentioning(model.fake, tally, 'CRASH-CASE').length > 0 ? true : undefined), 15_000);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(attemptsOf(await harness.engine.getRun(runId), 'main/tally')).toEqual([expect.objectContaining({ status: 'pending' })]);

    harness.startWorker();
    const run = await harness.waitFor(runId, ['succeeded', 'partial', 'failed'], 20_000);

    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ text: 'crash-case' });
    const [middle, ...again] = attemptsOf(run, 'main/tally');
    expect(again).toEqual([]);
    expect(middle).toMatchObject({ attempt: 1, status: 'succeeded', output: { text: 'CRASH-CASE', length: 10 } });
    expect((await harness.queue.queue.getJob(middle!.id))?.stalledCounter).toBeGreaterThanOrEqual(1);
    // The killed call and the one that finished; the steps around it ran once each.
    expect(requestsMentioning(model.fake, tally, 'CRASH-CASE')).toHaveLength(2);
    expect(requestsMentioning(model.fake, shout, 'crash-case')).toHaveLength(1);
    expect(requestsMentioning(model.fake, whisper, 'CRASH-CASE')).toHaveLength(1);
    expect(run.steps.map((entry) => [entry.name, entry.status])).toEqual([
      ['main/shout', 'succeeded'],
      ['main/tally', 'succeeded'],
      ['main/whisper', 'succeeded'],
    ]);
  });
});
