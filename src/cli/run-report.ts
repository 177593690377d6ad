import type { ApprovalView } from '../engine/approvals/approval-queries.js';
import type { RunDetail, RunStatus, StoredError } from '../store/index.js';
import { SIMULATED_NOTICE } from './simulated-notice.js';

/** Where `baton run` and the commands that move a run on stop waiting: the run ended or needs a person. */
export const SETTLED_STATUSES: readonly RunStatus[] = ['succeeded', 'partial', 'failed', 'cancelled', 'waiting_for_human'];

export interface RunReportStep {
  readonly key: string;
  readonly agent: string | null;
  readonly attempt: number;
  readonly status: string;
  readonly latencyMs: number | null;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly costUsd: number;
  readonly error?: StoredError;
}

export interface RunReportApproval {
  readonly id: string;
  readonly key: string;
  readonly action: string;
  readonly fingerprint: string;
  readonly payload: unknown;
}

/** What `baton run` prints: the run's outcome, its steps in brief, and what waits for a person. */
export interface RunReport {
  readonly runId: string;
  readonly traceId: string;
  readonly workflow: string;
  readonly version: string;
  readonly status: RunStatus;
  readonly simulated: boolean;
  readonly output?: unknown;
  readonly error?: StoredError;
  readonly costUsd: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly steps: readonly RunReportStep[];
  readonly approvals: readonly RunReportApproval[];
  /** Set when the command stopped waiting before the run settled. */
  readonly timedOut?: true;
  readonly notice?: string;
}

export function runReport(run: RunDetail, pending: readonly ApprovalView[], options: { timedOut?: boolean } = {}): RunReport {
  return {
    runId: run.id,
    traceId: run.traceId,
    workflow: run.name,
    version: run.version,
    status: run.status,
    simulated: run.simulated,
    ...(run.output === null || run.output === undefined ? {} : { output: run.output }),
    ...(run.error === null ? {} : { error: run.error }),
    costUsd: run.costUsd,
    tokens: { input: run.inputTokens, output: run.outputTokens },
    steps: run.steps.map((step) => ({
      key: step.name,
      agent: step.agent,
      attempt: step.attempt,
      status: step.status,
      latencyMs: step.latencyMs,
      tokens: { input: step.inputTokens, output: step.outputTokens },
      costUsd: step.costUsd,
      ...(step.error === null ? {} : { error: step.error }),
    })),
    approvals: pending.map((approval) => ({ id: approval.id, key: approval.key, action: approval.action, fingerprint: approval.fingerprint, payload: approval.payload })),
    ...(options.timedOut === true ? { timedOut: true as const } : {}),
    ...(run.simulated ? { notice: SIMULATED_NOTICE } : {}),
  };
}
