import { z } from 'zod';

export const ReviewersSchema = z.object({
  /** Reviewer ids (Slack user ids, MCP or CLI identities). Empty users and groups: anyone may decide. */
  users: z.array(z.string().min(1)).default([]),
  groups: z.array(z.string().min(1)).default([]),
  channel: z.string().min(1).optional(),
});
export type Reviewers = z.infer<typeof ReviewersSchema>;

export const ReviewPolicySchema = z.object({
  /** Seed 003: low auto-approves, medium proceeds and notifies (sampled for review), high always asks. */
  risk: z.enum(['low', 'medium', 'high']).default('high'),
  reviewers: ReviewersSchema.default({ users: [], groups: [] }),
  expiresInMinutes: z.number().int().positive().default(1_440),
  onExpiry: z.enum(['escalate', 'reject']).default('escalate'),
  escalateTo: ReviewersSchema.default({ users: [], groups: [] }),
});
export type ReviewPolicy = z.infer<typeof ReviewPolicySchema>;

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = ReviewPolicySchema.parse({});

/** The policy in force for an action type; it is copied onto the approval so a later config change never alters an open one. */
export function reviewPolicyFor(policies: Readonly<Record<string, ReviewPolicy>>, action: string, fallback: ReviewPolicy = DEFAULT_REVIEW_POLICY): ReviewPolicy {
  return policies[action] ?? fallback;
}

export interface Reviewer {
  readonly id: string;
  readonly groups?: readonly string[];
}

export function mayDecide(reviewers: Reviewers, reviewer: Reviewer): boolean {
  if (reviewers.users.length === 0 && reviewers.groups.length === 0) return true;
  return reviewers.users.includes(reviewer.id) || (reviewer.groups ?? []).some((group) => reviewers.groups.includes(group));
}
