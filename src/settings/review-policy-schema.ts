import { z } from 'zod';

/**
 * Who reviews an action before it happens, for how long, and what happens when nobody does.
 * Policies are keyed by action name (`send_sequence`, `crm_write`, …); an action without one
 * falls back to `defaultReviewPolicy`.
 */

/** Actions the built-in workflows ask about; the example settings file documents each. */
export const KNOWN_REVIEW_ACTIONS = [
  'send_sequence',
  'crm_write',
  'review_classification',
  'review_low_confidence',
  'review_escalation',
] as const;

export const ACTION_NAME_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const name = z.string().min(1, 'must not be empty');

/** Slack user ids and user-group ids (or handles) that may decide. */
const ReviewersSchema = z.strictObject({ users: z.array(name).default([]), groups: z.array(name).default([]) });

const EscalationSchema = z.strictObject({
  users: z.array(name).default([]),
  groups: z.array(name).default([]),
  channel: name.optional(),
});

export const RiskSchema = z.enum(['low', 'medium', 'high']);

const policyFields = {
  /** JSON has no comments; `$comment` (JSON Schema's convention) says what the action is. */
  $comment: z.string().optional(),
  reviewers: ReviewersSchema.prefault({}),
  /** A day by default: long enough for a reviewer in another time zone, short enough that drafts stay fresh. */
  expiresInMinutes: z.number().int().min(1).max(43_200, 'must be at most 43200 (30 days)').default(1_440),
  onExpiry: z.enum(['escalate', 'reject']).default('escalate'),
  escalateTo: EscalationSchema.prefault({}),
  /**
   * The owner of the record the approval is about (a CRM change's record, the run's contact or
   * account) may decide too, and with `allowOwnerManager` the owner's manager (User.ManagerId);
   * resolved when the approval opens, through the settings' `slack.users` ids. Only widens a
   * policy that names reviewers: one naming none already lets anyone decide.
   */
  allowRecordOwner: z.boolean().default(false),
  allowOwnerManager: z.boolean().default(false),
};

export const ReviewPolicySchema = z.strictObject({ risk: RiskSchema, ...policyFields });

/** Unknown actions are treated as high risk: a forgotten policy must not mean no review. */
export const DefaultReviewPolicySchema = z.strictObject({ risk: RiskSchema.default('high'), ...policyFields });

export const ReviewPoliciesSchema = z.record(
  z.string().regex(ACTION_NAME_PATTERN, 'must be a snake_case action name, like send_sequence'),
  ReviewPolicySchema,
);
