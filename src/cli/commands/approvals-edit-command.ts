import { BatonError } from '../../errors/index.js';
import type { CliCommand } from '../cli-command.js';
import { DECIDE_HELP, DECIDE_OPTIONS, decideAndFollow } from '../decide-and-follow.js';
import { parseFollowChoice } from '../follow-run.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';
import { readInputFile } from '../read-input-file.js';

export const approvalsEditCommand: CliCommand = {
  name: 'approvals edit',
  usage: 'baton approvals edit <id> --input <file.json> [--as <reviewer>] [--fingerprint <fp>] [--no-wait] [--timeout <seconds>]',
  summary: 'Approve a pending approval with an edited payload from a JSON file',
  help: [
    'Replaces the payload with the file\'s JSON and approves it; the run continues with the edited version. The file must',
    'fit the approval\'s edit schema (`baton approvals show <id> --json` prints it as editSchema); a bad file is refused',
    'naming each field (exit 2). Start from the shown payload: `baton approvals show <id> --json | jq .payload > edit.json`.',
    DECIDE_HELP,
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { input: { type: 'string', short: 'i' }, ...DECIDE_OPTIONS }, this.usage);
    const [approvalId = ''] = expectPositionals(positionals, 1, this.usage);
    if (values.input === undefined) throw new BatonError('input_invalid', `Missing --input <file.json>. Usage: ${this.usage}`, { details: { option: '--input' } });
    const payload = await readInputFile(values.input);
    return decideAndFollow(context, { approvalId, decision: { decision: 'edit', payload }, reviewer: values.as, fingerprint: values.fingerprint, choice: parseFollowChoice(values) });
  },
};
