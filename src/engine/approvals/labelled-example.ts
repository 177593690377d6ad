import { z } from 'zod';
import type { SqlClient } from '../../store/index.js';
import { jsonParam } from '../../store/run-sql.js';
import type { ApprovalRow } from './approval-rows.js';

/** What a route review carries (see evaluateRoute): the router's input and its unsure answer. */
const RouteReviewContextSchema = z.object({
  input: z.unknown(),
  classification: z.object({ category: z.string(), confidence: z.number() }).loose(),
  categories: z.array(z.string()),
});

const ChosenCategorySchema = z.object({ category: z.string() });

/**
 * A person's category for an item the router was unsure of becomes a labelled example, in the
 * decision's own transaction. Other reviews (drafts, CRM changes) are not classification labels.
 */
export async function recordLabelledExample(
  transaction: SqlClient,
  row: ApprovalRow,
  decided: { readonly outcome: 'approved' | 'edited' | 'rejected'; readonly payload: unknown; readonly by: string; readonly via: string },
): Promise<void> {
  if (row.kind !== 'review' || decided.outcome === 'rejected') return;
  const context = RouteReviewContextSchema.safeParse(row.context);
  const chosen = ChosenCategorySchema.safeParse(decided.payload);
  if (!context.success || !chosen.success) return;
  await transaction.query(
    `INSERT INTO labelled_examples (approval_id, run_id, trace_id, workflow, step, input, label, predicted, predicted_confidence, labelled_by, via)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11) ON CONFLICT (approval_id) DO NOTHING`,
    [
      row.id,
      row.run_id,
      row.trace_id,
      row.workflow,
      row.step,
      jsonParam(context.data.input ?? null, 'labelled example input'),
      chosen.data.category,
      context.data.classification.category,
      context.data.classification.confidence,
      decided.by,
      decided.via,
    ],
  );
}

export interface LabelledExample {
  readonly approvalId: string;
  readonly runId: string;
  readonly traceId: string;
  readonly workflow: string | null;
  readonly step: string;
  readonly input: unknown;
  readonly label: string;
  readonly predicted: string | null;
  readonly predictedConfidence: number | null;
  readonly labelledBy: string;
  readonly via: string;
  readonly createdAt: string;
}

interface LabelledExampleRow {
  readonly approval_id: string;
  readonly run_id: string;
  readonly trace_id: string;
  readonly workflow: string | null;
  readonly step: string;
  readonly input: unknown;
  readonly label: string;
  readonly predicted: string | null;
  readonly predicted_confidence: number | null;
  readonly labelled_by: string;
  readonly via: string;
  readonly created_at: Date | string;
}

/** Newest first; `workflow` narrows to one workflow's examples. */
export async function listLabelledExamples(sql: SqlClient, options: { readonly workflow?: string; readonly limit?: number } = {}): Promise<LabelledExample[]> {
  const { rows } = await sql.query<LabelledExampleRow>(
    `SELECT * FROM labelled_examples WHERE ($1::text IS NULL OR workflow = $1) ORDER BY created_at DESC, id DESC LIMIT $2`,
    [options.workflow ?? null, options.limit ?? 500],
  );
  return rows.map((row) => ({
    approvalId: row.approval_id,
    runId: row.run_id,
    traceId: row.trace_id,
    workflow: row.workflow,
    step: row.step,
    input: row.input,
    label: row.label,
    predicted: row.predicted,
    predictedConfidence: row.predicted_confidence,
    labelledBy: row.labelled_by,
    via: row.via,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
