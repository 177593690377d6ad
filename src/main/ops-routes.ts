import type { ServerResponse } from 'node:http';
import { toBatonError } from '../errors/index.js';
import { respondJson, type HttpRoute } from './http-server.js';
import type { OpenedMetrics } from './open-metrics.js';
import type { ReadinessCheck, ReadinessResult } from './readiness-checks.js';

/** A check that does not answer in this long counts as failed: a readiness probe must not hang. */
const CHECK_TIMEOUT_MS = 2_000;

/** `/healthz`: the process is up and its event loop answers. Nothing else: a dependency's outage must not get it restarted. */
export function healthRoute(startedAt: Date): HttpRoute {
  return {
    name: 'health',
    prefix: '/healthz',
    handle: (_request, response) => { respondJson(response, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000) }); },
  };
}

/** `/readyz`: every check at once; 200 when all pass, 503 naming the ones that did not. */
export function readinessRoute(checks: readonly ReadinessCheck[]): HttpRoute {
  return {
    name: 'readiness',
    prefix: '/readyz',
    handle: async (_request, response) => {
      const results = await Promise.all(checks.map(async (check) => [check.name, await runCheck(check)] as const));
      const ready = results.every(([, result]) => result.ok);
      respondJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) });
    },
  };
}

async function runCheck(check: ReadinessCheck): Promise<ReadinessResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(() => { resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }); }, CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.check().catch((error: unknown) => ({ ok: false, detail: toBatonError(error).message })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `/metrics` for Prometheus; `?since=1h` or `?workflow=name` narrow the window (default the last 24 hours). */
export function metricsRoute(metrics: OpenedMetrics): HttpRoute {
  return {
    name: 'metrics',
    prefix: '/metrics',
    handle: async (request, response) => {
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const input = { ...(query.has('since') ? { since: query.get('since') ?? '' } : {}), ...(query.has('workflow') ? { workflow: query.get('workflow') ?? '' } : {}) };
      try {
        const { contentType, text } = await metrics.prometheus(input);
        respondText(response, 200, contentType, text);
      } catch (thrown) {
        const error = toBatonError(thrown);
        respondJson(response, error.fault === 'user' ? 400 : 500, { error: error.code, message: error.message });
      }
    },
    close: () => metrics.close(),
  };
}

function respondText(response: ServerResponse, status: number, contentType: string, text: string): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
