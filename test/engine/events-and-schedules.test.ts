import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEventBus, startEventWorker, type EventBus, type EventWorker } from '../../queues/events/index.js';
import { startScheduleWorker, syncSchedules, type ScheduleWorker } from '../../queues/schedules/index.js';
import { defineWorkflow, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import { createLogger } from '../../src/logging/index.js';
import { createEngineHarness, type EngineHarness } from './engine-harness.js';
import { measure, shout } from './fixture-agents.js';

const logger = createLogger({ level: 'silent' });
let harness: EngineHarness;
let bus: EventBus;
let events: EventWorker;
let schedules: ScheduleWorker;

beforeAll(async () => {
  const workflow = defineWorkflow({ name: 'shout_and_measure', version: '1', description: 'pipeline', input: z.object({ text: z.string() }), root: pipeline('main', [step(shout), step(measure)]) });
  harness = await createEngineHarness({ workflows: [workflow] });
  harness.startWorker();
  const connection = harness.redis;
  const starter = harness.engine;
  bus = createEventBus({ connection, prefix: harness.prefix, logger });
  events = await startEventWorker({ connection, prefix: harness.prefix, logger, starter, triggers: [{ event: 'note.received', workflow: 'shout_and_measure', input: { text: 'data.note' }, when: { 'data.kind': 'loud' } }] });
  schedules = await startScheduleWorker({ connection, prefix: harness.prefix, logger, starter });
});
afterAll(async () => {
  await syncSchedules({ connection: harness.redis, prefix: harness.prefix, schedules: [], logger });
  await Promise.all([events.close(), schedules.close(), bus.close()]);
  await harness.close();
});

async function runsOf(trigger: string): Promise<{ id: string; status: string; output: unknown }[]> {
  const { rows } = await harness.store.sql.query<{ id: string; status: string; output: unknown }>(
    `SELECT r.id, r.status, r.output FROM runs r JOIN run_events e ON e.run_id = r.id AND e.type = 'run.started' WHERE e.data->'trigger'->>'kind' = $1`,
    [trigger],
  );
  return rows;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('events and schedules start real runs through the engine', () => {
  it('starts the triggered workflow with the mapped input, once per event, and ignores filtered events', async () => {
    await bus.publish({ id: 'evt-quiet', type: 'note.received', data: { kind: 'quiet', note: 'psst' } });
    await bus.publish({ id: 'evt-loud', type: 'note.received', data: { kind: 'loud', note: 'hello' } });
    await bus.publish({ id: 'evt-loud', type: 'note.received', data: { kind: 'loud', note: 'hello' } });
    const runs = await eventually(() => runsOf('event'), (found) => found.length > 0 && found.every((run) => run.status === 'succeeded'));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.output).toEqual({ text: 'HELLO', length: 5 });
  });

  it('fires a schedule and starts its workflow', async () => {
    await syncSchedules({
      connection: harness.redis,
      prefix: harness.prefix,
      logger,
      schedules: [{ id: 'every-second', cron: '*/1 * * * * *', timeZone: 'UTC', workflow: 'shout_and_measure', input: { text: 'tick' } }],
    });
    const runs = await eventually(() => runsOf('schedule'), (found) => found.some((run) => run.status === 'succeeded'));
    expect(runs.find((run) => run.status === 'succeeded')?.output).toEqual({ text: 'TICK', length: 4 });
  });
});
