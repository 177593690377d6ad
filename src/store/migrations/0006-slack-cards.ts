import type { Migration } from './migration.js';

/**
 * What the Slack app has posted, so a restart reconciles instead of re-posting: one card per
 * approval (its thread root and the message with the buttons), and keyed notices (a dead
 * letter's triage message, a `/research` thread being followed, an alert already delivered).
 * A row is claimed before anything is posted, so two processes never post the same card.
 */
export const slackCardsMigration: Migration = {
  version: 6,
  name: 'slack-cards',
  sql: `
CREATE TABLE slack_cards (
  approval_id      text PRIMARY KEY,
  run_id           text NOT NULL,
  channel          text NOT NULL,
  root_ts          text,
  card_ts          text,
  state            text NOT NULL CHECK (state IN ('posting', 'open', 'closed')),
  fingerprint      text NOT NULL,
  escalation_level integer NOT NULL DEFAULT 0,
  reminded_at      timestamptz,
  closed_status    text,
  claimed_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slack_cards_state_index ON slack_cards (state) WHERE state <> 'closed';

CREATE TABLE slack_notices (
  key         text PRIMARY KEY,
  kind        text NOT NULL,
  channel     text NOT NULL,
  ts          text,
  state       text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slack_notices_open_index ON slack_notices (kind, state) WHERE state <> 'done';
`,
};
