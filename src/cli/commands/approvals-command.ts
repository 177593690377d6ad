import { ApprovalViewSchema } from '../../engine/approvals/approval-queries.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatJsonLine, formatTable, formatTime } from '../format-table.js';
import { expectPositionals, parseChoice, parseCliArgs, parseWholeNumber } from '../parse-cli-args.js';

const STATUSES = [...ApprovalViewSchema.shape.status.options, 'all'] as const;

export const approvalsCommand: CliCommand = {
  name: 'approvals',
  usage: 'baton approvals [--status <status>] [--run <id>] [--limit <n>] [--json]',
  summary: 'List approvals: by default the pending ones, oldest first',
  help: [
    `Lists approvals. --status takes one of ${STATUSES.join(', ')} (default pending: the inbox, oldest first; others`,
    'newest first). --run keeps one run\'s approvals; --limit takes 1 to 500 (default 50).',
    'See one with `baton approvals show <id>`; decide with `baton approvals approve|reject|edit <id>`.',
  ].join('\n'),
  async run(args, context) {
    const options = { status: { type: 'string' }, run: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
    const { values, positionals } = parseCliArgs(args, options, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const status = parseChoice('--status', values.status, STATUSES) ?? 'pending';
    const limit = parseWholeNumber('--limit', values.limit, { min: 1, max: 500 });
    const opened = await (await context.baton()).engine();
    const approvals = await opened.engine.listApprovals({
      ...(status === 'all' ? {} : { status }),
      ...(values.run === undefined ? {} : { runId: values.run }),
      ...(limit === undefined ? {} : { limit }),
    });
    if (values.json) {
      printJson(context.io, approvals);
      return EXIT.ok;
    }
    if (approvals.length === 0) {
      context.io.stderr.write(`baton: no ${status === 'all' ? '' : `${status} `}approvals.\n`);
      return EXIT.ok;
    }
    const rows = approvals.map((approval) => [approval.id, approval.runId, approval.workflow ?? '-', approval.key, approval.action, approval.risk, approval.status, formatTime(approval.requestedAt), formatJsonLine(approval.payload, 60)]);
    printLine(context.io, formatTable(['id', 'run', 'workflow', 'key', 'action', 'risk', 'status', 'requested', 'payload'], rows));
    return EXIT.ok;
  },
};
