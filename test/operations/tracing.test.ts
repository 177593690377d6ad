import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStepWorker } from '../../queues/steps/index.js';
import { loadConfig } from '../../src/config.js';
import { defineWorkflow, fanOut, step } from '../../src/engine/workflow/define-workflow.js';
import { createLogger } from '../../src/logging/index.js';
import { createStepTracing, type StepTracing } from '../../src/main/tracing-steps.js';
import { createEngineHarness, type EngineHarness } from '../engine/engine-harness.js';
import { researcherOne, researcherTwo, synthesiser } from '../engine/fixture-agents.js';

/**
 * Spans per run and step sent by the real OTLP/HTTP exporter to a receiver on 127.0.0.1 that
 * decodes the JSON export: one trace per run, its id the run id, every step a child of the run.
 */
interface OtlpValue { readonly stringValue?: string; readonly intValue?: number | string; readonly doubleValue?: number }
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: readonly { readonly key: string; readonly value: OtlpValue }[];
}
interface OtlpExport {
  readonly resourceSpans: readonly { readonly resource: { readonly attributes: OtlpSpan['attributes'] }; readonly scopeSpans: readonly { readonly spans: readonly OtlpSpan[] }[] }[];
}

const workflows = [defineWorkflow({ name: 'research', version: '1', description: 'fan-out', input: z.object({ topic: z.string() }), root: fanOut('research', { branches: { one: step(researcherOne), two: step(researcherTwo) }, merge: synthesiser, branchTimeoutMs: 5_000 }) })];
const exports: { path: string; contentType: string; body: OtlpExport }[] = [];
let receiver: Server;
let harness: EngineHarness;
let tracing: StepTracing;
let worker: Worker;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      exports.push({ path: request.url ?? '', contentType: request.headers['content-type'] ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  harness = await createEngineHarness({ workflows });
  const logger = createLogger({ level: 'silent' });
  tracing = createStepTracing({ endpoint: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, sql: harness.store.sql, redis: harness.redis, prefix: harness.prefix, logger });
  worker = createStepWorker({ connection: harness.redis.duplicate(), prefix: harness.prefix, engine: tracing.wrap(harness.engine), logger, concurrency: 4, lockDurationMs: 5_000, stalledIntervalMs: 1_000 });
});

afterAll(async () => {
  await worker.close();
  await harness.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? value?.doubleValue : Number(value.intValue));
};

describe('tracing export', () => {
  it('is off unless an OTLP endpoint is configured', () => {
    expect(loadConfig({}).tracing.otlpEndpoint).toBeUndefined();
    expect(loadConfig({ BATON_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).tracing.otlpEndpoint).toBe('http://127.0.0.1:4318');
    expect(() => loadConfig({ BATON_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/BATON_OTLP_ENDPOINT/);
  });

  it('sends one trace per run, its id the run id, with a span per step under the run span', { timeout: 20_000 }, async () => {
    const { runId } = await harness.engine.start('research', { topic: 'acme' });
    await harness.waitFor(runId, ['succeeded']);
    await tracing.shutdown();
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.every((entry) => entry.path === '/v1/traces' && entry.contentType.startsWith('application/json'))).toBe(true);
    const spans = exports.flatMap((entry) => entry.body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
    const serviceNames = exports.flatMap((entry) => entry.body.resourceSpans.map((resource) => resource.resource.attributes.find((item) => item.key === 'service.name')?.value.stringValue));
    expect(new Set(serviceNames)).toEqual(new Set(['baton']));
    const traceId = runId.replaceAll('-', '');
    expect(spans.every((span) => span.traceId === traceId)).toBe(true);
    const run = spans.find((span) => span.name === 'run research');
    expect(run).toBeDefined();
    expect(run?.parentSpanId ?? '').toBe('');
    expect(attribute(run!, 'baton.run.status')).toBe('succeeded');
    const steps = spans.filter((span) => span.name.startsWith('step '));
    expect(steps.map((span) => attribute(span, 'baton.step')).sort()).toEqual(['research/merge', 'research/one', 'research/two']);
    expect(steps.every((span) => span.parentSpanId === run?.spanId)).toBe(true);
    expect(steps.every((span) => attribute(span, 'baton.step.status') === 'succeeded' && attribute(span, 'baton.run_id') === runId)).toBe(true);
    // The run span covers its steps.
    const nanos = (value: string) => BigInt(value);
    expect(steps.every((span) => nanos(span.startTimeUnixNano) >= nanos(run!.startTimeUnixNano) && nanos(span.endTimeUnixNano) <= nanos(run!.endTimeUnixNano) + 50_000_000n)).toBe(true);
  });
});
