import type { BreakerStatus } from '../engine/breakers/index.js';

/**
 * Everything `baton metrics`, `baton://metrics` and `/metrics` report, computed from the store
 * and the queues for one window. Rates are 0 to 1 and null when nothing was measured, so "no
 * data" never reads as 0% or 100%. Durations are milliseconds, money US dollars.
 */
export interface MetricsSnapshot {
  readonly window: { readonly since: string; readonly until: string; readonly span: string; readonly workflow: string | null };
  /** One entry per workflow with runs in the window, plus `total` over all of them. */
  readonly workflows: readonly WorkflowMetrics[];
  readonly total: WorkflowMetrics;
  readonly agents: readonly AgentMetrics[];
  readonly costPerDay: readonly { readonly day: string; readonly costUsd: number }[];
  readonly deadLetters: DeadLetterMetrics;
  readonly queues: readonly QueueDepth[];
  readonly breakers: readonly BreakerSummary[];
  readonly uptime: { readonly processSeconds: number | null; readonly redisSeconds: number | null };
}

export interface Percentiles {
  readonly p50: number | null;
  readonly p95: number | null;
}

export interface CheckpointMetrics {
  /** Agent answers that reached validation: every success, and failures for invalid output. */
  readonly validated: number;
  /** Valid at the first answer: no repair call, no person. */
  readonly passedFirstTime: number;
  /** Valid only after the one repair call. */
  readonly repaired: number;
  /** Still invalid after the repair: escalated to a person. */
  readonly invalid: number;
  readonly passRate: number | null;
}

export interface CriticMetrics {
  /** Producer–critic loops in finished runs. */
  readonly loops: number;
  /** Loops whose critic passed a draft within the cap (the rest went to a person). */
  readonly passed: number;
  readonly passRate: number | null;
  /** Rounds per loop, 1 to the loop's cap. */
  readonly meanIterations: number | null;
}

export interface ApprovalMetrics {
  /** Decided by a person in the window (policy-settled ones are not decisions). */
  readonly decided: number;
  readonly approved: number;
  readonly edited: number;
  readonly rejected: number;
  readonly expired: number;
  readonly pending: number;
  readonly shares: { readonly approve: number | null; readonly edit: number | null; readonly reject: number | null };
  /** From request to a person's decision. */
  readonly turnaroundMs: Percentiles;
}

export interface WorkflowMetrics {
  /** The workflow's name, or `total`. */
  readonly workflow: string;
  readonly runs: number;
  readonly byStatus: Readonly<Record<'queued' | 'running' | 'waiting_for_human' | 'succeeded' | 'partial' | 'failed' | 'cancelled', number>>;
  /** From the run's creation (its trigger) to its final status, over finished runs that were not cancelled. */
  readonly latencyMs: Percentiles;
  readonly checkpoint: CheckpointMetrics;
  /** Change sets that lost to, or beat, another agent's write to the same fields, or met a changed record. */
  readonly conflicts: { readonly changeSets: number; readonly conflicted: number; readonly rate: number | null };
  /** Runs that needed a person: an approval that waited for one, or a dead letter. */
  readonly humanIntervention: { readonly runs: number; readonly rate: number | null };
  readonly critic: CriticMetrics;
  readonly approvals: ApprovalMetrics;
  readonly costUsd: number;
  /** Mean over finished runs. */
  readonly costPerRunUsd: number | null;
}

/** What one agent's steps add up to in the window. */
export interface StepFigures {
  readonly steps: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly checkpoint: CheckpointMetrics;
  readonly latencyMs: Percentiles;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface AgentMetrics extends StepFigures {
  readonly agent: string;
}

export interface DeadLetterMetrics {
  readonly open: number;
  readonly createdInWindow: number;
}

export interface QueueDepth {
  /** `steps`, `events` or `schedules`. */
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  /** Age of the oldest job still waiting, null when none waits. */
  readonly oldestWaitingAgeMs: number | null;
}

export interface BreakerSummary {
  readonly name: string;
  readonly state: BreakerStatus;
  readonly consecutiveFailures: number;
}
