import type { Migration } from './migration.js';

/**
 * A reviewer's answer where a model was unsure: the reply a router could not classify with
 * confidence, and the category the person chose. Written with the decision, in its commit, so
 * an example exists exactly when the decision does; eval exports read them as golden cases.
 */
export const labelledExamplesMigration: Migration = {
  version: 4,
  name: 'labelled-examples',
  sql: `
CREATE TABLE labelled_examples (
  id                   bigserial PRIMARY KEY,
  approval_id          text NOT NULL UNIQUE,
  run_id               text NOT NULL,
  trace_id             text NOT NULL,
  workflow             text,
  step                 text NOT NULL,
  input                jsonb NOT NULL,
  label                text NOT NULL,
  predicted            text,
  predicted_confidence double precision,
  labelled_by          text NOT NULL,
  via                  text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX labelled_examples_workflow_index ON labelled_examples (workflow, created_at);
`,
};
