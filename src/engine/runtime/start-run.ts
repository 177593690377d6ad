import { createHash, randomUUID } from 'node:crypto';
import { BatonError, formatZodIssues } from '../../errors/index.js';
import { createRunStore } from '../../store/index.js';
import { advanceRun } from './advance-run.js';
import { commitAndEnqueue, type EngineContext } from './engine-context.js';

export interface StartOptions {
  /** What started the run: `cli`, `mcp`, `slack`, an event or a schedule; recorded on the run. */
  readonly trigger?: Record<string, unknown>;
  /** A second start with the same key returns the first run instead of starting another. */
  readonly idempotencyKey?: string;
  /** Joins the caller's trace (an event's); otherwise the run's own id is its trace id. */
  readonly traceId?: string;
}

export interface StartedRun {
  readonly runId: string;
  readonly traceId: string;
  readonly status: string;
  /** False when an idempotency key matched an existing run. */
  readonly created: boolean;
}

/** Validates the input, records the run and its first steps in one commit, then enqueues them. */
export async function startRun(context: EngineContext, workflowName: string, input: unknown, options: StartOptions = {}): Promise<StartedRun> {
  const definition = context.workflows.get(workflowName);
  const parsed = definition.input.safeParse(withDefaults(context.inputDefaults[definition.name], input));
  if (!parsed.success) {
    throw new BatonError('input_invalid', `Workflow ${workflowName} input is invalid: ${formatZodIssues(parsed.error.issues)}`, {
      details: { workflow: workflowName, issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) },
    });
  }
  const runId = options.idempotencyKey === undefined ? randomUUID() : idFromKey(options.idempotencyKey);
  const traceId = options.traceId ?? runId;
  const result = await commitAndEnqueue(context, async (transaction) => {
    // Only a caller's idempotency key can name a run that exists already; a fresh UUID cannot.
    const existing = options.idempotencyKey === undefined ? { rows: [] } : await transaction.query<{ status: string; trace_id: string }>('SELECT status, trace_id FROM runs WHERE id = $1', [runId]);
    const found = existing.rows[0];
    if (found !== undefined) return { jobs: [], status: found.status, traceId: found.trace_id, created: false };
    await createRunStore({ sql: transaction }).createRun({ id: runId, traceId, kind: 'workflow', name: definition.name, version: definition.version, input: parsed.data, simulated: context.runner.simulated });
    const advanced = await advanceRun(transaction, context, runId, { events: [{ type: 'run.started', data: { workflow: definition.name, version: definition.version, trigger: options.trigger ?? null } }] });
    return { ...advanced, created: true };
  });
  context.logger.info({ traceId: result.traceId, runId, workflow: workflowName, status: result.status, created: result.created }, 'run started');
  return { runId, traceId: result.traceId, status: result.status, created: result.created };
}

/** A stable run id for an idempotency key, shaped like a UUID: the same key always names the same run. */
function idFromKey(key: string): string {
  const hex = createHash('sha256').update(`baton-run:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What the caller gave wins, field by field; defaults only fill what is absent. */
function withDefaults(defaults: Readonly<Record<string, unknown>> | undefined, input: unknown): unknown {
  if (defaults === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { ...defaults, ...given };
}
