import { createInspectorRoute } from '../../web/index.js';
import type { Baton } from './create-baton.js';
import type { HttpRoute } from './http-server.js';
import type { OpenedEngine } from './open-engine.js';
import { openMetrics } from './open-metrics.js';
import { healthRoute, metricsRoute, readinessRoute } from './ops-routes.js';
import { breakerReadiness, postgresReadiness, redisReadiness, type ReadinessCheck } from './readiness-checks.js';

export interface OperationsRoutesOptions {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  /** More dependencies for `/readyz`, such as the Slack connection, added by whoever owns them. */
  readonly readinessChecks?: readonly ReadinessCheck[];
  readonly startedAt?: Date;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** `/healthz`, `/readyz`, `/metrics` and the run inspector at `/inspector`. */
export async function createOperationsRoutes(options: OperationsRoutesOptions): Promise<HttpRoute[]> {
  const { baton, opened } = options;
  const startedAt = options.startedAt ?? new Date();
  const store = await baton.store();
  const metrics = await openMetrics(baton, { startedAt });
  const checks = [redisReadiness(opened.redis), postgresReadiness(store.sql), breakerReadiness(opened.breakers), ...(options.readinessChecks ?? [])];
  const inspector = createInspectorRoute({
    engine: opened.engine,
    metrics: (input) => metrics.collect(input),
    // The same tokens as MCP over HTTP, each deciding as its reviewer; without one, only a loopback-bound server serves the page.
    access: { tokens: baton.config.mcp.tokens, openWithoutToken: LOOPBACK.has(baton.config.http.host) },
  });
  return [healthRoute(startedAt), readinessRoute(checks), metricsRoute(metrics), inspector];
}
