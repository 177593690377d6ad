import { CLI_ACTOR } from '../cli-actor.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { FOLLOW_HELP, FOLLOW_OPTIONS, followRun, parseFollowChoice } from '../follow-run.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const deadLettersRetryCommand: CliCommand = {
  name: 'dead-letters retry',
  usage: 'baton dead-letters retry <id> [--no-wait] [--timeout <seconds>]',
  summary: 'Retry the run of an open dead letter from its failed steps',
  help: [
    'Retries the failed steps of the dead letter\'s run (as `baton runs retry` does) and marks its open dead letters retried.',
    FOLLOW_HELP,
    'Exit status as for `baton run`; 2 when the dead letter is not open or has no run.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, FOLLOW_OPTIONS, this.usage);
    const [deadLetterId = ''] = expectPositionals(positionals, 1, this.usage);
    const choice = parseFollowChoice(values);
    const baton = await context.baton();
    const opened = await baton.engine();
    const letter = await opened.engine.getDeadLetter(deadLetterId);
    const runId = letter.runId ?? undefined;
    const since = runId === undefined ? undefined : (await opened.engine.getRun(runId)).events.at(-1)?.id;
    await opened.engine.retryDeadLetter(deadLetterId, CLI_ACTOR);
    context.io.stderr.write(`baton: dead letter ${deadLetterId} retried${runId === undefined ? '' : `; run ${runId}`}\n`);
    if (runId === undefined) return EXIT.ok;
    return followRun({ baton, opened, io: context.io, runId, choice, ...(since === undefined ? {} : { sinceEventId: since }) });
  },
};
