import type { webApi } from '@slack/bolt';
import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';

/** Group membership changes rarely; a minute keeps a burst of clicks to one lookup per group. */
const MEMBERSHIP_TTL_MS = 60_000;

export interface ReviewerDirectory {
  /** The Slack user as the engine's reviewer: their id and the approval's reviewer groups they belong to. */
  reviewerFor(userId: string, approval: Pick<ApprovalView, 'reviewers'>): Promise<{ id: string; groups: string[] }>;
}

/** Resolves Slack user-group membership with `usergroups.users.list`, cached per group. */
export function createReviewerDirectory(client: webApi.WebClient, now: () => number = Date.now): ReviewerDirectory {
  const cache = new Map<string, { users: Set<string>; at: number }>();
  const membersOf = async (group: string): Promise<Set<string>> => {
    const cached = cache.get(group);
    if (cached !== undefined && now() - cached.at < MEMBERSHIP_TTL_MS) return cached.users;
    const response = await client.usergroups.users.list({ usergroup: group });
    const users = new Set(response.users ?? []);
    cache.set(group, { users, at: now() });
    return users;
  };
  return {
    async reviewerFor(userId, approval) {
      const groups = [];
      for (const group of approval.reviewers.groups) if ((await membersOf(group)).has(userId)) groups.push(group);
      return { id: userId, groups };
    },
  };
}
