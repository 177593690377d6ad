import { z } from 'zod';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import { FINISHED_RUN_STATUSES, RunStatusSchema, type RunDetail } from '../../src/store/index.js';
import { nextStepFor } from './next-step.js';

export const PendingApprovalSchema = z.object({
  approvalId: z.string(),
  action: z.string().describe('What is under review, e.g. send_sequence, crm_write, review_classification'),
  step: z.string(),
  risk: z.enum(['low', 'medium', 'high']),
  fingerprint: z.string().describe('Pass back to decide_approval: a decision on another version is refused'),
  payload: z.unknown().describe('Exactly what the reviewer approves, edits or rejects'),
  editSchema: z.record(z.string(), z.unknown()).nullable().describe('JSON Schema an edited payload must satisfy'),
  reviewers: z.object({ users: z.array(z.string()), groups: z.array(z.string()) }),
  expiresAt: z.string().nullable(),
  slackLink: z.string().nullable().describe('The Slack message where reviewers decide, when the Slack app posted one'),
});
export type PendingApproval = z.infer<typeof PendingApprovalSchema>;

/** What every run-returning tool gives back: the result when the run has ended, otherwise a handle to follow it. */
export const RunResultSchema = z.object({
  runId: z.string(),
  kind: z.enum(['workflow', 'agent']),
  name: z.string().describe('The workflow or agent that ran'),
  status: RunStatusSchema,
  done: z.boolean().describe('True when the run has ended (succeeded, partial, failed or cancelled)'),
  output: z.unknown().describe('The result, when the run succeeded; null otherwise'),
  partialOutput: z.unknown().describe('What a partial run produced, with what is missing; null otherwise'),
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).nullable(),
  currentSteps: z.array(z.string()).describe('Steps queued, running or waiting for a person'),
  pendingApprovals: z.array(PendingApprovalSchema),
  stepCounts: z.object({ succeeded: z.number().int(), failed: z.number().int(), open: z.number().int() }),
  costUsd: z.number(),
  simulated: z.boolean().describe('True in offline mode: a deterministic simulator answered, not a model'),
  next: z.string().describe('What to do next'),
});
export type RunResult = z.infer<typeof RunResultSchema>;

/** The run result's JSON Schema with `output` typed as what this workflow or agent returns. */
export function runResultJsonSchema(output?: z.ZodType): Record<string, unknown> {
  const base = toJsonSchema(RunResultSchema);
  const properties = { ...(base['properties'] as Record<string, unknown>) };
  properties['output'] = { ...(output === undefined ? {} : { anyOf: [toJsonSchema(output), { type: 'null' }] }), description: 'The result, when the run succeeded; null otherwise' };
  return { ...base, properties, required: [...new Set([...(base['required'] as string[]), 'output', 'partialOutput'])] };
}

export function isDone(run: Pick<RunDetail, 'status'>): boolean {
  return FINISHED_RUN_STATUSES.includes(run.status);
}

export function toRunResult(run: RunDetail, pending: readonly ApprovalView[]): RunResult {
  const latest = new Map(run.steps.map((step) => [step.name, step]));
  const steps = [...latest.values()];
  const open = steps.filter((step) => step.status === 'pending' || step.status === 'running' || step.status === 'waiting_for_human');
  const result: Omit<RunResult, 'next'> = {
    runId: run.id,
    kind: run.kind,
    name: run.name,
    status: run.status,
    done: isDone(run),
    output: run.status === 'succeeded' ? (run.output ?? null) : null,
    partialOutput: run.status === 'partial' ? (run.output ?? null) : null,
    error: run.error === null ? null : { code: run.error.code, message: run.error.message, retryable: run.error.retryable },
    currentSteps: open.map((step) => step.name),
    pendingApprovals: pending.map(toPendingApproval),
    stepCounts: { succeeded: steps.filter((step) => step.status === 'succeeded').length, failed: steps.filter((step) => step.status === 'failed').length, open: open.length },
    costUsd: run.costUsd,
    simulated: run.simulated,
  };
  return { ...result, next: nextStepFor(result) };
}

export function toPendingApproval(approval: ApprovalView): PendingApproval {
  return {
    approvalId: approval.id,
    action: approval.action,
    step: approval.key,
    risk: approval.risk,
    fingerprint: approval.fingerprint,
    payload: approval.payload ?? null,
    editSchema: approval.editSchema,
    reviewers: { users: approval.reviewers.users, groups: approval.reviewers.groups },
    expiresAt: approval.expiresAt,
    slackLink: approval.slackLink,
  };
}
