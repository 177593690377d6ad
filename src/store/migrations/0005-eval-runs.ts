import type { Migration } from './migration.js';

/**
 * One row per workflow per `baton eval`: its figures, each case's result and the comparison
 * with the previous eval of the same workflow in the same mode (offline or a real model), so
 * a drop in critic pass rate or agreement shows up run over run. No foreign key to runs: an
 * eval's record must outlive the runs it made.
 */
export const evalRunsMigration: Migration = {
  version: 5,
  name: 'eval-runs',
  sql: `
CREATE TABLE eval_runs (
  id               text PRIMARY KEY,
  batch_id         text NOT NULL,
  workflow         text NOT NULL,
  workflow_version text NOT NULL,
  mode             text NOT NULL CHECK (mode IN ('offline', 'model')),
  golden_digest    text NOT NULL,
  cases            integer NOT NULL CHECK (cases >= 0),
  passed           integer NOT NULL CHECK (passed >= 0 AND passed <= cases),
  metrics          jsonb NOT NULL,
  results          jsonb NOT NULL,
  drift            jsonb NOT NULL,
  previous_id      text,
  started_at       timestamptz NOT NULL,
  finished_at      timestamptz NOT NULL DEFAULT now()
);
-- The previous eval of a workflow in a mode, newest first.
CREATE INDEX eval_runs_workflow_index ON eval_runs (workflow, mode, finished_at DESC);
`,
};
