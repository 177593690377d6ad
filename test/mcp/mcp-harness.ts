import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { uniqueQueuePrefix } from '../../queues/connection/queue-test-support.js';
import { createBaton, type Baton } from '../../src/main/create-baton.js';
import { createMcpServerFactory, type McpServerFactory } from '../../src/main/mcp-ports.js';
import type { OpenedEngine } from '../../src/main/open-engine.js';
import { startWorkers, type WorkerSet } from '../../src/main/start-workers.js';
import { clearQueues } from '../support/clear-queues.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';

export interface McpHarness {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  readonly factory: McpServerFactory;
  /** DATABASE_URL, offline model, silent logs, the test's settings file and queue prefix: for a child `baton mcp`. */
  readonly env: Readonly<Record<string, string>>;
  readonly prefix: string;
  /** A real SDK Client linked to a fresh server in this process. */
  connect(): Promise<Client>;
  /** Starts step workers in this process (not started unless asked, so a test can hold a run mid-way). */
  startWorkers(): Promise<void>;
  /** Stops them: runs started now wait in the queue. */
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface McpHarnessOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly settings?: unknown;
  readonly workers?: boolean;
}

/** Baton on the real PostgreSQL server (a database per file) and real Redis (a queue prefix per file), with its MCP server. */
export async function createMcpHarness(label: string, options: McpHarnessOptions = {}): Promise<McpHarness> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `baton-mcp-${label}-`));
  const database = await createTemporaryDatabase(`t_mcp_${label.replaceAll('-', '_')}`);
  const prefix = uniqueQueuePrefix(`mcp-${label}`);
  const settingsFile = path.join(folder, 'baton.config.json');
  await writeFile(settingsFile, JSON.stringify(options.settings ?? {}));
  const env = { DATABASE_URL: database.url, BATON_MODEL: 'offline', BATON_LOG_LEVEL: 'silent', BATON_CONFIG: settingsFile, BATON_QUEUE_PREFIX: prefix, ...options.env };
  const baton = await createBaton({ env, queuePrefix: prefix });
  const opened = await baton.engine();
  const factory = await createMcpServerFactory(baton, opened);
  const clients: Client[] = [];
  const workerSets: WorkerSet[] = [];
  const harness: McpHarness = {
    baton,
    opened,
    factory,
    env,
    prefix,
    async connect() {
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await factory.createServer().connect(serverSide);
      const client = new Client({ name: 'baton-test', version: '1.0.0' });
      await client.connect(clientSide);
      clients.push(client);
      return client;
    },
    async startWorkers() {
      workerSets.push(await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'inline' }));
    },
    async stopWorkers() {
      await Promise.all(workerSets.splice(0).map((workers) => workers.close()));
    },
    async close() {
      await Promise.allSettled(clients.map((client) => client.close()));
      await Promise.all(workerSets.map((workers) => workers.close()));
      await baton.close();
      await clearQueues(prefix);
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  if (options.workers !== false) await harness.startWorkers();
  return harness;
}

