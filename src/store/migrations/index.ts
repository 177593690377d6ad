import { initialMigration } from './0001-initial.js';
import { workflowEngineMigration } from './0002-workflow-engine.js';
import { crmMigration } from './0003-crm.js';
import { labelledExamplesMigration } from './0004-labelled-examples.js';
import { evalRunsMigration } from './0005-eval-runs.js';
import { slackCardsMigration } from './0006-slack-cards.js';
import { slackCardPermalinksMigration } from './0007-slack-card-permalinks.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in the order applied. Append new ones; never reorder or edit applied ones. */
export const MIGRATIONS: readonly Migration[] = [initialMigration, workflowEngineMigration, crmMigration, labelledExamplesMigration, evalRunsMigration, slackCardsMigration, slackCardPermalinksMigration];
