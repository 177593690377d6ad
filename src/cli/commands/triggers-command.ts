import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { formatTable } from '../format-table.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const triggersCommand: CliCommand = {
  name: 'triggers',
  usage: 'baton triggers [--json]',
  summary: 'List the event triggers of the settings file: which event starts which workflow',
  help: [
    'Prints the `triggers` section of the settings file (BATON_CONFIG, default ./baton.config.json): for each, the event',
    'type, the workflow it starts, the filters it must match (when) and how the event maps to the workflow input.',
    '`baton serve` runs them. Edit the settings file to change them.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const baton = await context.baton();
    const { triggers } = baton.settings;
    if (values.json) {
      printJson(context.io, triggers);
      return EXIT.ok;
    }
    if (triggers.length === 0) {
      context.io.stderr.write(`baton: no triggers in ${baton.config.configFile.path}.\n`);
      return EXIT.ok;
    }
    const pairs = (record: Readonly<Record<string, unknown>> | undefined) =>
      record === undefined ? '-' : Object.entries(record).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(' ');
    const rows = triggers.map((trigger) => [trigger.event, trigger.workflow, pairs(trigger.when), trigger.input === undefined ? '(event data)' : pairs(trigger.input)]);
    printLine(context.io, formatTable(['event', 'workflow', 'when', 'input'], rows));
    return EXIT.ok;
  },
};
