import type { ApprovalView } from '../../engine/approvals/approval-queries.js';
import { printJson, printLine, type CliIo } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatTime } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const approvalsShowCommand: CliCommand = {
  name: 'approvals show',
  usage: 'baton approvals show <id> [--json]',
  summary: 'Show one approval: what it asks, its payload, reviewers, fingerprint and decision',
  help: 'Prints the approval in full. Its fingerprint names this version of the payload: pass it to a decision with --fingerprint to decide only on what you saw.',
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    const [approvalId = ''] = expectPositionals(positionals, 1, this.usage);
    const opened = await (await context.baton()).engine();
    const approval = await opened.engine.getApproval(approvalId);
    if (values.json) printJson(context.io, approval);
    else printApproval(context.io, approval);
    if (approval.status === 'pending') {
      context.io.stderr.write(
        `baton: decide with: baton approvals approve ${approval.id}  |  baton approvals reject ${approval.id} --reason "…"  |  baton approvals edit ${approval.id} --input <file.json>\n`,
      );
    }
    return EXIT.ok;
  },
};

function printApproval(io: CliIo, approval: ApprovalView): void {
  const line = (text = '') => {
    printLine(io, text);
  };
  const reviewers = [...approval.reviewers.users, ...approval.reviewers.groups.map((group) => `group ${group}`)];
  line(`approval ${approval.id}  ${approval.status}`);
  line(`  run ${approval.runId} (${approval.workflow ?? 'agent'})  step ${approval.key}`);
  line(`  ${approval.kind} for ${approval.action}, ${approval.risk} risk, escalation level ${approval.escalationLevel}`);
  line(`  reviewers: ${reviewers.length === 0 ? 'anyone' : reviewers.join(', ')}${approval.reviewers.channel === undefined ? '' : ` (channel ${approval.reviewers.channel})`}`);
  line(`  requested ${formatTime(approval.requestedAt)}  expires ${formatTime(approval.expiresAt)}`);
  line(`  fingerprint ${approval.fingerprint}`);
  if (approval.decidedBy !== null) line(`  decided by ${approval.decidedBy} at ${formatTime(approval.decidedAt)}${approval.reason === null ? '' : `: ${approval.reason}`}`);
  line('  payload:');
  line(JSON.stringify(approval.payload, null, 2).replace(/^/gm, '    '));
  if (approval.editedPayload !== undefined && approval.editedPayload !== null) {
    line('  edited payload:');
    line(JSON.stringify(approval.editedPayload, null, 2).replace(/^/gm, '    '));
  }
}
