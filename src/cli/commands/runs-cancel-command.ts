import { CLI_ACTOR } from '../cli-actor.js';
import { printJson } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const runsCancelCommand: CliCommand = {
  name: 'runs cancel',
  usage: 'baton runs cancel <id>',
  summary: 'Cancel a run that has not finished',
  help: [
    'Ends the run as cancelled: its open steps and pending approvals are cancelled and queued jobs dropped; a step already',
    'running finishes but its result moves nothing on. Prints {runId, status} as JSON. Exit status 2 when the run has finished.',
  ].join('\n'),
  async run(args, context) {
    const { positionals } = parseCliArgs(args, {}, this.usage);
    const [runId = ''] = expectPositionals(positionals, 1, this.usage);
    const opened = await (await context.baton()).engine();
    const { status } = await opened.engine.cancel(runId, CLI_ACTOR);
    printJson(context.io, { runId, status });
    return EXIT.ok;
  },
};
