import { Redis } from 'ioredis';
import { createAgentRunner, createPromptLibrary } from '../../agents/index.js';
import { createBullStepQueue, createStepWorker } from '../../queues/steps/index.js';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/engine.js';
import { createWorkflowCatalog } from '../../src/engine/workflow/workflow-catalog.js';
import { createLogger } from '../../src/logging/index.js';
import { createModel } from '../../src/main/create-model.js';
import { openStore } from '../../src/store/index.js';
import { crashWorkflows } from './crash-workflows.js';

/**
 * A step worker in a process of its own, wired as production wires one, for the durability test
 * to SIGKILL in the middle of a step. The database, Redis and model API come from the usual
 * environment variables; the queue prefix from BATON_TEST_QUEUE_PREFIX. It says `ready` over
 * IPC once its worker listens, and exits when its parent goes away.
 */
const prefix = process.env['BATON_TEST_QUEUE_PREFIX'];
if (prefix === undefined || prefix === '') throw new Error('Set BATON_TEST_QUEUE_PREFIX to the queue prefix of the test harness.');
process.on('disconnect', () => process.exit(0));

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel ?? 'silent' });
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const runner = createAgentRunner({ model: createModel(config, logger), prompts: createPromptLibrary(config.promptsDir), logger });
const engine = createEngine({ sql: store.sql, queue: createBullStepQueue({ connection: redis, prefix }), workflows: createWorkflowCatalog(crashWorkflows), runner, logger });
// The same lock settings as the harness's workers, so the test's recovery timing holds.
const worker = createStepWorker({ connection: redis.duplicate(), prefix, engine, logger, concurrency: 1, lockDurationMs: 5_000, stalledIntervalMs: 1_000 });
await worker.waitUntilReady();
process.send?.('ready');
