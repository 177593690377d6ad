import type { Run, RunDetail, RunEvent, RunKind, RunPage, RunStatus, Step } from './run-records.js';

export interface CreateRunInput {
  /** Defaults to a new UUID. */
  readonly id?: string;
  /** Defaults to the current trace (see withTrace), else the run's own id: a run's id is its trace id. */
  readonly traceId?: string;
  readonly kind: RunKind;
  readonly name: string;
  readonly version: string;
  readonly input: unknown;
  readonly simulated?: boolean;
  readonly parentRunId?: string;
}

export interface StartStepInput {
  readonly runId: string;
  /** Defaults to a new UUID. */
  readonly id?: string;
  readonly name: string;
  readonly agent?: string;
  readonly input: unknown;
  /** 1 for the first try; a retry records a new step with the next attempt. */
  readonly attempt?: number;
  /** A second step with the same key is refused with a 'conflict' error. */
  readonly idempotencyKey?: string;
}

/** The same shape as the model client's usage, so a result's usage can be passed straight in. */
export interface StepUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
}

/** What a step consumed; a failed step may have spent tokens too. */
export interface StepMeasurements {
  readonly model?: string;
  readonly simulated?: boolean;
  readonly usage?: StepUsage;
  readonly costUsd?: number;
  readonly latencyMs?: number;
}

/**
 * Moves the run on in the same transaction as the step. A run that has already finished
 * (say, cancelled while the step ran) keeps its status; the step's cost is still added.
 */
export interface RunOutcome {
  readonly status: RunStatus;
  readonly output?: unknown;
  /** Anything thrown; stored as a BatonError's JSON. */
  readonly error?: unknown;
}

export interface CompleteStepInput extends StepMeasurements {
  readonly stepId: string;
  readonly output: unknown;
  readonly confidence?: number;
  readonly run?: RunOutcome;
}

export interface FailStepInput extends StepMeasurements {
  readonly stepId: string;
  /** Anything thrown; stored as a BatonError's JSON. */
  readonly error: unknown;
  readonly run?: RunOutcome;
}

export interface FinishRunInput extends RunOutcome {
  readonly runId: string;
}

export interface AppendEventInput {
  readonly runId: string;
  /** Noun-verb, e.g. `approval.requested`. */
  readonly type: string;
  readonly step?: string;
  readonly data?: unknown;
}

export interface ListRunsOptions {
  readonly status?: RunStatus;
  /** A workflow's or an agent's name: only its runs. */
  readonly name?: string;
  /** 1 to 200; defaults to 50. */
  readonly limit?: number;
  /** `nextCursor` from the previous page. */
  readonly cursor?: string;
}

/** Runs, steps and events. Every write that touches more than one row is one transaction. */
export interface RunStore {
  createRun(input: CreateRunInput): Promise<Run>;
  startStep(input: StartStepInput): Promise<Step>;
  /** Records output and usage, adds to the run's totals, optionally finishes the run, appends `step.completed`. */
  completeStep(input: CompleteStepInput): Promise<Step>;
  /** As completeStep, storing the error and appending `step.failed`. */
  failStep(input: FailStepInput): Promise<Step>;
  /** Ends a run without a step, e.g. when its input is refused or it is cancelled. */
  finishRun(input: FinishRunInput): Promise<Run>;
  appendEvent(input: AppendEventInput): Promise<RunEvent>;
  /** Throws 'not_found' for an unknown id. */
  getRun(id: string): Promise<RunDetail>;
  listRuns(options?: ListRunsOptions): Promise<RunPage>;
}
