import { advanceRun } from './advance-run.js';
import { commitAndEnqueue, type EngineContext } from './engine-context.js';
import type { StepJobData } from './step-job.js';

export interface Reconciled {
  readonly requeued: number;
  readonly advanced: number;
}

/**
 * On start: the store is the truth, Redis may have lost jobs (flushed, restarted without
 * persistence, a crash between commit and enqueue). Every pending step without a job is
 * enqueued again, and every unfinished run with nothing pending is advanced again.
 */
export async function reconcile(context: EngineContext): Promise<Reconciled> {
  const { rows } = await context.sql.query<{ id: string; run_id: string; trace_id: string; name: string; agent: string; attempt: number; input: unknown; timeout_ms: number | null; workflow: string; version: string }>(
    `SELECT s.id, s.run_id, s.trace_id, s.name, s.agent, s.attempt, s.input, s.timeout_ms, r.name AS workflow, r.version
       FROM steps s JOIN runs r ON r.id = s.run_id
      WHERE s.status IN ('pending', 'running') AND r.kind = 'workflow' AND r.status IN ('queued', 'running', 'waiting_for_human')`,
  );
  const missing = new Set(await context.queue.missing(rows.map((row) => row.id)));
  const jobs: StepJobData[] = rows
    .filter((row) => missing.has(row.id))
    .map((row) => ({ runId: row.run_id, traceId: row.trace_id, stepId: row.id, key: row.name, agent: row.agent, attempt: row.attempt, input: row.input, timeoutMs: row.timeout_ms, workflow: row.workflow, version: row.version }));
  if (jobs.length > 0) await context.queue.enqueue(jobs);
  const idle = await context.sql.query<{ id: string }>(
    `SELECT r.id FROM runs r WHERE r.kind = 'workflow' AND r.status IN ('queued', 'running')
        AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.run_id = r.id AND s.status IN ('pending', 'running'))`,
  );
  for (const run of idle.rows) await commitAndEnqueue(context, (transaction) => advanceRun(transaction, context, run.id));
  if (jobs.length > 0 || idle.rows.length > 0) context.logger.warn({ requeued: jobs.length, advanced: idle.rows.length }, 'reconciled runs whose jobs had vanished');
  return { requeued: jobs.length, advanced: idle.rows.length };
}
