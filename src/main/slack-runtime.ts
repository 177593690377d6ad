import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Worker } from 'bullmq';
import type { CrmAdapter } from '../../crm/adapter/index.js';
import { webApi } from '@slack/bolt';
import { createCardStore, createReviewerDirectory, createSlackApp, type SlackApp, type SlackContext } from '../../slack/index.js';
import type { SlackConfig } from '../config.js';
import type { Baton } from './create-baton.js';
import { respondJson, type HttpRoute } from './http-server.js';
import type { OpenedEngine } from './open-engine.js';
import { registerSlackQueue } from './slack-event-relay.js';
import { createSlackQueue, startSlackWorker, type SlackQueue } from './slack-work-queue.js';

/** How often the card sync runs: a new approval's card appears within this, and a restart reconciles at once. */
const SYNC_EVERY_MS = 2_000;

export interface SlackRuntime {
  readonly app: SlackApp;
  readonly context: SlackContext;
  readonly queue: SlackQueue;
  /** `/slack/...` on `baton serve`'s HTTP server: Bolt in HTTP mode, a pointer to Socket Mode otherwise. */
  readonly route: HttpRoute;
  close(): Promise<void>;
}

export interface StartSlackOptions {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  /** Tests run the sync faster and the clock their own way. */
  readonly syncEveryMs?: number;
  readonly now?: () => Date;
}

/** The Slack app when SLACK_BOT_TOKEN is set: Bolt (HTTP or Socket Mode), its queue worker and schedules, and a first sync. */
export async function startSlack(options: StartSlackOptions): Promise<SlackRuntime | undefined> {
  const config = options.baton.config.slack;
  if (config === undefined) return undefined;
  const { baton, opened } = options;
  const logger = baton.logger.child({ component: 'slack' });
  const store = await baton.store();
  const client = new webApi.WebClient(config.botToken, { slackApiUrl: config.apiUrl, logLevel: webApi.LogLevel.WARN });
  const queue = createSlackQueue({ connection: opened.redis, prefix: opened.prefix });
  const context: SlackContext = {
    engine: opened.engine,
    client,
    cards: createCardStore(store.sql),
    reviewers: createReviewerDirectory(client),
    work: queue,
    logger,
    channels: { approvals: config.approvalsChannel, alerts: config.alertsChannel },
    triage: baton.settings.slack.triage,
    reminderMinutes: config.reminderMinutes,
    respond: (url, message) => respondTo(url, message),
    findAccount: async (name) => findAccountByName((await baton.crm()).crm, name),
    now: options.now ?? (() => new Date()),
  };
  const app = createSlackApp({ botToken: config.botToken, apiUrl: config.apiUrl, connection: connectionOf(config), context });
  const worker: Worker = await startSlackWorker({ connection: opened.redis, prefix: opened.prefix, context, logger, settings: baton.settings.queues });
  await queue.schedule({ syncEveryMs: options.syncEveryMs ?? SYNC_EVERY_MS, digest: config.digest });
  await queue.enqueue({ kind: 'sync' });
  await app.start();
  const unregister = registerSlackQueue(opened, queue);
  logger.info({ mode: config.mode, approvalsChannel: config.approvalsChannel, alertsChannel: config.alertsChannel }, 'Slack app started');
  const close = async () => {
    unregister();
    await app.stop();
    await worker.close();
    await queue.close();
  };
  return { app, context, queue, route: routeOf(app, close), close };
}

function connectionOf(config: SlackConfig) {
  if (config.mode === 'socket') return { mode: 'socket' as const, appToken: config.appToken ?? '' };
  return { mode: 'http' as const, signingSecret: config.signingSecret ?? '' };
}

function routeOf(app: SlackApp, close: () => Promise<void>): HttpRoute {
  const handle =
    app.handle ??
    ((_request: IncomingMessage, response: ServerResponse) => {
      respondJson(response, 404, { error: 'not_found', message: 'The Slack app runs in Socket Mode: Slack reaches it over its own connection, not here.' });
      return Promise.resolve();
    });
  return { name: 'slack', prefix: '/slack', handle, close };
}

/** A slash command's `response_url` takes the reply as JSON; it is valid for 30 minutes and five uses. */
async function respondTo(url: string, message: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}

/** An account by its exact name, and the bare domain of its website (`https://www.acme.com/` → `acme.com`). */
async function findAccountByName(crm: CrmAdapter, name: string): Promise<{ name: string; domain: string } | undefined> {
  const [account] = await crm.query({ type: 'Account', where: { Name: name }, fields: ['Name', 'Website'], limit: 1 });
  const website = account?.fields['Website'];
  if (typeof website !== 'string') return undefined;
  const domain = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(website.trim())?.[1]?.toLowerCase();
  return domain === undefined ? undefined : { name, domain };
}
