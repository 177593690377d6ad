/**
 * A review policy as the engine uses it: the settings file (`reviewPolicies`) declares them and
 * validates them; the engine copies the one in force onto each approval when it opens.
 */
export interface Reviewers {
  /** Reviewer ids (Slack user ids, MCP or CLI identities). No users and no groups: anyone may decide. */
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly channel?: string | undefined;
  /** The owner of the record under review, found when the approval opened: where its card goes, and who was added to `users`. */
  readonly owner?: RecordOwner | undefined;
}

/** A CRM record's owner and the owner's manager (CRM user ids), with their reviewer ids (Slack user ids) when the settings map them. */
export interface RecordOwner {
  readonly record: { readonly type: string; readonly id: string };
  readonly ownerId: string;
  readonly managerId?: string | undefined;
  readonly ownerReviewer?: string | undefined;
  readonly managerReviewer?: string | undefined;
}

export interface ReviewPolicy {
  /** Seed 003: low auto-approves, medium proceeds and notifies (sampled for review), high always asks. */
  readonly risk: 'low' | 'medium' | 'high';
  readonly reviewers: Reviewers;
  readonly expiresInMinutes: number;
  readonly onExpiry: 'escalate' | 'reject';
  readonly escalateTo: Reviewers;
  /** The owner of the record under review may decide too; see record-owner.ts. */
  readonly allowRecordOwner?: boolean;
  /** The owner's manager (CRM User.ManagerId) may decide too. */
  readonly allowOwnerManager?: boolean;
}

/** Unknown actions are high risk: a forgotten policy must never mean no review. */
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  risk: 'high',
  reviewers: { users: [], groups: [] },
  expiresInMinutes: 1_440,
  onExpiry: 'escalate',
  escalateTo: { users: [], groups: [] },
};

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
