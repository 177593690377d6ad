import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueQueuePrefix } from '../../queues/connection/queue-test-support.js';
import { createBaton, type Baton } from '../../src/main/create-baton.js';
import { startHttpServer, type RunningHttpServer } from '../../src/main/http-server.js';
import type { OpenedEngine } from '../../src/main/open-engine.js';
import { startSlack, type SlackRuntime } from '../../src/main/slack-runtime.js';
import { startWorkers, type WorkerSet } from '../../src/main/start-workers.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { clearQueues } from '../support/clear-queues.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';
import { createSlackSender, type SlackSender } from './signed-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-8f2c';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APPROVALS_CHANNEL = 'CAPPROVALS';
export const ALERTS_CHANNEL = 'CALERTS';
export const REVIEWER = 'UREVIEWER1';
export const GROUP = 'SREVOPS';
export const OUTSIDER = 'UOUTSIDER';

/** Reviewers of the cold sequence's send gate: one named user and a user group. */
export const SETTINGS = {
  reviewPolicies: {
    send_sequence: { risk: 'high', reviewers: { users: [REVIEWER], groups: [GROUP] }, expiresInMinutes: 1_440, onExpiry: 'escalate', escalateTo: { users: ['UMANAGER'], groups: [] } },
  },
};

export function exampleInput(name: string): unknown {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, '../../examples/workflows', `${name}.json`), 'utf8')) as unknown;
}

export interface SlackHarness {
  readonly fake: FakeSlackApi;
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  slack: SlackRuntime;
  sender: SlackSender;
  /** Stops the Slack app (a restart's first half); `startSlackApp` brings it back on the same store. */
  stopSlackApp(): Promise<void>;
  startSlackApp(): Promise<void>;
  close(): Promise<void>;
}

/** Baton on the real PostgreSQL and Redis, its Slack app over HTTP on 127.0.0.1, and the fake Slack Web API behind it. */
export interface SlackHarnessOptions {
  readonly settings?: unknown;
  readonly syncEveryMs?: number;
  /** Extra environment, e.g. Socket Mode's SLACK_MODE and SLACK_APP_TOKEN. */
  readonly env?: Readonly<Record<string, string>>;
  /** What the fake's `apps.connections.open` returns. */
  readonly socket?: { readonly url: string; readonly appToken: string };
}

export async function createSlackHarness(label: string, options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `baton-slack-${label}-`));
  const database = await createTemporaryDatabase(`t_slack_${label.replaceAll('-', '_')}`);
  const prefix = uniqueQueuePrefix(`slack-${label}`);
  const fake = await FakeSlackApi.start({ botToken: BOT_TOKEN, ...(options.socket === undefined ? {} : { socketUrl: options.socket.url, appToken: options.socket.appToken }) });
  fake.setGroupMembers(GROUP, ['UGROUPMEMBER1', 'UGROUPMEMBER2']);
  const settingsFile = path.join(folder, 'baton.config.json');
  await writeFile(settingsFile, JSON.stringify(options.settings ?? SETTINGS));
  const env = {
    DATABASE_URL: database.url,
    BATON_MODEL: 'offline',
    BATON_LOG_LEVEL: process.env['SLACK_TEST_LOG_LEVEL'] ?? 'silent',
    BATON_CONFIG: settingsFile,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_APPROVALS_CHANNEL: APPROVALS_CHANNEL,
    SLACK_ALERTS_CHANNEL: ALERTS_CHANNEL,
    SLACK_API_URL: fake.apiUrl,
    ...options.env,
  };
  const baton = await createBaton({ env, queuePrefix: prefix });
  const opened = await baton.engine();
  const workers: WorkerSet = await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'worker', stepWorkers: 1 });
  let http: RunningHttpServer | undefined;
  const harness: SlackHarness = {
    fake,
    baton,
    opened,
    slack: undefined as unknown as SlackRuntime,
    sender: undefined as unknown as SlackSender,
    async startSlackApp() {
      const slack = await startSlack({ baton, opened, syncEveryMs: options.syncEveryMs ?? 200 });
      if (slack === undefined) throw new Error('Slack did not start: the harness sets SLACK_BOT_TOKEN');
      harness.slack = slack;
      http = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [slack.route], logger: baton.logger });
      harness.sender = createSlackSender(`${http.url}/slack/events`, SIGNING_SECRET);
    },
    async stopSlackApp() {
      await http?.close();
      http = undefined;
    },
    async close() {
      await http?.close();
      await workers.close();
      await baton.close();
      await fake.close();
      await clearQueues(prefix);
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  await harness.startSlackApp();
  return harness;
}

/** Polls until `read` returns a value; no test waits forever. */
export async function eventually<T>(what: string, read: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
