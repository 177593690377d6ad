import type { CrmObjectType, CrmRecord } from '../../../crm/adapter/index.js';
import type { ChangeSet } from '../../../crm/change-sets/index.js';
import { openCrm } from '../../main/open-crm.js';
import { printJson, printLine, type CliIo } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatJsonLine, formatTable, formatTime } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const crmShowCommand: CliCommand = {
  name: 'crm show',
  usage: 'baton crm show <type> <id> [--json]',
  summary: 'Show a CRM record (Account, Contact, Lead, Opportunity, Task, User) and the change sets proposed for it',
  help: [
    'Prints the record\'s fields by API name, when it last changed and whether it is under legal hold, then its change sets',
    'newest first: status, agent, confidence and the values each writes. With --json, { record, changeSets } as JSON.',
    'Reads from the embedded CRM, or from the Salesforce org when SALESFORCE_* credentials are set.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    const [type = '', id = ''] = expectPositionals(positionals, 2, this.usage);
    const opened = await openCrm(await context.baton());
    // The adapter checks the type against the CRM's objects and names them when it is not one.
    const ref = { type: type as CrmObjectType, id };
    const record = await opened.crm.getRecord(ref);
    const changeSets = await opened.changeSets.list({ record: ref, limit: 50 });
    if (values.json) {
      printJson(context.io, { record, changeSets });
      return EXIT.ok;
    }
    printRecord(context.io, record, changeSets);
    return EXIT.ok;
  },
};

function printRecord(io: CliIo, record: CrmRecord, changeSets: readonly ChangeSet[]): void {
  const onHold = record.fields['LegalHold__c'] === true ? '  UNDER LEGAL HOLD' : '';
  printLine(io, `${record.type} ${record.id}  last modified ${formatTime(record.lastModified)}${onHold}`);
  const width = Math.max(...Object.keys(record.fields).map((field) => field.length));
  for (const [field, value] of Object.entries(record.fields).sort(([a], [b]) => a.localeCompare(b))) {
    printLine(io, `  ${field.padEnd(width)}  ${formatJsonLine(value)}`);
  }
  printLine(io);
  printLine(io, `change sets (${changeSets.length})`);
  if (changeSets.length === 0) return;
  const rows = changeSets.map((changeSet) => [
    changeSet.id, changeSet.status, changeSet.agent, String(changeSet.confidence), formatTime(changeSet.createdAt),
    changeSet.changes.map((change) => `${change.field}: ${formatJsonLine(change.oldValue, 40)} -> ${formatJsonLine(change.newValue, 40)}`).join('; '),
  ]);
  printLine(io, formatTable(['id', 'status', 'agent', 'confidence', 'created', 'changes'], rows).replace(/^/gm, '  '));
}
