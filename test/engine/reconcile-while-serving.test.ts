import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueQueuePrefix } from '../../queues/connection/queue-test-support.js';
import { createBaton, type Baton } from '../../src/main/create-baton.js';
import type { OpenedEngine } from '../../src/main/open-engine.js';
import { startWorkers, type WorkerSet } from '../../src/main/start-workers.js';
import { clearQueues } from '../support/clear-queues.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';
import { waitUntil } from './wait-until.js';

let folder: string;
let database: { url: string; drop: () => Promise<void> };
let baton: Baton;
let opened: OpenedEngine;
let serving: WorkerSet;
const prefix = uniqueQueuePrefix('reconcile-serving');

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-reconcile-'));
  await writeFile(path.join(folder, 'baton.config.json'), '{}');
  database = await createTemporaryDatabase('t_reconcile_serving');
  baton = await createBaton({ env: { DATABASE_URL: database.url, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: path.join(folder, 'baton.config.json') }, queuePrefix: prefix });
  opened = await baton.engine();
  // The serve role without step workers: the queued step stays in Redis for the test to lose.
  serving = await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'serve', stepWorkers: 0 });
});
afterAll(async () => {
  await serving.close();
  await baton.close();
  await clearQueues(prefix);
  await database.drop();
  await rm(folder, { recursive: true, force: true });
});

describe('baton serve while Redis loses its jobs', () => {
  it('puts a lost step back on the queue as soon as Redis is back, without a restart', async () => {
    const { runId } = await opened.engine.start('classify_reply', { reply: { text: 'Interested, let us talk next week.' } });
    const [step] = (await opened.engine.getRun(runId)).steps;
    expect(await opened.queue.queue.getJob(step!.id)).toBeDefined();

    // What a Redis restart without persistence does: the jobs are gone, and the connection drops.
    await opened.queue.queue.obliterate({ force: true });
    expect(await opened.queue.queue.getJob(step!.id)).toBeUndefined();
    opened.redis.disconnect(true);

    const job = await waitUntil('the lost step to be queued again', async () => (await opened.queue.queue.getJob(step!.id)) ?? undefined, 10_000);
    expect(job.data).toMatchObject({ runId, stepId: step!.id, key: 'classify', agent: 'reply-classifier' });
  });
});
