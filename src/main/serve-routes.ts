import type { Baton } from './create-baton.js';
import type { HttpRoute } from './http-server.js';
import { createMcpRoute } from './mcp-http-route.js';
import type { OpenedEngine } from './open-engine.js';
import { createOperationsRoutes } from './ops-serve-routes.js';
import { slackReadiness } from './readiness-checks.js';
import { startSlack } from './slack-runtime.js';

export interface ServeRoutesOptions {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
}

/**
 * Everything `baton serve` answers over HTTP. Each interface contributes its own routes here,
 * the one place that knows them all.
 */
export async function createServeRoutes(options: ServeRoutesOptions): Promise<HttpRoute[]> {
  const slack = await startSlack(options);
  const readinessChecks = slack === undefined ? [] : [slackReadiness(slack.app.app.client)];
  return [...(await createOperationsRoutes({ ...options, readinessChecks })), await createMcpRoute(options.baton, options.opened), ...(slack === undefined ? [] : [slack.route])];
}
