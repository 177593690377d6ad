import type { SqlClient } from '../store/index.js';
import { decisionCase, type DecidedApproval } from './decision-case.js';
import { GoldenCaseSchema, type GoldenCase } from './golden-case-schema.js';

export interface ExportDecisionsOptions {
  readonly sql: SqlClient;
  readonly workflow?: string;
  /** Only decisions taken at or after this instant (ISO). */
  readonly since?: string;
  /** At most this many decisions, oldest first; defaults to 500. */
  readonly limit?: number;
  /** The eval's own reviewer: its decisions are replays, not human judgement. Defaults to `eval`. */
  readonly evalReviewer?: string;
}

export interface ExportedCase {
  readonly workflow: string;
  readonly case: GoldenCase;
}

interface DecidedRow {
  readonly id: string;
  readonly run_id: string;
  readonly workflow: string;
  readonly step: string;
  readonly kind: DecidedApproval['kind'];
  readonly action: string;
  readonly status: DecidedApproval['outcome'];
  readonly payload: unknown;
  readonly decision: { payload?: unknown } | null;
  readonly reason: string | null;
  readonly decided_by: string | null;
  readonly decided_at: Date | string | null;
  readonly run_input: Record<string, unknown>;
  readonly run_output: unknown;
  readonly run_status: string;
}

/**
 * Human decisions on workflow runs (approve, edit, reject, a reviewer's category) as golden
 * cases, one per decision. Decisions taken by policy, and runs the eval itself started, are
 * left out: they say nothing about what a person wanted.
 */
export async function exportDecisions(options: ExportDecisionsOptions): Promise<ExportedCase[]> {
  const { rows } = await options.sql.query<DecidedRow>(
    `SELECT a.id, a.run_id, r.name AS workflow, a.step, a.kind, a.action, a.status, a.payload, a.decision, a.reason, a.decided_by, a.decided_at,
            r.input AS run_input, r.output AS run_output, r.status AS run_status
       FROM approvals a JOIN runs r ON r.id = a.run_id
      WHERE r.kind = 'workflow' AND a.status IN ('approved', 'edited', 'rejected')
        AND a.decided_by IS NOT NULL AND a.decided_by NOT LIKE 'policy:%' AND a.decided_by <> $1
        AND ($2::text IS NULL OR r.name = $2)
        AND NOT EXISTS (SELECT 1 FROM run_events e WHERE e.run_id = r.id AND e.type = 'run.started' AND e.data -> 'trigger' ->> 'kind' = 'eval')
      ORDER BY a.requested_at ASC, a.id ASC`,
    [options.evalReviewer ?? 'eval', options.workflow ?? null],
  );
  const decided = rows.map(toDecided);
  const since = options.since === undefined ? undefined : Date.parse(options.since);
  const focused = decided.filter((approval) => since === undefined || (approval.decidedAt !== null && Date.parse(approval.decidedAt) >= since)).slice(0, options.limit ?? 500);
  return focused.map((approval) => {
    const sameRun = decided.filter((other) => other.runId === approval.runId);
    // Checked against the format before it leaves: an export is always a loadable golden case.
    return { workflow: approval.workflow, case: GoldenCaseSchema.parse(decisionCase(approval, sameRun)) };
  });
}

function toDecided(row: DecidedRow): DecidedApproval {
  return {
    id: row.id,
    runId: row.run_id,
    workflow: row.workflow,
    key: row.step,
    kind: row.kind,
    action: row.action,
    outcome: row.status,
    payload: row.payload,
    editedPayload: row.decision?.payload,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
    runInput: row.run_input,
    runOutput: row.run_output,
    runStatus: row.run_status,
  };
}
