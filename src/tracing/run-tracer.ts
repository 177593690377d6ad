import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, RandomIdGenerator, type IdGenerator, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { otelTraceIdOf, runSpanIdOf } from './trace-ids.js';

export interface TracedStep {
  readonly traceId: string;
  readonly runId: string;
  readonly workflow: string;
  readonly key: string;
  readonly agent: string;
  readonly attempt: number;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The step's status in the store after this delivery: `succeeded`, `failed`, or still `pending` when retried or held. */
  readonly status: string;
  /** What the queue was told: done, retry, hold. */
  readonly verdict: string;
  readonly model: string | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly error: string | null;
}

export interface TracedRun {
  readonly traceId: string;
  readonly runId: string;
  readonly workflow: string;
  readonly version: string;
  readonly status: string;
  readonly createdAt: number;
  readonly finishedAt: number;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly error: string | null;
}

/** Spans per run and per step, under the run's trace id. Nothing is created unless a caller builds one with an exporter. */
export interface RunTracer {
  recordStep(step: TracedStep): void;
  recordRun(run: TracedRun): void;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Lets the run span carry ids derived from the run, not random ones: its children name it before it exists. */
class PlannedIdGenerator implements IdGenerator {
  next: { readonly traceId: string; readonly spanId: string } | undefined;
  readonly #random = new RandomIdGenerator();
  generateTraceId(): string {
    return this.next?.traceId ?? this.#random.generateTraceId();
  }
  generateSpanId(): string {
    return this.next?.spanId ?? this.#random.generateSpanId();
  }
}

export function createRunTracer(options: { readonly exporter: SpanExporter; readonly serviceName?: string }): RunTracer {
  const ids = new PlannedIdGenerator();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'baton' }),
    idGenerator: ids,
    spanProcessors: [new BatchSpanProcessor(options.exporter, { scheduledDelayMillis: 1_000 })],
  });
  const tracer = provider.getTracer('baton');
  return {
    recordStep(step) {
      const parent = trace.setSpanContext(ROOT_CONTEXT, { traceId: otelTraceIdOf(step.traceId), spanId: runSpanIdOf(step.runId), traceFlags: TraceFlags.SAMPLED, isRemote: true });
      const attributes: Attributes = {
        'baton.run_id': step.runId,
        'baton.workflow': step.workflow,
        'baton.step': step.key,
        'baton.agent': step.agent,
        'baton.attempt': step.attempt,
        'baton.step.status': step.status,
        'baton.queue.verdict': step.verdict,
        'baton.cost_usd': step.costUsd,
        'gen_ai.usage.input_tokens': step.inputTokens,
        'gen_ai.usage.output_tokens': step.outputTokens,
        ...(step.model === null ? {} : { 'gen_ai.request.model': step.model }),
      };
      const span = tracer.startSpan(`step ${step.key}`, { kind: SpanKind.CONSUMER, startTime: step.startedAt, attributes }, parent);
      if (step.error !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: step.error });
      span.end(step.endedAt);
    },
    recordRun(run) {
      ids.next = { traceId: otelTraceIdOf(run.traceId), spanId: runSpanIdOf(run.runId) };
      try {
        const span = tracer.startSpan(`run ${run.workflow}`, {
          kind: SpanKind.INTERNAL,
          startTime: run.createdAt,
          attributes: { 'baton.run_id': run.runId, 'baton.workflow': run.workflow, 'baton.workflow.version': run.version, 'baton.run.status': run.status, 'baton.cost_usd': run.costUsd, 'gen_ai.usage.input_tokens': run.inputTokens, 'gen_ai.usage.output_tokens': run.outputTokens },
        }, ROOT_CONTEXT);
        if (run.error !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: run.error });
        span.end(run.finishedAt);
      } finally {
        ids.next = undefined;
      }
    },
    shutdown: () => provider.shutdown(),
  };
}
