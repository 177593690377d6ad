import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/index.js';
import { startHttpServer, type RunningHttpServer } from '../../src/main/http-server.js';
import { healthRoute, readinessRoute } from '../../src/main/ops-routes.js';
import { webApi } from '@slack/bolt';
import { slackReadiness, type ReadinessCheck } from '../../src/main/readiness-checks.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';

/** `/readyz` over a real HTTP server with checks that pass, throw and hang; `/healthz` stays up regardless. */
let healthy = true;
const checks: ReadinessCheck[] = [
  { name: 'redis', check: () => Promise.resolve({ ok: true, detail: 'answered in 0.2 ms' }) },
  { name: 'slack', check: () => (healthy ? Promise.resolve({ ok: true, detail: 'connected' }) : Promise.reject(new Error('socket closed by Slack'))) },
  { name: 'postgres', check: () => (healthy ? Promise.resolve({ ok: true, detail: 'answered' }) : new Promise(() => undefined)) },
];
let server: RunningHttpServer;

beforeAll(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [healthRoute(new Date()), readinessRoute(checks)], logger: createLogger({ level: 'silent' }) });
});
afterAll(async () => {
  await server.close();
});

describe('/readyz', () => {
  it('is 200 when every named check passes', async () => {
    healthy = true;
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { redis: { ok: true, detail: 'answered in 0.2 ms' }, slack: { ok: true, detail: 'connected' }, postgres: { ok: true, detail: 'answered' } } });
  });

  it('is 503 naming a check that failed and one that did not answer in time, while /healthz stays 200', { timeout: 10_000 }, async () => {
    healthy = false;
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.status).toBe('not_ready');
    expect(body.checks['redis']?.ok).toBe(true);
    expect(body.checks['slack']).toEqual({ ok: false, detail: 'socket closed by Slack' });
    expect(body.checks['postgres']).toEqual({ ok: false, detail: 'no answer within 2000 ms' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('the Slack readiness check', () => {
  it('asks Slack auth.test with the bot token, remembers the answer 30 s, and reports a revoked token as not ready', async () => {
    const fake = await FakeSlackApi.start({ botToken: 'xoxb-ready' });
    let clock = 0;
    try {
      const good = slackReadiness(new webApi.WebClient('xoxb-ready', { slackApiUrl: fake.apiUrl }), () => clock);
      expect(await good.check()).toMatchObject({ ok: true, detail: expect.stringMatching(/^workspace Baton Test answered in/) });
      clock += 10_000;
      await good.check();
      expect(fake.calls.filter((call) => call.method === 'auth.test')).toHaveLength(1);
      clock += 30_000;
      await good.check();
      expect(fake.calls.filter((call) => call.method === 'auth.test')).toHaveLength(2);

      const revoked = slackReadiness(new webApi.WebClient('xoxb-revoked', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }), () => clock);
      expect(await revoked.check()).toEqual({ ok: false, detail: expect.stringContaining('invalid_auth') });
    } finally {
      await fake.close();
    }
  });
});
