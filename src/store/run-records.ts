import { z } from 'zod';

/**
 * What the store returns, in camelCase. These cross boundaries (MCP results, CLI `--json`,
 * Slack blocks), so each has a zod schema and its type comes from the schema. Timestamps are ISO
 * strings so a record survives JSON unchanged; money is a plain number of US dollars.
 */

export const RunKindSchema = z.enum(['agent', 'workflow']);
export type RunKind = z.infer<typeof RunKindSchema>;

export const RunStatusSchema = z.enum(['queued', 'running', 'waiting_for_human', 'succeeded', 'partial', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** A run in one of these has ended: no new steps, and its status no longer changes. */
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'partial', 'failed', 'cancelled'];

export const StepStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped', 'waiting_for_human', 'cancelled']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** A step in one of these can still complete or fail. */
export const OPEN_STEP_STATUSES: readonly StepStatus[] = ['pending', 'running', 'waiting_for_human'];

/** A BatonError as stored (its `toJSON()`): code, message, fault, retryable, details. */
export const StoredErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fault: z.string(),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()),
});
export type StoredError = z.infer<typeof StoredErrorSchema>;

const timestamp = z.iso.datetime();
const count = z.number().int().nonnegative();

export const RunSchema = z.object({
  id: z.string(),
  traceId: z.string(),
  kind: RunKindSchema,
  name: z.string(),
  version: z.string(),
  status: RunStatusSchema,
  input: z.unknown(),
  output: z.unknown(),
  error: StoredErrorSchema.nullable(),
  simulated: z.boolean(),
  costUsd: z.number().nonnegative(),
  inputTokens: count,
  outputTokens: count,
  createdAt: timestamp,
  updatedAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  parentRunId: z.string().nullable(),
});
export type Run = z.infer<typeof RunSchema>;

export const StepSchema = z.object({
  id: z.string(),
  runId: z.string(),
  traceId: z.string(),
  name: z.string(),
  agent: z.string().nullable(),
  status: StepStatusSchema,
  attempt: z.number().int().positive(),
  idempotencyKey: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  error: StoredErrorSchema.nullable(),
  model: z.string().nullable(),
  simulated: z.boolean(),
  inputTokens: count,
  outputTokens: count,
  cacheReadTokens: count,
  cacheWriteTokens: count,
  costUsd: z.number().nonnegative(),
  latencyMs: count.nullable(),
  confidence: z.number().nullable(),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type Step = z.infer<typeof StepSchema>;

export const RunEventSchema = z.object({
  id: z.number().int().positive(),
  runId: z.string(),
  traceId: z.string(),
  step: z.string().nullable(),
  /** Noun-verb, e.g. `run.created`, `step.completed`. */
  type: z.string(),
  data: z.unknown(),
  at: timestamp,
});
export type RunEvent = z.infer<typeof RunEventSchema>;

export const RunDetailSchema = RunSchema.extend({
  steps: z.array(StepSchema),
  events: z.array(RunEventSchema),
});
/** A run with its steps (oldest first) and its events (in the order written). */
export type RunDetail = z.infer<typeof RunDetailSchema>;

export const RunPageSchema = z.object({
  runs: z.array(RunSchema),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type RunPage = z.infer<typeof RunPageSchema>;
