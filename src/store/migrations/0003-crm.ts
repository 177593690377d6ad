import type { Migration } from './migration.js';

/**
 * The embedded CRM and change sets. A record keeps its fields by Salesforce API name in jsonb;
 * `legal_hold` and `owner_id` are generated from those fields, so they can never disagree with
 * them. `last_modified` is the optimistic-concurrency token a write must match, kept at
 * millisecond precision so it survives a round trip through an ISO string. A change set is
 * every proposed write with governance's decision; `crm_writes` is the ledger of applied writes
 * that the per-record hourly cap counts (and the embedded CRM's record of idempotency keys).
 */
export const crmMigration: Migration = {
  version: 3,
  name: 'crm',
  sql: `
CREATE TABLE crm_records (
  type          text NOT NULL CHECK (type IN ('Account', 'Contact', 'Lead', 'Opportunity', 'Task', 'User')),
  id            text NOT NULL,
  fields        jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_modified timestamptz NOT NULL,
  legal_hold    boolean GENERATED ALWAYS AS (coalesce(fields -> 'LegalHold__c' = 'true'::jsonb, false)) STORED,
  owner_id      text GENERATED ALWAYS AS (fields ->> 'OwnerId') STORED,
  PRIMARY KEY (type, id)
);
-- Queries filter by field equality (fields @> {...}); owners list their book.
CREATE INDEX crm_records_fields_index ON crm_records USING gin (fields jsonb_path_ops);
CREATE INDEX crm_records_owner_index ON crm_records (owner_id) WHERE owner_id IS NOT NULL;

-- No foreign key to runs or records: the audit trail must outlive anything it describes.
CREATE TABLE crm_change_sets (
  id                     text PRIMARY KEY,
  run_id                 text,
  trace_id               text NOT NULL,
  agent                  text NOT NULL,
  agent_version          text NOT NULL,
  confidence             double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  record_type            text NOT NULL,
  record_id              text NOT NULL,
  changes                jsonb NOT NULL,
  expected_last_modified timestamptz NOT NULL,
  status                 text NOT NULL CHECK (status IN ('proposed', 'held', 'awaiting_approval', 'approved', 'applied', 'rejected', 'dead_lettered', 'conflicted', 'rolled_back', 'superseded')),
  decision               jsonb NOT NULL,
  idempotency_key        text NOT NULL UNIQUE,
  trigger                jsonb,
  retry_at               timestamptz,
  approval               jsonb,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  applied_at             timestamptz,
  applied_by             text,
  crm_response           jsonb,
  rolled_back_at         timestamptz,
  rolled_back_by         text
);
-- Open proposals for one record (conflicts, the cap's pending writes) and a record's history.
CREATE INDEX crm_change_sets_record_index ON crm_change_sets (record_type, record_id, status);
CREATE INDEX crm_change_sets_status_index ON crm_change_sets (status, created_at DESC, id DESC);
CREATE INDEX crm_change_sets_held_index ON crm_change_sets (retry_at) WHERE status = 'held';
CREATE INDEX crm_change_sets_run_id_index ON crm_change_sets (run_id) WHERE run_id IS NOT NULL;

CREATE TABLE crm_writes (
  change_set_id text PRIMARY KEY,
  record_type   text NOT NULL,
  record_id     text NOT NULL,
  written_at    timestamptz NOT NULL
);
CREATE INDEX crm_writes_record_index ON crm_writes (record_type, record_id, written_at);
`,
};
