import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueQueuePrefix } from '../../queues/connection/queue-test-support.js';
import { createBaton, type Baton } from '../../src/main/create-baton.js';
import { answerLikeSimulators, toolOf } from '../engine/fake-model-answers.js';
import { waitUntil } from '../engine/wait-until.js';
import { FakeAnthropicServer } from '../fakes/fake-anthropic-server.js';
import { deleteRedisKeys } from '../support/delete-redis-keys.js';
import { createTemporaryDatabase } from '../support/temporary-database.js';
import { startBatonProcess, type BatonProcess } from './baton-process.js';

/**
 * `baton serve` and `baton worker` as real processes on the real database, Redis and a fake
 * Messages API: health and readiness, metrics over HTTP, and SIGTERM in the middle of a step.
 */
const TOOL = toolOf({ name: 'reply-classifier' });
const INPUT = { reply: { from: 'dana@northwind.example', subject: 'Re: hello', text: "Interested, let's talk next week.", receivedAt: '2026-11-20T15:42:00Z' } };

let fake: FakeAnthropicServer;
let database: { url: string; drop: () => Promise<void> };
let baton: Baton;
let env: Record<string, string>;
const prefix = uniqueQueuePrefix('ops-serve');
const processes: BatonProcess[] = [];

beforeAll(async () => {
  fake = new FakeAnthropicServer();
  await fake.start();
  database = await createTemporaryDatabase('t_ops_serve');
  const settings = path.join(os.tmpdir(), `baton-ops-${process.pid}.json`);
  await writeFile(settings, '{}');
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    BATON_QUEUE_PREFIX: prefix,
    ANTHROPIC_API_KEY: 'test-key',
    ANTHROPIC_BASE_URL: fake.url,
    BATON_MODEL: 'anthropic',
    BATON_CONFIG: settings,
    BATON_HTTP_PORT: '0',
  };
  baton = await createBaton({ env: { ...env, BATON_LOG_LEVEL: 'silent' }, queuePrefix: prefix });
  answerLikeSimulators(fake, [baton.agents.get('reply-classifier')]);
  await baton.engine();
}, 30_000);

afterAll(async () => {
  await Promise.all(processes.map((child) => child.kill()));
  const opened = await baton.engine();
  await opened.queue.queue.obliterate({ force: true });
  await baton.close();
  const redis = new Redis('redis://127.0.0.1:6379');
  await deleteRedisKeys(redis, `${prefix}:*`);
  await redis.quit();
  await database.drop();
  await fake.close();
});

async function start(args: readonly string[], extra: Record<string, string> = {}): Promise<BatonProcess> {
  const started = await startBatonProcess(args, { ...env, ...extra });
  processes.push(started);
  return started;
}

/** Starts a run and waits until its classifier call has reached the model: the step is in flight. */
async function runInFlight(): Promise<string> {
  const before = fake.requestsFor(TOOL).length;
  const { runId } = await (await baton.engine()).engine.start('classify_reply', INPUT);
  await waitUntil('the step to reach the model', () => (fake.requestsFor(TOOL).length > before ? true : undefined), 15_000);
  return runId;
}

async function stepsOf(runId: string) {
  return (await (await baton.engine()).engine.getRun(runId)).steps;
}

