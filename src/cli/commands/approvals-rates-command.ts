import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatTable } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const approvalsRatesCommand: CliCommand = {
  name: 'approvals rates',
  usage: 'baton approvals rates [--json]',
  summary: 'Show how much of each gate a person reviews now (100% → 50% → 10%, never 0) and why',
  help: [
    'Medium-risk gates are reviewed at a rate computed from recorded human outcomes: everything until 30 days and 20',
    'decisions of data with 90% approved unchanged, then half, then 10% spot checks after 60 days at 95%. High-risk gates',
    'are always reviewed; low-risk ones are approved by policy.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const rates = await (await (await context.baton()).engine()).engine.reviewRates();
    if (values.json) {
      printJson(context.io, rates);
      return EXIT.ok;
    }
    if (rates.length === 0) {
      printLine(context.io, 'No gate has opened an approval yet.');
      return EXIT.ok;
    }
    const rows = rates.map((rate) => [
      rate.workflow,
      rate.action,
      `${Math.round(rate.rate * 100)}%`,
      String(rate.decisions),
      rate.unchangedShare === null ? '-' : `${Math.round(rate.unchangedShare * 100)}%`,
      String(rate.daysOfData),
      rate.reason,
    ]);
    printLine(context.io, formatTable(['workflow', 'action', 'reviewed', 'decisions (30 d)', 'approved unchanged', 'days of data', 'why'], rows));
    return EXIT.ok;
  },
};
