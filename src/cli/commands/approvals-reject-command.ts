import type { CliCommand } from '../cli-command.js';
import { DECIDE_HELP, DECIDE_OPTIONS, decideAndFollow, reasonRequired } from '../decide-and-follow.js';
import { parseFollowChoice } from '../follow-run.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const approvalsRejectCommand: CliCommand = {
  name: 'approvals reject',
  usage: 'baton approvals reject <id> --reason "…" [--as <reviewer>] [--fingerprint <fp>] [--no-wait] [--timeout <seconds>]',
  summary: 'Reject a pending approval with a reason; the run stops there',
  help: [
    'Rejects the item as shown. The run stops there with the reason as its error: failed, or partial (keeping what the',
    'earlier steps produced) when some completed. Exit status 0 either way: that is what was asked.',
    DECIDE_HELP,
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { reason: { type: 'string' }, ...DECIDE_OPTIONS }, this.usage);
    const [approvalId = ''] = expectPositionals(positionals, 1, this.usage);
    const reason = reasonRequired(values.reason, this.usage);
    return decideAndFollow(context, { approvalId, decision: { decision: 'reject', reason }, reviewer: values.as, fingerprint: values.fingerprint, choice: parseFollowChoice(values) });
  },
};
