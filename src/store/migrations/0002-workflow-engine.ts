import type { Migration } from './migration.js';

/**
 * What the workflow engine keeps: a step row per node key and attempt (one attempt per key is
 * unique), approvals that carry their policy, reviewers and context with them (decided later,
 * never recomputed), and dead letters that can be listed and retried.
 */
export const workflowEngineMigration: Migration = {
  version: 2,
  name: 'workflow-engine',
  sql: `
ALTER TABLE steps ADD COLUMN timeout_ms integer;
-- What the step was given: when an upstream step re-runs, a step fed a different input runs again.
ALTER TABLE steps ADD COLUMN input_fingerprint text;
CREATE UNIQUE INDEX steps_run_name_attempt_index ON steps (run_id, name, attempt);

ALTER TABLE approvals DROP CONSTRAINT approvals_status_check;
ALTER TABLE approvals ADD CONSTRAINT approvals_status_check
  CHECK (status IN ('pending', 'approved', 'edited', 'rejected', 'expired', 'cancelled'));
ALTER TABLE approvals ADD COLUMN workflow text;
ALTER TABLE approvals ADD COLUMN kind text NOT NULL DEFAULT 'gate' CHECK (kind IN ('gate', 'review', 'escalation'));
ALTER TABLE approvals ADD COLUMN action text NOT NULL DEFAULT 'review';
ALTER TABLE approvals ADD COLUMN risk text NOT NULL DEFAULT 'high' CHECK (risk IN ('low', 'medium', 'high'));
ALTER TABLE approvals ADD COLUMN reviewers jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE approvals ADD COLUMN context jsonb;
ALTER TABLE approvals ADD COLUMN edit_schema jsonb;
ALTER TABLE approvals ADD COLUMN escalation_level integer NOT NULL DEFAULT 0;
ALTER TABLE approvals ADD COLUMN sampled boolean NOT NULL DEFAULT true;
CREATE UNIQUE INDEX approvals_run_step_index ON approvals (run_id, step);
-- Review sampling reads a gate's recorded outcomes over time.
CREATE INDEX approvals_outcomes_index ON approvals (workflow, action, decided_at);

CREATE TABLE dead_letters (
  id          text PRIMARY KEY,
  run_id      text REFERENCES runs (id) ON DELETE CASCADE,
  trace_id    text,
  step_id     text,
  source      text NOT NULL,
  reason      jsonb NOT NULL,
  payload     jsonb,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retried', 'discarded')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text
);
CREATE INDEX dead_letters_status_index ON dead_letters (status, created_at DESC);
`,
};
