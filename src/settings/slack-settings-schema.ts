import { z } from 'zod';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const SLACK_GROUP_ID = /^S[A-Z0-9]{2,}$/;

/**
 * The Slack app's part of the settings file. People are named by their CRM user id in records
 * (`OwnerId`, `ManagerId`) and by their Slack user id in Slack; `users` links the two, so an
 * approval about a record can go to its owner's DM and a policy can let the owner or their
 * manager decide.
 */
export const SlackSettingsSchema = z.strictObject({
  $comment: z.string().optional(),
  /** CRM user id → Slack user id (`"005…": "U…"`). */
  users: z.record(z.string().min(1, 'must not be empty').max(64), z.string().regex(SLACK_USER_ID, 'must be a Slack user id (U… or W…)')).default({}),
  /** Who may Retry or Discard a dead letter from Slack; no users and no groups: anyone who sees the alerts channel. */
  triage: z
    .strictObject({
      users: z.array(z.string().regex(SLACK_USER_ID, 'must be a Slack user id (U… or W…)')).default([]),
      groups: z.array(z.string().regex(SLACK_GROUP_ID, 'must be a Slack user-group id (S…)')).default([]),
    })
    .prefault({}),
});
