import type { Migration } from './migration.js';

/**
 * The permalink of each approval card, as Slack gives it (`chat.getPermalink`), so every other
 * surface (MCP run handles, the CLI, the inspector) can point a reviewer at the message where
 * the decision is taken. Null until the card is posted, or when Slack would not say.
 */
export const slackCardPermalinksMigration: Migration = {
  version: 7,
  name: 'slack-card-permalinks',
  sql: `ALTER TABLE slack_cards ADD COLUMN permalink text;`,
};
