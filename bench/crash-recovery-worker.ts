import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logging/index.js';
import { createAnthropicTransport, createModelClient } from '../src/model/index.js';
import { createPostgresClient } from '../src/store/index.js';
import { benchCrash } from './bench-workflows.js';
import { createBenchEngine, SHIPPED_QUEUE_SETTINGS } from './engine-bench-kit.js';

/**
 * The worker process crash-recovery kills: the production engine and step worker with the
 * shipped queue settings, on the benchmark's database, queue prefix and fake Messages API
 * (passed in the environment). It says `ready` on stdout once its worker is listening, then
 * runs steps until SIGKILL.
 */
const { BENCH_DATABASE_URL: databaseUrl, BENCH_PREFIX: prefix, BENCH_FAKE_URL: fakeUrl, BENCH_API_KEY: apiKey } = process.env;
if (databaseUrl === undefined || prefix === undefined || fakeUrl === undefined || apiKey === undefined) {
  console.error('crash-recovery-worker: set BENCH_DATABASE_URL, BENCH_PREFIX, BENCH_FAKE_URL and BENCH_API_KEY');
  process.exit(2);
}
const logger = createLogger({ level: 'silent' });
const config = loadConfig({ ANTHROPIC_API_KEY: apiKey, ANTHROPIC_BASE_URL: fakeUrl }).model;
const model = createModelClient({ config, transport: createAnthropicTransport({ config, logger }), logger });
const sql = createPostgresClient({ url: databaseUrl, maxConnections: 2, logger });
const bench = await createBenchEngine({ sql, workflows: [benchCrash], logger, label: 'crash', model, prefix });
await bench.startWorkers(1, SHIPPED_QUEUE_SETTINGS.concurrency);
process.stdout.write('ready\n');