describe('baton serve over HTTP', () => {
  it('answers /healthz, /readyz with each dependency, /metrics in Prometheus format, and the inspector behind the MCP token', { timeout: 60_000 }, async () => {
    const token = 'serve-inspector-token-0123456789';
    const server = await start(['serve'], { BATON_MCP_TOKEN: token });
    // No OTLP endpoint configured: tracing export is off and says so.
    expect(server.stderr()).toContain('"tracing":"off"');
    const health = await fetch(`${server.url()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${server.url()}/readyz`);
    const readiness = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
    expect(ready.status).toBe(200);
    expect(readiness.status).toBe('ready');
    expect(Object.keys(readiness.checks).sort()).toEqual(expect.arrayContaining(['breakers', 'postgres', 'redis']));
    expect(readiness.checks['redis']?.ok).toBe(true);
    const metrics = await fetch(`${server.url()}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const families = parsePrometheusTextFormat(await metrics.text());
    expect(families.find((family) => family.name === 'baton_queue_jobs')?.metrics.length).toBeGreaterThan(0);
    expect(families.find((family) => family.name === 'baton_uptime_seconds')?.metrics[0]?.value).toBeDefined();
    const refused = await fetch(`${server.url()}/metrics?since=forever`);
    expect(refused.status).toBe(400);
    expect((await fetch(`${server.url()}/inspector`)).status).toBe(401);
    const inspector = await fetch(`${server.url()}/inspector?workflow=classify_reply`, { headers: { authorization: `Bearer ${token}` } });
    expect(inspector.status).toBe(200);
    expect(await inspector.text()).toContain('<option value="classify_reply" selected>');
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});

describe('SIGTERM during a step', () => {
  it('lets the step finish within the deadline, then exits 0 with the run complete', { timeout: 60_000 }, async () => {
    const server = await start(['serve'], { BATON_SHUTDOWN_DEADLINE_MS: '15000' });
    fake.script(TOOL, { delayMs: 1_500, then: { reply: { category: 'positive', confidence: 0.95, reason: 'asked to talk next week' } } });
    const runId = await runInFlight();
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const run = await (await baton.engine()).engine.getRun(runId);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((step) => [step.name, step.status, step.attempt])).toEqual([[expect.any(String), 'succeeded', 1]]);
    expect(server.stderr()).toContain('"handedBack":0');
  });

  it('hands an unfinished step back at the deadline, exits 0, and another worker completes it at once', { timeout: 90_000 }, async () => {
    const server = await start(['serve'], { BATON_SHUTDOWN_DEADLINE_MS: '500' });
    fake.script(TOOL, { delayMs: 30_000, then: { reply: { category: 'positive', confidence: 0.95, reason: 'too late' } } });
    const runId = await runInFlight();
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(server.stderr()).toContain('"handedBack":1');
    const steps = new Queue('steps', { connection: (await baton.engine()).redis, prefix });
    const counts = await steps.getJobCounts('wait', 'delayed', 'active');
    await steps.close();
    expect(counts['active']).toBe(0);
    expect((counts['wait'] ?? 0) + (counts['delayed'] ?? 0)).toBe(1);
    expect((await stepsOf(runId)).map((step) => step.status)).toEqual(['pending']);

    const worker = await start(['worker']);
    const ready = Date.now();
    const finished = await waitUntil('the run to finish on the new worker', async () => {
      const run = await (await baton.engine()).engine.getRun(runId);
      return run.status === 'succeeded' ? run : undefined;
    }, 20_000);
    // Handed back, not recovered by the stall check: the new worker did not wait for a lock to expire.
    expect(Date.now() - ready).toBeLessThan(5_000);
    expect(finished.steps.map((step) => [step.status, step.attempt])).toEqual([['succeeded', 1]]);
    expect(finished.output).toMatchObject({ category: 'positive' });
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  });

  it('exits at once on a second signal', { timeout: 60_000 }, async () => {
    const server = await start(['serve'], { BATON_SHUTDOWN_DEADLINE_MS: '60000' });
    fake.script(TOOL, { delayMs: 30_000, then: { reply: { category: 'positive', confidence: 0.95, reason: 'too late' } } });
    await runInFlight();
    server.child.kill('SIGTERM');
    await waitUntil('the first signal to be seen', () => (server.stderr().includes('SIGTERM received') ? true : undefined));
    const second = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 143, signal: null });
    expect(Date.now() - second).toBeLessThan(2_000);
    expect(server.stderr()).toContain('SIGTERM again: exiting now');
  });
});
