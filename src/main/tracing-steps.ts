import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Redis } from 'ioredis';
import type { Engine } from '../engine/engine.js';
import { toBatonError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import type { SqlClient } from '../store/index.js';
import { createRunTracer, type RunTracer } from '../tracing/index.js';

type StepExecutor = Pick<Engine, 'executeStep'>;

export interface StepTracing {
  /** The engine as workers see it, with a span recorded for every step it runs and for the run a step ends. */
  wrap(engine: StepExecutor): StepExecutor;
  shutdown(): Promise<void>;
}

export interface StepTracingOptions {
  /** The collector's OTLP/HTTP base URL; spans go to `<endpoint>/v1/traces` as JSON. */
  readonly endpoint: string;
  readonly sql: SqlClient;
  readonly redis: Redis;
  readonly prefix: string;
  readonly logger: Logger;
  /** Tests pass a tracer of their own; production builds one exporting to `endpoint`. */
  readonly tracer?: RunTracer;
}

/** How long a run's "span exported" mark lives: long past any duplicate delivery. */
const RUN_MARK_SECONDS = 86_400;

/**
 * OpenTelemetry export, only when an endpoint is configured: off by default, nothing leaves the
 * machine otherwise. Spans are built from what the store recorded, after the step's commit, so
 * a span never claims what did not happen; the run's span is sent once, by whichever worker's
 * step ended the run (a Redis mark decides between workers).
 */
export function createStepTracing(options: StepTracingOptions): StepTracing {
  const tracer = options.tracer ?? createRunTracer({ exporter: new OTLPTraceExporter({ url: new URL('v1/traces', options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`).toString() }) });
  const record = async (delivery: Parameters<StepExecutor['executeStep']>[0], startedAt: number, verdict: string, thrown: unknown) => {
    const { job } = delivery;
    const { rows } = await options.sql.query<StepRow>('SELECT status, model, input_tokens, output_tokens, cost_usd, error FROM steps WHERE id = $1', [job.stepId]);
    const step = rows[0];
    tracer.recordStep({
      traceId: job.traceId, runId: job.runId, workflow: job.workflow, key: job.key, agent: job.agent, attempt: job.attempt,
      startedAt, endedAt: Date.now(), verdict,
      status: step?.status ?? 'unknown', model: step?.model ?? null,
      inputTokens: Number(step?.input_tokens ?? 0), outputTokens: Number(step?.output_tokens ?? 0), costUsd: Number(step?.cost_usd ?? 0),
      error: thrown !== undefined ? toBatonError(thrown).message : step?.error?.message ?? null,
    });
    if (verdict === 'done') await recordRunIfEnded(options, tracer, job.runId);
  };
  return {
    wrap: (engine) => ({
      async executeStep(delivery) {
        const startedAt = Date.now();
        let verdict = 'threw';
        let thrown: unknown;
        try {
          const result = await engine.executeStep(delivery);
          verdict = result.kind;
          return result;
        } catch (error) {
          thrown = error;
          throw error;
        } finally {
          // A tracing fault must never fail a step: the span is lost, the work is not.
          await record(delivery, startedAt, verdict, thrown).catch((error: unknown) => { options.logger.warn({ err: error }, 'step span not recorded'); });
        }
      },
    }),
    shutdown: () => tracer.shutdown(),
  };
}

interface StepRow {
  readonly status: string;
  readonly model: string | null;
  readonly input_tokens: number | string;
  readonly output_tokens: number | string;
  readonly cost_usd: number | string;
  readonly error: { readonly message?: string } | null;
}

interface RunRow {
  readonly trace_id: string;
  readonly name: string;
  readonly version: string;
  readonly status: string;
  readonly created_at: Date | string;
  readonly finished_at: Date | string | null;
  readonly cost_usd: number | string;
  readonly input_tokens: number | string;
  readonly output_tokens: number | string;
  readonly error: { readonly message?: string } | null;
}

async function recordRunIfEnded(options: StepTracingOptions, tracer: RunTracer, runId: string): Promise<void> {
  const { rows } = await options.sql.query<RunRow>('SELECT trace_id, name, version, status, created_at, finished_at, cost_usd, input_tokens, output_tokens, error FROM runs WHERE id = $1', [runId]);
  const run = rows[0];
  if (run?.finished_at === null || run === undefined) return;
  const first = await options.redis.set(`${options.prefix}:traced-runs:${runId}`, '1', 'EX', RUN_MARK_SECONDS, 'NX');
  if (first !== 'OK') return;
  tracer.recordRun({
    traceId: run.trace_id, runId, workflow: run.name, version: run.version, status: run.status,
    createdAt: new Date(run.created_at).getTime(), finishedAt: new Date(run.finished_at).getTime(),
    costUsd: Number(run.cost_usd), inputTokens: Number(run.input_tokens), outputTokens: Number(run.output_tokens),
    error: run.error?.message ?? null,
  });
}
