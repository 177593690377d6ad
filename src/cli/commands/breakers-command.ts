import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const breakersCommand: CliCommand = {
  name: 'breakers',
  usage: 'baton breakers [--json] [--reset <name>]',
  summary: 'Show circuit breakers (per agent and integration): closed, open or half-open',
  help: 'Lists every breaker that has seen a failure, with its consecutive failures and when an open one will let a probe through. --reset closes one by hand.',
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false }, reset: { type: 'string' } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const { breakers } = await (await context.baton()).engine();
    if (values.reset !== undefined) await breakers.reset(values.reset);
    const states = await breakers.list();
    if (values.json) {
      printJson(context.io, states);
      return EXIT.ok;
    }
    if (states.length === 0) printLine(context.io, 'No breaker has seen a failure.');
    for (const state of states) {
      const until = state.retryAt === null ? '' : `  probe after ${state.retryAt}`;
      printLine(context.io, `${state.name.padEnd(40)} ${state.state.padEnd(9)} ${state.consecutiveFailures} consecutive failures${until}`);
    }
    return EXIT.ok;
  },
};
