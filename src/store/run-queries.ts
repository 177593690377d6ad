import { BatonError } from '../errors/index.js';
import type { RunDetail, RunPage } from './run-records.js';
import { toRun, toRunEvent, toStep, type RunEventRow, type RunRow, type StepRow } from './run-rows.js';
import type { ListRunsOptions } from './run-store-types.js';
import type { SqlClient } from './sql-client.js';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export async function getRun(sql: SqlClient, id: string): Promise<RunDetail> {
  const { rows } = await sql.query<RunRow>('SELECT * FROM runs WHERE id = $1', [id]);
  const run = rows[0];
  if (run === undefined) throw new BatonError('not_found', `Run ${id} does not exist.`, { details: { runId: id } });
  const [steps, events] = await Promise.all([
    sql.query<StepRow>('SELECT * FROM steps WHERE run_id = $1 ORDER BY created_at, id', [id]),
    sql.query<RunEventRow>('SELECT * FROM run_events WHERE run_id = $1 ORDER BY id', [id]),
  ]);
  return { ...toRun(run), steps: steps.rows.map(toStep), events: events.rows.map(toRunEvent) };
}

function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BatonError('input_invalid', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${size}.`, { details: { field: 'limit' } });
  }
  return size;
}

async function assertCursor(sql: SqlClient, cursor: string): Promise<void> {
  const { rows } = await sql.query('SELECT 1 FROM runs WHERE id = $1', [cursor]);
  if (rows.length === 0) {
    throw new BatonError('input_invalid', `cursor ${cursor} does not name a run; pass nextCursor from the previous page.`, {
      details: { field: 'cursor' },
    });
  }
}

/**
 * Newest first. The cursor is the last run's id and the comparison reads that run's own
 * created_at in SQL, so microsecond timestamps never pass through a millisecond JS Date.
 */
const LIST_RUNS = `
SELECT * FROM runs
WHERE ($1::text IS NULL OR status = $1)
  AND ($2::text IS NULL OR (created_at, id) < (SELECT created_at, id FROM runs WHERE id = $2))
  AND ($4::text IS NULL OR name = $4)
ORDER BY created_at DESC, id DESC
LIMIT $3`;

export async function listRuns(sql: SqlClient, options: ListRunsOptions = {}): Promise<RunPage> {
  const size = pageSize(options.limit);
  if (options.cursor !== undefined) await assertCursor(sql, options.cursor);
  // One extra row says whether another page follows.
  const { rows } = await sql.query<RunRow>(LIST_RUNS, [options.status ?? null, options.cursor ?? null, size + 1, options.name ?? null]);
  const runs = rows.slice(0, size).map(toRun);
  const last = runs.at(-1);
  return { runs, nextCursor: rows.length > size && last !== undefined ? last.id : null };
}
