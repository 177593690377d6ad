import { RunStatusSchema } from '../../store/index.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatCost, formatTable, formatTime } from '../format-table.js';
import { expectPositionals, parseChoice, parseCliArgs, parseWholeNumber } from '../parse-cli-args.js';

export const runsCommand: CliCommand = {
  name: 'runs',
  usage: 'baton runs [--status <status>] [--limit <n>] [--cursor <cursor>] [--json]',
  summary: 'List runs, newest first',
  help: [
    `Lists workflow and agent runs, newest first. --status filters by one of ${RunStatusSchema.options.join(', ')};`,
    '--limit takes 1 to 200 (default 50). When there are more, the next page\'s cursor is printed on stderr (in --json,',
    'it is nextCursor). Inspect one run with `baton runs show <id>`.',
  ].join('\n'),
  async run(args, context) {
    const options = { status: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
    const { values, positionals } = parseCliArgs(args, options, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const status = parseChoice('--status', values.status, RunStatusSchema.options);
    const limit = parseWholeNumber('--limit', values.limit, { min: 1, max: 200 });
    const opened = await (await context.baton()).engine();
    const page = await opened.engine.listRuns({ ...(status === undefined ? {} : { status }), ...(limit === undefined ? {} : { limit }), ...(values.cursor === undefined ? {} : { cursor: values.cursor }) });
    if (values.json) {
      printJson(context.io, page);
      return EXIT.ok;
    }
    if (page.runs.length === 0) context.io.stderr.write('baton: no runs.\n');
    else {
      const rows = page.runs.map((run) => [run.id, run.kind === 'workflow' ? run.name : `agent ${run.name}`, run.status, formatCost(run.costUsd), formatTime(run.createdAt), run.simulated ? 'simulated' : '']);
      printLine(context.io, formatTable(['id', 'name', 'status', 'cost', 'created', ''], rows));
    }
    if (page.nextCursor !== null) {
      const filters = [status === undefined ? '' : ` --status ${status}`, limit === undefined ? '' : ` --limit ${limit}`].join('');
      context.io.stderr.write(`baton: more runs: baton runs${filters} --cursor ${page.nextCursor}\n`);
    }
    return EXIT.ok;
  },
};
