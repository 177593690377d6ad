import type { webApi } from '@slack/bolt';
import type { Engine } from '../../src/engine/engine.js';
import type { Logger } from '../../src/logging/index.js';
import type { CardStore } from '../cards/card-store.js';
import type { ReviewerDirectory } from '../reviewers/reviewer-directory.js';
import type { SlackWorkQueue } from '../work/slack-job.js';

export interface SlackChannels {
  /** Where approval cards go unless an approval names its own channel. */
  readonly approvals: string;
  /** Alerts, dead letters, breakers and the daily digest. */
  readonly alerts: string;
}

/** What every Slack listener and job uses: the engine's public API, the Web API client, the card store and the work queue. */
export interface SlackContext {
  readonly engine: Engine;
  readonly client: webApi.WebClient;
  readonly cards: CardStore;
  readonly reviewers: ReviewerDirectory;
  readonly work: SlackWorkQueue;
  readonly logger: Logger;
  readonly channels: SlackChannels;
  /** Who may Retry or Discard a dead letter (settings `slack.triage`); no users and no groups: anyone. */
  readonly triage: { readonly users: readonly string[]; readonly groups: readonly string[] };
  /** How long before an approval expires its thread gets a reminder. */
  readonly reminderMinutes: number;
  /** The CRM account with this exact name, with the domain its website gives; for `/research <company>`. */
  findAccount(name: string): Promise<{ readonly name: string; readonly domain: string } | undefined>;
  /** Posts to a slash command's `response_url`. */
  respond(responseUrl: string, message: { text: string; blocks?: unknown[]; response_type?: 'ephemeral' | 'in_channel'; replace_original?: boolean }): Promise<void>;
  readonly now: () => Date;
}
