import { createLogger } from '../src/logging/index.js';
import { createPostgresClient } from '../src/store/index.js';
import { benchGated, HIGH_RISK_POLICIES } from './bench-workflows.js';
import { collectGarbage, createBenchEngine, SHIPPED_QUEUE_SETTINGS } from './engine-bench-kit.js';

/**
 * The step worker process paused-runs watches: the production engine and step worker with the
 * shipped queue settings, on the benchmark's database and queue prefix (from the environment).
 * Over IPC it says `ready`, reports each completed step's run, answers `snapshot` with its heap
 * after a full collection and its active handles and timers by type, and exits on `stop`.
 */
export type PausedWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'completed'; readonly runId: string }
  | { readonly type: 'snapshot'; readonly heapUsed: number; readonly resources: Readonly<Record<string, number>> };

const { BENCH_DATABASE_URL: databaseUrl, BENCH_PREFIX: prefix } = process.env;
const send = process.send?.bind(process);
if (databaseUrl === undefined || prefix === undefined || send === undefined) {
  console.error('paused-runs-worker: run by paused-runs with an IPC channel, BENCH_DATABASE_URL and BENCH_PREFIX');
  process.exit(2);
}
const reply = (message: PausedWorkerMessage) => send(message);

const logger = createLogger({ level: 'silent' });
const sql = createPostgresClient({ url: databaseUrl, maxConnections: 2, logger });
const bench = await createBenchEngine({ sql, workflows: [benchGated], logger, label: 'paused', prefix, policies: HIGH_RISK_POLICIES });
const [worker] = await bench.startWorkers(1, SHIPPED_QUEUE_SETTINGS.concurrency);
worker?.on('completed', (job) => reply({ type: 'completed', runId: job.data.runId }));

process.on('message', (message: { type?: string }) => {
  if (message.type === 'snapshot') {
    void collectGarbage().then((heapUsed) => {
      const resources: Record<string, number> = {};
      for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
      reply({ type: 'snapshot', heapUsed, resources });
    });
  } else if (message.type === 'stop') {
    // The queue is the parent's: close the worker and connections without removing its keys.
    void Promise.allSettled([worker?.close(), sql.close()]).then(() => process.exit(0));
  }
});
reply({ type: 'ready' });
