import { BatonError } from '../../errors/index.js';
import { printJson } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { readInputFile } from '../read-input-file.js';
import { SIMULATED_NOTICE } from '../simulated-notice.js';

export const agentRunCommand: CliCommand = {
  name: 'agent run',
  usage: 'baton agent run <name> --input <file.json>',
  summary: 'Run one agent on a JSON input and print its validated output',
  help: [
    'Validates the input file against the agent\'s input schema, runs the agent, and prints the run as JSON on stdout',
    '(logs go to stderr). The run and its step are recorded in the state store under the printed runId.',
    'Exit status: 0 on success, 1 when the agent failed (the error is in the JSON), 2 for a bad command or input file.',
  ].join('\n'),
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { input: { type: 'string', short: 'i' } }, this.usage);
    const [name, ...extra] = positionals;
    if (name === undefined || values.input === undefined || extra.length > 0) {
      throw new BatonError('input_invalid', `Usage: ${this.usage}`, { details: { usage: true } });
    }
    const baton = await context.baton();
    const agent = baton.agents.get(name);
    const input = await readInputFile(values.input);
    baton.runner.prepareInput(agent, input); // refuse bad input before the store is even opened
    const { runId, traceId, result } = await (await baton.agentRuns()).run(agent, input);
    const notice = result.simulated ? { notice: SIMULATED_NOTICE } : {};
    if (!result.ok) {
      printJson(context.io, { runId, traceId, agent: name, status: 'failed', simulated: result.simulated, error: result.error.toJSON(), ...notice });
      context.io.stderr.write(`baton: agent ${name} failed (${result.error.code}): ${result.error.message}\n`);
      return EXIT.failed;
    }
    printJson(context.io, {
      runId,
      traceId,
      agent: name,
      status: 'succeeded',
      simulated: result.simulated,
      model: result.model,
      output: result.output,
      confidence: result.confidence,
      usage: result.usage,
      costUsd: result.costUsd,
      latencyMs: result.latencyMs,
      ...notice,
    });
    return EXIT.ok;
  },
};
