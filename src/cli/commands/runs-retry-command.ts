import { CLI_ACTOR } from '../cli-actor.js';
import type { CliCommand } from '../cli-command.js';
import { FOLLOW_HELP, FOLLOW_OPTIONS, followRun, parseFollowChoice } from '../follow-run.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const runsRetryCommand: CliCommand = {
  name: 'runs retry',
  usage: 'baton runs retry <id> [--no-wait] [--timeout <seconds>]',
  summary: 'Retry a failed or partial run from its failed steps',
  help: [
    'Gives each failed step of the run a new attempt with the same input; steps that succeeded keep their output.',
    FOLLOW_HELP,
    'Exit status as for `baton run`; 2 when the run is not failed or partial.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, FOLLOW_OPTIONS, this.usage);
    const [runId = ''] = expectPositionals(positionals, 1, this.usage);
    const choice = parseFollowChoice(values);
    const baton = await context.baton();
    const opened = await baton.engine();
    const since = (await opened.engine.getRun(runId)).events.at(-1)?.id ?? 0;
    await opened.engine.retry(runId, CLI_ACTOR);
    context.io.stderr.write(`baton: run ${runId} retried\n`);
    return followRun({ baton, opened, io: context.io, runId, choice, sinceEventId: since });
  },
};
