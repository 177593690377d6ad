import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trigger } from '../../src/engine/triggers/index.js';
import { RecordingStarter } from '../../src/engine/triggers/recording-starter.js';
import { BatonError } from '../../src/errors/index.js';
import { createRedisConnection, QUEUE_NAMES } from '../connection/index.js';
import { captureLogger, TEST_REDIS_URL, uniqueQueuePrefix, waitFor, type CapturedLogger } from '../connection/queue-test-support.js';
import { createEventBus, type EventBus } from './event-bus.js';
import { startEventWorker, type EventWorker } from './event-worker.js';

const TRIGGERS: Trigger[] = [
  { event: 'lead.created', workflow: 'research_account', input: { lead: 'data.lead' }, when: { 'data.lead.source': 'inbound' } },
  { event: 'reply.received', workflow: 'handle_reply', input: { reply: 'data.reply.text' } },
];

const inboundLead = { email: 'ana@northwind.test', source: 'inbound' };

let connection: Redis;
let prefix: string;
let inspector: Queue;
let bus: EventBus;
let worker: EventWorker | undefined;
let starter: RecordingStarter;
let captured: CapturedLogger;

beforeEach(async () => {
  connection = await createRedisConnection(TEST_REDIS_URL, { forWorker: true });
  prefix = uniqueQueuePrefix('events');
  inspector = new Queue(QUEUE_NAMES.events, { connection, prefix });
  captured = captureLogger();
  bus = createEventBus({ connection, prefix, logger: captured.logger });
  starter = new RecordingStarter();
});

afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await bus.close();
  await inspector.obliterate({ force: true });
  await inspector.close();
  await connection.quit();
});

async function startWorker(triggers: readonly Trigger[] = TRIGGERS): Promise<void> {
  worker = await startEventWorker({ connection, prefix, logger: captured.logger, triggers, starter });
}

/** Waits until the event's job is completed or failed, and returns that state. */
function settled(eventId: string): Promise<string> {
  return waitFor(`event ${eventId} to be handled`, async () => {
    const state = await inspector.getJobState(eventId);
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
}

describe('event bus', () => {
  it('starts the mapped workflow with the mapped input, and logs the decision with the event id', async () => {
    await startWorker();
    const eventId = await bus.publish({ type: 'lead.created', data: { lead: inboundLead }, traceId: 'trace-7' });
    expect(await settled(eventId)).toBe('completed');
    expect(starter.calls).toEqual([
      {
        workflow: 'research_account',
        input: { lead: inboundLead },
        options: { trigger: { kind: 'event', eventId, eventType: 'lead.created' }, traceId: 'trace-7', idempotencyKey: `event:${eventId}:0` },
      },
    ]);
    const decision = captured.lines().find((line) => line['msg'] === 'event started workflow');
    expect(decision).toMatchObject({ eventId, workflow: 'research_account', runId: 'run-1', traceId: 'trace-7' });
    expect((await inspector.getJob(eventId))?.returnvalue).toEqual({
      started: [{ workflow: 'research_account', runId: 'run-1', idempotencyKey: `event:${eventId}:0` }],
    });
  });

  it('starts nothing for an event its filters leave out, and completes it at once', async () => {
    await startWorker();
    const started = Date.now();
    const eventId = await bus.publish({ type: 'lead.created', data: { lead: { ...inboundLead, source: 'outbound' } } });
    expect(await settled(eventId)).toBe('completed');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(starter.calls).toEqual([]);
    expect(captured.lines().filter((line) => line['msg'] === 'event started workflow')).toEqual([]);
  });

  it('starts once when the same event is published twice, before and after it is handled', async () => {
    const event = { id: 'evt-dup-1', type: 'lead.created', data: { lead: inboundLead } };
    expect(await bus.publish(event)).toBe('evt-dup-1');
    expect(await bus.publish(event)).toBe('evt-dup-1');
    await startWorker();
    expect(await settled('evt-dup-1')).toBe('completed');
    await bus.publish(event);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starter.calls).toHaveLength(1);
  });

  it('fails an event at once, starting nothing, when a trigger maps a path the event lacks', async () => {
    await startWorker();
    const eventId = await bus.publish({ type: 'reply.received', data: { reply: {} } });
    expect(await settled(eventId)).toBe('failed');
    const job = await inspector.getJob(eventId);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toContain('triggers[1] (reply.received → handle_reply): input.reply maps to "data.reply.text"');
    expect(starter.calls).toEqual([]);
  });

  it('retries a retryable start failure with the same idempotency key, so one run results', async () => {
    starter.failNext(new BatonError('store_unavailable', 'database restarting'));
    await startWorker();
    const eventId = await bus.publish({ type: 'lead.created', data: { lead: inboundLead } });
    expect(await settled(eventId)).toBe('completed');
    expect(starter.calls.map((call) => call.options.idempotencyKey)).toEqual([`event:${eventId}:0`, `event:${eventId}:0`]);
    expect(starter.runCount).toBe(1);
  });

  it('refuses an invalid event before it reaches the queue', async () => {
    const error = await bus.publish({ type: 'LeadCreated', data: {} }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).message).toBe('Event is invalid: type: must be noun.verb in lower case, like lead.created');
    expect(await inspector.getJobCounts()).toMatchObject({ waiting: 0, active: 0 });
  });
});
