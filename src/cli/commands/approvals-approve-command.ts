import type { CliCommand } from '../cli-command.js';
import { DECIDE_HELP, DECIDE_OPTIONS, decideAndFollow } from '../decide-and-follow.js';
import { parseFollowChoice } from '../follow-run.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const approvalsApproveCommand: CliCommand = {
  name: 'approvals approve',
  usage: 'baton approvals approve <id> [--as <reviewer>] [--fingerprint <fp>] [--no-wait] [--timeout <seconds>]',
  summary: 'Approve a pending approval and let its run go on',
  help: ['Approves the item as shown; the run continues with it.', DECIDE_HELP].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, DECIDE_OPTIONS, this.usage);
    const [approvalId = ''] = expectPositionals(positionals, 1, this.usage);
    return decideAndFollow(context, { approvalId, decision: { decision: 'approve' }, reviewer: values.as, fingerprint: values.fingerprint, choice: parseFollowChoice(values) });
  },
};
