import { BatonError } from '../errors/index.js';
import type { Baton } from './create-baton.js';
import { startHttpServer, type RunningHttpServer } from './http-server.js';
import { startSlack } from './slack-runtime.js';

export interface RunningSlack {
  /** The HTTP server's URL in HTTP mode (Slack's request URLs point at `<url>/slack/events`); undefined in Socket Mode. */
  readonly url: string | undefined;
  close(): Promise<void>;
}

/**
 * `baton slack`: the Slack app without step workers, for a deployment that runs them elsewhere.
 * In HTTP mode it listens on BATON_HTTP_HOST:BATON_HTTP_PORT for `/slack/...`; in Socket Mode it
 * connects out and listens on nothing.
 */
export async function runSlackAlone(baton: Baton): Promise<RunningSlack> {
  const opened = await baton.engine();
  const slack = await startSlack({ baton, opened });
  if (slack === undefined) {
    throw new BatonError('config_invalid', 'Slack is not configured: set SLACK_BOT_TOKEN, SLACK_APPROVALS_CHANNEL and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode). See the README section "Slack".');
  }
  const http: RunningHttpServer | undefined = slack.app.handle === undefined ? undefined : await startHttpServer({ ...baton.config.http, routes: [slack.route], logger: baton.logger });
  return {
    url: http?.url,
    close: async () => {
      if (http === undefined) await slack.close();
      else await http.close();
    },
  };
}
