import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createBaton, type Baton } from '../src/main/create-baton.js';
import { startHttpServer } from '../src/main/http-server.js';
import { createMcpRoute } from '../src/main/mcp-http-route.js';
import type { OpenedEngine } from '../src/main/open-engine.js';
import { startWorkers } from '../src/main/start-workers.js';
import { clearQueues } from '../test/support/clear-queues.js';
import { createTemporaryDatabase } from '../test/support/temporary-database.js';
import type { Benchmark, Figure } from './benchmark-types.js';
import { createFigure } from './create-figure.js';
import { REDIS_URL } from './engine-bench-kit.js';
import { startBareHttpServer } from './mcp-bare-server.js';
import { measureSideBySide, type Summary } from './measure.js';
import { SAMPLE_REPLY } from './sample-reply.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'bench-token-0123456789abcdef';
const RATIO_TARGET = 1.5;
const MEASURE = { warmup: 100, iterations: 1_000, budgetMs: 10_000 } as const;

/**
 * `get_run` of a finished run through Baton's MCP server, against the bare SDK server's no-op
 * tool over the same transport, measured side by side. `get_run` reads the run, its steps and
 * its events from PostgreSQL: that read is part of the figure, as a caller sees it.
 */
export const mcpRoundTrip: Benchmark = {
  name: 'mcp-round-trip',
  description: "MCP get_run of a finished run over stdio (baton mcp) and Streamable HTTP (/mcp), vs a bare SDK server's no-op tool on the same transport",
  async run() {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baton-bench-mcp-'));
    const database = await createTemporaryDatabase('bench_mcp');
    const prefix = `bench-mcp-${process.pid}`;
    await writeFile(path.join(folder, 'baton.config.json'), '{}');
    const env = { DATABASE_URL: database.url, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: path.join(folder, 'baton.config.json'), BATON_QUEUE_PREFIX: prefix, BATON_MCP_TOKEN: TOKEN };
    const baton = await createBaton({ env, queuePrefix: prefix });
    const closers: (() => Promise<unknown>)[] = [];
    try {
      const opened = await baton.engine();
      const runId = await finishedRun(baton, opened);
      const http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [await createMcpRoute(baton, opened)], logger: baton.logger });
      closers.push(() => http.close());
      const bareHttp = await startBareHttpServer();
      closers.push(() => bareHttp.close());
      const clients = {
        stdio: await connect(new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'mcp', '--no-workers'], cwd: ROOT, env: { ...(process.env as Record<string, string>), ...env }, stderr: 'ignore' })),
        bareStdio: await connect(new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', path.join(ROOT, 'bench/mcp-bare-server.ts'), '--stdio'], cwd: ROOT, stderr: 'ignore' })),
        http: await connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } } })),
        bareHttp: await connect(new StreamableHTTPClientTransport(new URL(bareHttp.url))),
      };
      closers.unshift(...Object.values(clients).map((client) => () => client.close()));
      const getRun = (client: Client) => () => client.callTool({ name: 'get_run', arguments: { runId } });
      const noop = (client: Client) => () => client.callTool({ name: 'noop', arguments: {} });
      const stdio = await measureSideBySide({ baton: getRun(clients.stdio), bare: noop(clients.bareStdio), storeRead: () => opened.engine.getRun(runId) }, MEASURE);
      const overHttp = await measureSideBySide({ baton: getRun(clients.http), bare: noop(clients.bareHttp) }, MEASURE);
      // Where the gap goes: the run, its steps and its events read from PostgreSQL, in process, no MCP.
      const storeRead = createFigure({ name: 'of which: the run read from PostgreSQL (engine.getRun), p50', value: stdio.storeRead.p50, unit: 'ms' });
      return [...figures('stdio', stdio), storeRead, ...figures('Streamable HTTP', overHttp)];
    } finally {
      for (const close of closers) await close().catch(() => undefined);
      await baton.close();
      await clearQueues(prefix, REDIS_URL);
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    }
  },
};

async function connect(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools(); // the client caches output schemas, as a host does after listing
  return client;
}

/** A classify_reply run worked to the end by workers in this process, then the workers stop: get_run reads a settled run. */
async function finishedRun(baton: Baton, opened: OpenedEngine): Promise<string> {
  const { runId } = await opened.engine.start('classify_reply', { reply: SAMPLE_REPLY.reply });
  const workers = await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'inline' });
  try {
    for (let poll = 0; poll < 200 && (await opened.engine.getRun(runId)).status !== 'succeeded'; poll += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  } finally {
    await workers.close();
  }
  return runId;
}

function figures(transport: string, measured: Readonly<Record<'baton' | 'bare', Summary>>): Figure[] {
  return (['p50', 'p99'] as const).map((percentile) =>
    createFigure({
      name: `get_run over ${transport}, ${percentile}`,
      value: measured.baton[percentile],
      unit: 'ms',
      baseline: { name: `bare SDK no-op tool over ${transport}, ${percentile}`, value: measured.bare[percentile] },
      target: { op: '<=', value: RATIO_TARGET, of: 'ratio' },
    }),
  );
}

