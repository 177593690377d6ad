import type { SqlClient, StoredError } from '../../store/index.js';
import type { ApprovalRecord, ApprovalStatus, StepRecord } from '../planner/plan-types.js';

interface StepJson {
  name: string;
  attempt: number;
  status: StepRecord['status'];
  output: unknown;
  error: StoredError | null;
  confidence: number | null;
  input_fingerprint: string | null;
}

interface ApprovalJson {
  step: string;
  status: ApprovalStatus;
  payload: unknown;
  decision: { payload?: unknown } | null;
  reason: string | null;
  decided_by: string | null;
}

/** The latest attempt of every step and every approval of a run, in one round trip: what the planner reads. */
const READ_RUN_STATE = `
SELECT
  (SELECT coalesce(json_agg(s), '[]'::json) FROM (
     SELECT DISTINCT ON (name) name, attempt, status, output, error, confidence, input_fingerprint
       FROM steps WHERE run_id = $1 ORDER BY name, attempt DESC) s) AS steps,
  (SELECT coalesce(json_agg(a), '[]'::json) FROM (
     SELECT step, status, payload, decision, reason, decided_by FROM approvals WHERE run_id = $1) a) AS approvals`;

export async function readRunState(transaction: SqlClient, runId: string): Promise<{ steps: Map<string, StepRecord>; approvals: Map<string, ApprovalRecord> }> {
  const { rows } = await transaction.query<{ steps: StepJson[]; approvals: ApprovalJson[] }>(READ_RUN_STATE, [runId]);
  const row = rows[0] ?? { steps: [], approvals: [] };
  return {
    steps: new Map(
      row.steps.map((step) => [
        step.name,
        { key: step.name, attempt: step.attempt, status: step.status, output: step.output, error: step.error, confidence: step.confidence, inputFingerprint: step.input_fingerprint },
      ]),
    ),
    approvals: new Map(
      row.approvals.map((approval) => [
        approval.step,
        { key: approval.step, status: approval.status, payload: approval.payload, editedPayload: approval.decision?.payload, reason: approval.reason, decidedBy: approval.decided_by },
      ]),
    ),
  };
}
