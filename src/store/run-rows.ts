import type { z } from 'zod';
import { BatonError, formatZodIssues } from '../errors/index.js';
import { RunEventSchema, RunSchema, StepSchema, type Run, type RunEvent, type Step } from './run-records.js';

/**
 * Rows as the drivers return them. `pg` gives numeric and bigint as strings and PGlite gives
 * bigint as a number, so both are normalised here; timestamps arrive as Dates from both.
 */
type Numeric = string | number;
type Timestamp = Date | string;

export interface RunRow {
  readonly id: string;
  readonly trace_id: string;
  readonly kind: string;
  readonly name: string;
  readonly version: string;
  readonly status: string;
  readonly input: unknown;
  readonly output: unknown;
  readonly error: unknown;
  readonly simulated: boolean;
  readonly cost_usd: Numeric;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly created_at: Timestamp;
  readonly updated_at: Timestamp;
  readonly started_at: Timestamp | null;
  readonly finished_at: Timestamp | null;
  readonly parent_run_id: string | null;
}

export interface StepRow {
  readonly id: string;
  readonly run_id: string;
  readonly trace_id: string;
  readonly name: string;
  readonly agent: string | null;
  readonly status: string;
  readonly attempt: number;
  readonly idempotency_key: string | null;
  readonly input: unknown;
  readonly output: unknown;
  readonly error: unknown;
  readonly model: string | null;
  readonly simulated: boolean;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_tokens: number;
  readonly cost_usd: Numeric;
  readonly latency_ms: number | null;
  readonly confidence: number | null;
  readonly started_at: Timestamp | null;
  readonly finished_at: Timestamp | null;
  readonly created_at: Timestamp;
}

export interface RunEventRow {
  readonly id: Numeric;
  readonly run_id: string;
  readonly trace_id: string;
  readonly step: string | null;
  readonly type: string;
  readonly data: unknown;
  readonly at: Timestamp;
}

function iso(value: Timestamp): string {
  return new Date(value).toISOString();
}

function isoOrNull(value: Timestamp | null): string | null {
  return value === null ? null : iso(value);
}

/**
 * Parsing through the schema catches a row that drifted from the types (say, a status added by
 * a newer migration); that is the store's fault, not the caller's input, hence store_failed.
 */
function parseRow<T>(schema: z.ZodType<T>, table: string, value: Record<string, unknown>): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new BatonError('store_failed', `A row in ${table} does not match its schema: ${formatZodIssues(result.error.issues, table)}`, {
    details: { table, id: value['id'] },
  });
}

export function toRun(row: RunRow): Run {
  return parseRow(RunSchema, 'runs', {
    id: row.id,
    traceId: row.trace_id,
    kind: row.kind,
    name: row.name,
    version: row.version,
    status: row.status,
    input: row.input,
    output: row.output,
    error: row.error,
    simulated: row.simulated,
    costUsd: Number(row.cost_usd),
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    parentRunId: row.parent_run_id,
  });
}

function stepUsage(row: StepRow): Pick<Step, 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens' | 'costUsd' | 'latencyMs'> {
  return {
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cacheReadTokens: row.cache_read_tokens,
    cacheWriteTokens: row.cache_write_tokens,
    costUsd: Number(row.cost_usd),
    latencyMs: row.latency_ms,
  };
}

export function toStep(row: StepRow): Step {
  return parseRow(StepSchema, 'steps', {
    id: row.id,
    runId: row.run_id,
    traceId: row.trace_id,
    name: row.name,
    agent: row.agent,
    status: row.status,
    attempt: row.attempt,
    idempotencyKey: row.idempotency_key,
    input: row.input,
    output: row.output,
    error: row.error,
    model: row.model,
    simulated: row.simulated,
    ...stepUsage(row),
    confidence: row.confidence,
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    createdAt: iso(row.created_at),
  });
}

export function toRunEvent(row: RunEventRow): RunEvent {
  return parseRow(RunEventSchema, 'run_events', {
    id: Number(row.id),
    runId: row.run_id,
    traceId: row.trace_id,
    step: row.step,
    type: row.type,
    data: row.data,
    at: iso(row.at),
  });
}
