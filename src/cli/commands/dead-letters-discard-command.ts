import { CLI_ACTOR } from '../cli-actor.js';
import { printJson } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const deadLettersDiscardCommand: CliCommand = {
  name: 'dead-letters discard',
  usage: 'baton dead-letters discard <id>',
  summary: 'Mark an open dead letter as dealt with, without retrying it',
  help: 'Records that nobody will retry the failed work (who and when). Prints {deadLetterId, status} as JSON. Exit status 2 when it is not open.',
  async run(args, context) {
    const { positionals } = parseCliArgs(args, {}, this.usage);
    const [deadLetterId = ''] = expectPositionals(positionals, 1, this.usage);
    const opened = await (await context.baton()).engine();
    await opened.engine.discardDeadLetter(deadLetterId, CLI_ACTOR);
    printJson(context.io, { deadLetterId, status: 'discarded' });
    return EXIT.ok;
  },
};
