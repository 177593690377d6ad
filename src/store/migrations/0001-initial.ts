import type { Migration } from './migration.js';

/**
 * Runs, their steps and events, approvals and the audit log. Ids are text (UUIDs made by the
 * app, so a caller knows an id before the insert); structured values are jsonb; money is
 * numeric so totals add up exactly. Statuses are checked here so no writer can invent one.
 */
export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE runs (
  id            text PRIMARY KEY,
  trace_id      text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('agent', 'workflow')),
  name          text NOT NULL,
  version       text NOT NULL,
  status        text NOT NULL CHECK (status IN ('queued', 'running', 'waiting_for_human', 'succeeded', 'partial', 'failed', 'cancelled')),
  input         jsonb,
  output        jsonb,
  error         jsonb,
  simulated     boolean NOT NULL DEFAULT false,
  cost_usd      numeric NOT NULL DEFAULT 0,
  input_tokens  integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  parent_run_id text REFERENCES runs (id) ON DELETE SET NULL
);
-- Listing pages newest first, with or without a status filter.
CREATE INDEX runs_created_at_index ON runs (created_at DESC, id DESC);
CREATE INDEX runs_status_created_at_index ON runs (status, created_at DESC, id DESC);
CREATE INDEX runs_trace_id_index ON runs (trace_id);
CREATE INDEX runs_parent_run_id_index ON runs (parent_run_id) WHERE parent_run_id IS NOT NULL;

CREATE TABLE steps (
  id                 text PRIMARY KEY,
  run_id             text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  trace_id           text NOT NULL,
  name               text NOT NULL,
  agent              text,
  status             text NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'skipped', 'waiting_for_human', 'cancelled')),
  attempt            integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  idempotency_key    text UNIQUE,
  input              jsonb,
  output             jsonb,
  error              jsonb,
  model              text,
  simulated          boolean NOT NULL DEFAULT false,
  input_tokens       integer NOT NULL DEFAULT 0,
  output_tokens      integer NOT NULL DEFAULT 0,
  cache_read_tokens  integer NOT NULL DEFAULT 0,
  cache_write_tokens integer NOT NULL DEFAULT 0,
  cost_usd           numeric NOT NULL DEFAULT 0,
  latency_ms         integer,
  confidence         real,
  started_at         timestamptz,
  finished_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX steps_run_id_index ON steps (run_id, created_at, id);

CREATE TABLE run_events (
  id       bigserial PRIMARY KEY,
  run_id   text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  trace_id text NOT NULL,
  step     text,
  type     text NOT NULL,
  data     jsonb,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX run_events_run_id_index ON run_events (run_id, id);

CREATE TABLE approvals (
  id           text PRIMARY KEY,
  run_id       text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  trace_id     text NOT NULL,
  step         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'approved', 'edited', 'rejected', 'expired')),
  payload      jsonb NOT NULL,
  fingerprint  text NOT NULL,
  policy       jsonb,
  requested_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  decided_by   text,
  decided_at   timestamptz,
  decision     jsonb,
  reason       text
);
-- The inbox (pending, oldest first) and the expiry sweep both start from status.
CREATE INDEX approvals_status_index ON approvals (status, expires_at);
CREATE INDEX approvals_run_id_index ON approvals (run_id);

-- No foreign key to runs: the audit trail must outlive anything it describes.
CREATE TABLE audit_log (
  id       bigserial PRIMARY KEY,
  trace_id text NOT NULL,
  run_id   text,
  actor    text NOT NULL,
  action   text NOT NULL,
  target   text NOT NULL,
  before   jsonb,
  after    jsonb,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_run_id_index ON audit_log (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX audit_log_at_index ON audit_log (at);
`,
};
