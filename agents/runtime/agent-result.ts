import type { BatonError } from '../../src/errors/index.js';
import type { ModelUsage } from '../../src/model/model-types.js';

export interface AgentSuccess<Output> {
  readonly ok: true;
  readonly agent: string;
  readonly output: Output;
  /** The agent's own confidence in its answer, when its output states one. */
  readonly confidence: number | undefined;
  readonly model: string;
  readonly simulated: boolean;
  readonly usage: ModelUsage;
  readonly costUsd: number;
  readonly latencyMs: number;
  /** Model calls made: 2 when the first answer needed a repair. */
  readonly calls: number;
}

export interface AgentFailure {
  readonly ok: false;
  readonly agent: string;
  readonly error: BatonError;
  readonly simulated: boolean;
  readonly latencyMs: number;
  /** What the failed attempt spent, when the model was reached (invalid output costs tokens too). */
  readonly spent: { readonly model: string; readonly usage: ModelUsage; readonly costUsd: number } | undefined;
}

export type AgentResult<Output> = AgentSuccess<Output> | AgentFailure;
