import { BatonError } from '../../errors/index.js';
import { insertEvents } from '../persistence/event-rows.js';
import { isFinished, lockRun } from '../../store/run-sql.js';
import { advanceRun, type Advanced } from './advance-run.js';
import { commitAndEnqueue, type EngineContext } from './engine-context.js';

/** Cancels a run: open steps and approvals end as cancelled, waiting jobs are dropped, running ones find the run cancelled when they finish. */
export async function cancelRun(context: EngineContext, runId: string, by: string): Promise<{ status: string }> {
  const cancelled = await context.sql.transaction(async (transaction) => {
    const run = await lockRun(transaction, runId);
    if (isFinished(run.status)) throw new BatonError('conflict', `Run ${runId} is already ${run.status}.`, { details: { runId, status: run.status } });
    const steps = await transaction.query<{ id: string }>(`UPDATE steps SET status = 'cancelled', finished_at = now() WHERE run_id = $1 AND status IN ('pending', 'running') RETURNING id`, [runId]);
    await transaction.query(`UPDATE approvals SET status = 'cancelled', decided_by = $2, decided_at = now() WHERE run_id = $1 AND status = 'pending'`, [runId, by]);
    await transaction.query(`UPDATE runs SET status = 'cancelled', finished_at = now(), updated_at = now() WHERE id = $1`, [runId]);
    await insertEvents(transaction, { id: runId, traceId: run.trace_id }, [{ type: 'run.cancelled', data: { by } }]);
    return steps.rows.map((row) => row.id);
  });
  await context.queue.remove(cancelled);
  return { status: 'cancelled' };
}

/**
 * Restarts a failed or partial run from its failed steps: each gets a new attempt with the same
 * input; steps that succeeded keep their outputs and never run again.
 */
export async function retryRun(context: EngineContext, runId: string, by: string): Promise<Advanced> {
  return commitAndEnqueue(context, async (transaction) => {
    const run = await lockRun(transaction, runId);
    if (run.status !== 'failed' && run.status !== 'partial') {
      throw new BatonError('conflict', `Run ${runId} is ${run.status}; only failed or partial runs can be retried.`, { details: { runId, status: run.status } });
    }
    const failed = await transaction.query<{ name: string }>(
      `INSERT INTO steps (id, run_id, trace_id, name, agent, status, attempt, idempotency_key, input, timeout_ms, input_fingerprint)
       SELECT gen_random_uuid()::text, run_id, trace_id, name, agent, 'pending', attempt + 1, run_id || ':' || name || ':' || (attempt + 1), input, timeout_ms, input_fingerprint
         FROM (SELECT DISTINCT ON (name) * FROM steps WHERE run_id = $1 ORDER BY name, attempt DESC) latest
        WHERE status IN ('failed', 'cancelled', 'skipped')
       RETURNING name`,
      [runId],
    );
    if (failed.rows.length === 0) throw new BatonError('conflict', `Run ${runId} has no failed step to retry (it was stopped by a decision).`, { details: { runId } });
    await transaction.query(`UPDATE runs SET status = 'running', error = NULL, output = NULL, finished_at = NULL, updated_at = now() WHERE id = $1`, [runId]);
    await transaction.query(`UPDATE dead_letters SET status = 'retried', resolved_at = now(), resolved_by = $2 WHERE run_id = $1 AND status = 'open'`, [runId, by]);
    const advanced = await advanceRun(transaction, context, runId, { events: [{ type: 'run.retried', data: { by, steps: failed.rows.map((row) => row.name) } }] });
    const queued = await transaction.query<{ id: string; name: string; agent: string; attempt: number; input: unknown; timeout_ms: number | null }>(
      `SELECT id, name, agent, attempt, input, timeout_ms FROM steps WHERE run_id = $1 AND status = 'pending' AND name = ANY($2::text[])`,
      [runId, `{${failed.rows.map((row) => JSON.stringify(row.name)).join(',')}}`],
    );
    const retried = queued.rows.map((row) => ({ runId, traceId: run.trace_id, stepId: row.id, key: row.name, agent: row.agent, attempt: row.attempt, input: row.input, timeoutMs: row.timeout_ms, workflow: run.name, version: run.version }));
    return { ...advanced, jobs: [...advanced.jobs, ...retried] };
  });
}
