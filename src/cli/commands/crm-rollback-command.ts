import { openCrm } from '../../main/open-crm.js';
import { CLI_ACTOR } from '../cli-actor.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatJsonLine } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const crmRollbackCommand: CliCommand = {
  name: 'crm rollback',
  usage: 'baton crm rollback <change-set-id> [--as <who>] [--override-legal-hold <reason>] [--json]',
  summary: 'Restore the values an applied CRM change set replaced',
  help: [
    'Writes back the old values of an applied change set, if every field still holds the value the change set wrote;',
    'otherwise refuses and names the field that changed since (exit status 2). --as names who rolled it back (default cli).',
    'A record under legal hold is restored only with --override-legal-hold and the reason, which the audit trail keeps.',
  ].join('\n'),
  async run(args, context) {
    const options = { as: { type: 'string' }, 'override-legal-hold': { type: 'string' }, json: { type: 'boolean', default: false } } as const;
    const { values, positionals } = parseCliArgs(args, options, this.usage);
    const [changeSetId = ''] = expectPositionals(positionals, 1, this.usage);
    const reason = values['override-legal-hold'];
    const opened = await openCrm(await context.baton());
    const rolledBack = await opened.changeSets.rollback(changeSetId, values.as ?? CLI_ACTOR, reason === undefined ? {} : { override: { legalHold: true, reason } });
    if (values.json) {
      printJson(context.io, rolledBack);
      return EXIT.ok;
    }
    printLine(context.io, `rolled back change set ${rolledBack.id} on ${rolledBack.record.type} ${rolledBack.record.id}`);
    for (const change of rolledBack.changes) printLine(context.io, `  ${change.field}: ${formatJsonLine(change.newValue, 60)} -> ${formatJsonLine(change.oldValue, 60)}`);
    return EXIT.ok;
  },
};
