import { printJson } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';
import { readInputFile } from '../read-input-file.js';

export const eventsPublishCommand: CliCommand = {
  name: 'events publish',
  usage: 'baton events publish <type> [--data <file.json>] [--id <event id>]',
  summary: 'Publish a domain event (lead.created, reply.received, …) for the triggers to act on',
  help: [
    'Puts one event on the event bus. `baton serve` matches it against the triggers in the settings file and starts the',
    'workflows they name. The same --id published twice starts nothing twice. Prints the event id.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { data: { type: 'string' }, id: { type: 'string' } }, this.usage);
    const [type] = expectPositionals(positionals, 1, this.usage);
    const data = values.data === undefined ? {} : await readInputFile(values.data);
    const baton = await context.baton();
    const { events } = await baton.engine();
    const eventId = await events.publish({ type: type ?? '', data, ...(values.id === undefined ? {} : { id: values.id }) });
    const matching = baton.settings.triggers.filter((trigger) => trigger.event === type).map((trigger) => trigger.workflow);
    printJson(context.io, { eventId, type, triggers: matching });
    return EXIT.ok;
  },
};
