import { describeAgent } from '../../../agents/index.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export const agentsCommand: CliCommand = {
  name: 'agents',
  usage: 'baton agents [--json]',
  summary: 'List agents with their model tier, what they read, their checks and schemas',
  help: 'Prints every agent Baton ships. With --json, prints the full definitions, including input and output JSON Schemas.',
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const baton = await context.baton();
    const descriptions = baton.agents.list().map((agent) => describeAgent(agent, baton.config.model.tiers));
    if (values.json) {
      printJson(context.io, descriptions);
      return EXIT.ok;
    }
    for (const agent of descriptions) {
      printLine(context.io, `${agent.name}  (${agent.tier} tier: ${agent.model}, timeout ${agent.timeoutMs / 1000}s, ${agent.prompt})`);
      printLine(context.io, `  ${agent.description}`);
      printLine(context.io, `  reads:  ${agent.reads.join(', ')}`);
      printLine(context.io, `  checks: ${agent.checks.map((check) => check.name).join(', ') || 'none'}`);
      printLine(context.io, `  input:  ${JSON.stringify(agent.inputSchema)}`);
      printLine(context.io, `  output: ${JSON.stringify(agent.outputSchema)}`);
      printLine(context.io);
    }
    return EXIT.ok;
  },
};
