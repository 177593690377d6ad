import { BatonError, formatZodIssues } from '../../src/errors/index.js';
import { DomainEventSchema, matchTriggers, type DomainEvent, type Trigger, type WorkflowStarter } from '../../src/engine/triggers/index.js';
import { withTrace, type Logger } from '../../src/logging/index.js';

export interface EventHandlerContext {
  readonly triggers: readonly Trigger[];
  readonly starter: WorkflowStarter;
  readonly logger: Logger;
  /** Also told of every event of their types (the Slack app's alerts); a retryable failure retries the event, so they must be idempotent. */
  readonly observers?: readonly EventObserver[];
}

export interface EventObserver {
  readonly types: readonly string[];
  observe(event: DomainEvent): Promise<void>;
}

export interface StartedByEvent {
  readonly workflow: string;
  readonly runId: string;
  readonly idempotencyKey: string;
}

/** Kept as the job's return value, so a queue dashboard shows what each event started. */
export interface EventOutcome {
  readonly started: readonly StartedByEvent[];
}

/** Starts every workflow an event's triggers select; an event nobody listens for starts nothing. */
export async function handleEvent(data: unknown, context: EventHandlerContext): Promise<EventOutcome> {
  const event = parseEventJob(data);
  const work = async () => {
    const outcome = await startMatches(event, context);
    for (const observer of context.observers ?? []) if (observer.types.includes(event.type)) await observer.observe(event);
    return outcome;
  };
  return event.traceId === undefined ? work() : withTrace({ traceId: event.traceId }, work);
}

async function startMatches(event: DomainEvent, context: EventHandlerContext): Promise<EventOutcome> {
  const fields = { eventId: event.id, eventType: event.type };
  const matches = matchTriggers(context.triggers, event);
  if (matches.length === 0) {
    context.logger.debug(fields, 'event matched no trigger; nothing started');
    return { started: [] };
  }
  const started: StartedByEvent[] = [];
  // One at a time: on a failure, the retry re-sends the same keys and the engine returns the runs already started.
  for (const match of matches) {
    const idempotencyKey = `event:${event.id}:${match.index}`;
    const trigger = { kind: 'event', eventId: event.id, eventType: event.type } as const;
    const { runId } = await context.starter.start(match.workflow, match.input, { trigger, traceId: event.traceId, idempotencyKey });
    context.logger.info({ ...fields, trigger: match.index, workflow: match.workflow, runId, idempotencyKey }, 'event started workflow');
    started.push({ workflow: match.workflow, runId, idempotencyKey });
  }
  return { started };
}

function parseEventJob(data: unknown): DomainEvent {
  const parsed = DomainEventSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new BatonError('input_invalid', `Event job data is invalid: ${formatZodIssues(parsed.error.issues, 'event')}`);
}
