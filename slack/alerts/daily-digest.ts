import type { SlackContext } from '../app/slack-context.js';
import { validatedMessage } from '../blocks/validated-message.js';
import { digestMessage, type DigestFigures } from './alert-blocks.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DECIDED = ['approved', 'edited', 'rejected'] as const;

/** The last day in figures: runs by status, approvals waiting, the share approved unchanged, and cost. */
export async function digestFigures(context: SlackContext): Promise<DigestFigures> {
  const since = new Date(context.now().getTime() - DAY_MS).toISOString();
  const runs: Record<string, number> = {};
  let costUsd = 0;
  let cursor: string | undefined;
  // Newest first: stop at the first page that reaches past the day.
  for (let page = 0; page < 50; page += 1) {
    const result = await context.engine.listRuns({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    const recent = result.runs.filter((run) => run.createdAt >= since);
    for (const run of recent) {
      runs[run.status] = (runs[run.status] ?? 0) + 1;
      costUsd += run.costUsd;
    }
    if (recent.length < result.runs.length || result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  const waiting = (await context.engine.listApprovals({ status: 'pending', limit: 500 })).length;
  const decided = (await Promise.all(DECIDED.map((status) => context.engine.listApprovals({ status, limit: 500 })))).flat().filter((approval) => (approval.decidedAt ?? '') >= since && !(approval.decidedBy ?? '').startsWith('policy:'));
  return { since, runs, waiting, decided: decided.length, approvedUnchanged: decided.filter((approval) => approval.status === 'approved').length, costUsd };
}

export async function postDigest(context: SlackContext): Promise<void> {
  await context.client.chat.postMessage({ channel: context.channels.alerts, ...validatedMessage(digestMessage(await digestFigures(context))) });
}
