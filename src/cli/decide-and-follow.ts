import { DecisionSchema, type Decision } from '../engine/approvals/decide-approval.js';
import type { ApprovalView } from '../engine/approvals/approval-queries.js';
import { BatonError, formatZodIssues } from '../errors/index.js';
import type { CliContext } from './cli-command.js';
import { formatJsonLine } from './format-table.js';
import { FOLLOW_HELP, FOLLOW_OPTIONS, followRun, type FollowChoice } from './follow-run.js';

/** Options every decision command takes. */
export const DECIDE_OPTIONS = {
  as: { type: 'string' },
  fingerprint: { type: 'string' },
  ...FOLLOW_OPTIONS,
} as const;

export const DECIDE_HELP = [
  'Reads the approval, shows it on stderr and decides on exactly that version: the decision is refused (exit 2) if the',
  'item was already decided or has changed since. --fingerprint <fp> decides only on the version `baton approvals show`',
  'printed. --as names the reviewer (default "cli"); a reviewer the approval\'s policy does not list is refused (exit 2).',
  FOLLOW_HELP,
].join('\n');

export interface DecideAndFollowOptions {
  readonly approvalId: string;
  readonly decision: Decision;
  readonly reviewer: string | undefined;
  readonly fingerprint: string | undefined;
  readonly choice: FollowChoice;
}

const VERBS: Record<Decision['decision'], string> = { approve: 'approving', edit: 'editing', reject: 'rejecting' };

/** Decides one approval as a CLI reviewer, then follows its run like `baton run`; returns the exit status. */
export async function decideAndFollow(context: CliContext, options: DecideAndFollowOptions): Promise<number> {
  const decision = parseDecision(options.decision);
  const baton = await context.baton();
  const opened = await baton.engine();
  const approval = await opened.engine.getApproval(options.approvalId);
  const reviewer = options.reviewer ?? 'cli';
  // Show what is decided on; a decided item gets the engine's conflict message instead.
  if (approval.status === 'pending') context.io.stderr.write(`baton: ${VERBS[decision.decision]} ${describeApproval(approval)}\n`);
  const since = (await opened.engine.getRun(approval.runId)).events.at(-1)?.id ?? 0;
  const decided = await opened.engine.decide({
    approvalId: approval.id,
    fingerprint: options.fingerprint ?? approval.fingerprint,
    decision,
    reviewer: { id: reviewer, via: 'cli' },
  });
  context.io.stderr.write(`baton: approval ${approval.id} ${decided.outcome} by ${reviewer}; run ${approval.runId} is ${decided.status}\n`);
  return followRun({ baton, opened, io: context.io, runId: approval.runId, choice: options.choice, sinceEventId: since, failureExpected: decision.decision === 'reject' });
}

export function describeApproval(approval: ApprovalView): string {
  return `${approval.action} at ${approval.key} of run ${approval.runId} (${approval.workflow ?? 'agent'}, ${approval.risk} risk, fingerprint ${approval.fingerprint}): ${formatJsonLine(approval.payload, 200)}`;
}

function parseDecision(decision: Decision): Decision {
  const parsed = DecisionSchema.safeParse(decision);
  if (parsed.success) return parsed.data;
  const field = decision.decision === 'reject' ? '--reason' : 'decision';
  throw new BatonError('input_invalid', `${field}: ${formatZodIssues(parsed.error.issues, 'decision')}`, { details: { option: field } });
}

export function reasonRequired(reason: string | undefined, usage: string): string {
  if (reason === undefined) throw new BatonError('input_invalid', `--reason is required: say why the item is rejected. Usage: ${usage}`, { details: { option: '--reason' } });
  return reason;
}
