import { openCrm } from '../../main/open-crm.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const crmSeedCommand: CliCommand = {
  name: 'crm seed',
  usage: 'baton crm seed [--json]',
  summary: 'Load the sample book into the embedded CRM (reps, accounts, contacts, leads, open pipeline)',
  help: [
    'Adds 7 users (5 reps, 2 managers, with territories and segments), 30 accounts with 2-4 contacts each, 15 leads and',
    '20 open opportunities (some slipping or stalled) to the embedded CRM in the state database. One account is under legal',
    'hold. Running it again adds only what is missing and never overwrites a record that changed since. Refused when',
    'SALESFORCE_* credentials are set: the sample book is invented and does not belong in a real org.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const opened = await openCrm(await context.baton());
    const seeded = await opened.seed();
    if (values.json) {
      printJson(context.io, seeded);
      return EXIT.ok;
    }
    const counts = Object.entries(seeded.counts).map(([type, count]) => `${count} ${type}`).join(', ');
    printLine(context.io, `sample book: ${counts}`);
    printLine(context.io, `added ${seeded.inserted} records${seeded.existing > 0 ? `; ${seeded.existing} were already there and were left as they are` : ''}`);
    return EXIT.ok;
  },
};
