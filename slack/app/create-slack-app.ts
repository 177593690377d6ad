import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { registerApprovalActions } from '../listeners/approval-actions.js';
import { registerApprovalViews } from '../listeners/approval-views.js';
import { registerDeadLetterActions } from '../listeners/dead-letter-actions.js';
import { registerSlashCommands } from '../listeners/slash-commands.js';
import { SlackHttpReceiver } from '../receivers/http-receiver.js';
import { createBoltLogger } from './bolt-logger.js';
import type { SlackContext } from './slack-context.js';

export type SlackConnection =
  | { readonly mode: 'http'; readonly signingSecret: string; readonly now?: () => number }
  | { readonly mode: 'socket'; readonly appToken: string; readonly clientPingTimeoutMs?: number; readonly serverPingTimeoutMs?: number };

export interface SlackAppOptions {
  readonly botToken: string;
  /** The Web API base URL, `https://slack.com/api/` unless a proxy or a test server stands in. */
  readonly apiUrl: string;
  readonly connection: SlackConnection;
  readonly context: SlackContext;
}

export interface SlackApp {
  readonly app: App;
  /** HTTP mode: the node handler `baton serve` mounts at `/slack`. Undefined in Socket Mode. */
  readonly handle: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined;
  /** Socket Mode connects out here; HTTP mode has nothing to start. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The Bolt app with every listener, over HTTP (a server with a public URL) or Socket Mode (a laptop without one). */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = createBoltLogger(options.context.logger);
  const { connection } = options;
  const clientOptions = { slackApiUrl: options.apiUrl };
  const http = connection.mode === 'http' ? new SlackHttpReceiver({ signingSecret: connection.signingSecret, logger, ...(connection.now === undefined ? {} : { now: connection.now }) }) : undefined;
  const receiver: Receiver =
    http ??
    new SocketModeReceiver({
      appToken: connection.mode === 'socket' ? connection.appToken : '',
      logger,
      installerOptions: { clientOptions },
      ...(connection.mode === 'socket' && connection.clientPingTimeoutMs !== undefined ? { clientPingTimeout: connection.clientPingTimeoutMs } : {}),
      ...(connection.mode === 'socket' && connection.serverPingTimeoutMs !== undefined ? { serverPingTimeout: connection.serverPingTimeoutMs } : {}),
    });
  const app = new App({ token: options.botToken, receiver, logger, clientOptions });
  registerApprovalActions(app, options.context);
  registerApprovalViews(app, options.context);
  registerSlashCommands(app, options.context);
  registerDeadLetterActions(app, options.context);
  app.error(async (error) => {
    options.context.logger.error({ code: error.code, error: error.message }, 'Slack listener failed');
    return Promise.resolve();
  });
  return {
    app,
    handle: http?.handle,
    start: async () => {
      if (connection.mode === 'socket') await app.start();
    },
    stop: async () => {
      if (connection.mode === 'socket') await app.stop();
    },
  };
}
