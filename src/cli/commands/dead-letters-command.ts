import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatTable, formatTime } from '../format-table.js';
import { expectPositionals, parseChoice, parseCliArgs, parseWholeNumber } from '../parse-cli-args.js';

const STATUSES = ['open', 'retried', 'discarded', 'all'] as const;

export const deadLettersCommand: CliCommand = {
  name: 'dead-letters',
  usage: 'baton dead-letters [--status open|retried|discarded|all] [--limit <n>] [--json]',
  summary: 'List failed work nobody has dealt with yet (by default the open dead letters)',
  help: [
    'A step that failed for good, and an event or schedule that could not start its workflow, leaves a dead letter with',
    'its run, its reason and what it carried. --status defaults to open; --limit takes 1 to 500 (default 50).',
    'Deal with one using `baton dead-letters retry <id>` or `baton dead-letters discard <id>`.',
  ].join('\n'),
  async run(args, context) {
    const options = { status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
    const { values, positionals } = parseCliArgs(args, options, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const status = parseChoice('--status', values.status, STATUSES) ?? 'open';
    const limit = parseWholeNumber('--limit', values.limit, { min: 1, max: 500 });
    const opened = await (await context.baton()).engine();
    const letters = await opened.engine.listDeadLetters({ ...(status === 'all' ? {} : { status }), ...(limit === undefined ? {} : { limit }) });
    if (values.json) {
      printJson(context.io, letters);
      return EXIT.ok;
    }
    if (letters.length === 0) {
      context.io.stderr.write(`baton: no ${status === 'all' ? '' : `${status} `}dead letters.\n`);
      return EXIT.ok;
    }
    const rows = letters.map((letter) => [letter.id, letter.runId ?? '-', letter.source, letter.status, formatTime(letter.createdAt), `${letter.reason.code}: ${letter.reason.message}`]);
    printLine(context.io, formatTable(['id', 'run', 'source', 'status', 'created', 'reason'], rows));
    return EXIT.ok;
  },
};
