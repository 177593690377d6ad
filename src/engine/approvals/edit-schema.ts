import type { z } from 'zod';
import type { SqlClient } from '../../store/index.js';
import { readRunState } from '../persistence/run-state-rows.js';
import { planRun } from '../planner/plan-run.js';
import type { AdvanceContext } from '../runtime/advance-run.js';
import type { ApprovalRow } from './approval-rows.js';

/**
 * What an edit must satisfy, re-derived from the run's own workflow version: the planner is
 * asked what it would open at this key if the approval were not there, and says with which
 * schema. One source of truth for gates, reviews and escalations alike.
 */
export async function editSchemaOf(transaction: SqlClient, context: AdvanceContext, row: ApprovalRow): Promise<z.ZodType | undefined> {
  const { rows } = await transaction.query<{ name: string; version: string; input: unknown }>('SELECT name, version, input FROM runs WHERE id = $1', [row.run_id]);
  const run = rows[0];
  if (run === undefined) return undefined;
  const state = await readRunState(transaction, row.run_id);
  state.approvals.delete(row.step);
  const plan = planRun(context.workflows.get(run.name, run.version), { input: run.input, ...state });
  return plan.gates.find((gate) => gate.key === row.step)?.schema;
}
