import { BatonError, formatZodIssues } from '../../errors/index.js';
import type { CliCommand } from '../cli-command.js';
import { FOLLOW_HELP, FOLLOW_OPTIONS, followRun, parseFollowChoice } from '../follow-run.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';
import { readInputFile } from '../read-input-file.js';

export const runCommand: CliCommand = {
  name: 'run',
  usage: 'baton run <workflow> --input <file.json> [--no-wait] [--timeout <seconds>]',
  summary: 'Start a workflow run, show its progress and print the result',
  help: [
    'Validates the input file against the workflow\'s input schema and starts a run (trigger: cli).',
    FOLLOW_HELP,
    'A run that waits for a person prints its pending approvals with their ids; decide with `baton approvals approve <id>`.',
    'Examples: examples/workflows/*.json. List workflows with `baton workflows`.',
    'Exit status: 0 succeeded, partial or waiting for a person (or started, with --no-wait); 1 failed, cancelled or',
    'timed out; 2 a bad command, workflow name or input file.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { input: { type: 'string', short: 'i' }, ...FOLLOW_OPTIONS }, this.usage);
    const [name] = expectPositionals(positionals, 1, this.usage);
    if (name === undefined || values.input === undefined) throw new BatonError('input_invalid', `Missing --input <file.json>. Usage: ${this.usage}`, { details: { usage: true } });
    const choice = parseFollowChoice(values);
    const baton = await context.baton();
    const workflow = baton.workflows.get(name);
    const input = await readInputFile(values.input);
    // Refuse bad input before Redis or the store is opened, with the message the engine would give.
    const parsed = workflow.input.safeParse(input);
    if (!parsed.success) {
      throw new BatonError('input_invalid', `Workflow ${name} input is invalid: ${formatZodIssues(parsed.error.issues)}`, { details: { workflow: name } });
    }
    const opened = await baton.engine();
    const started = await opened.engine.start(name, input, { trigger: { kind: 'cli' } });
    context.io.stderr.write(`baton: run ${started.runId} started (${workflow.name}@${workflow.version}${baton.runner.simulated ? ', offline simulator' : ''})\n`);
    return followRun({ baton, opened, io: context.io, runId: started.runId, choice });
  },
};
