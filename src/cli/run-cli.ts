import { toBatonError } from '../errors/index.js';
import { createBaton, type Baton, type BatonOptions } from '../main/create-baton.js';
import { agentRunCommand } from './commands/agent-run-command.js';
import { agentsCommand } from './commands/agents-command.js';
import { EXIT, type CliCommand, type CliContext } from './cli-command.js';
import { printLine, type CliIo } from './cli-io.js';

const COMMANDS: readonly CliCommand[] = [agentsCommand, agentRunCommand];

export interface RunCliOptions extends BatonOptions {
  readonly io: CliIo;
}

/** The whole CLI as a function: argv in, exit status out; main.ts only binds it to the process. */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<number> {
  const { io } = options;
  let baton: Promise<Baton> | undefined;
  const context: CliContext = { io, baton: () => (baton ??= createBaton({ defaultLogLevel: 'warn', ...options })) };
  try {
    return await dispatch(argv, context);
  } catch (thrown) {
    const error = toBatonError(thrown);
    io.stderr.write(`baton: ${error.code === 'internal' ? 'unexpected error' : error.code}: ${error.message}\n`);
    return error.fault === 'user' ? EXIT.usage : EXIT.failed;
  } finally {
    if (baton !== undefined) await (await baton.catch(() => undefined))?.close();
  }
}

async function dispatch(argv: readonly string[], context: CliContext): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? findCommand(argv.slice(1)) : undefined;
    printLine(context.io, topic === undefined ? overview() : `${topic.usage}\n\n${topic.help}`);
    return EXIT.ok;
  }
  const command = findCommand([first, second]);
  if (command === undefined) {
    context.io.stderr.write(`baton: unknown command "${argv.join(' ')}". Run baton --help for the list.\n`);
    return EXIT.usage;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    printLine(context.io, `${command.usage}\n\n${command.help}`);
    return EXIT.ok;
  }
  return command.run(rest, context);
}

function findCommand(words: readonly (string | undefined)[]): CliCommand | undefined {
  const two = words.slice(0, 2).join(' ');
  return COMMANDS.find((command) => command.name === two) ?? COMMANDS.find((command) => command.name === words[0]);
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return [
    'baton: orchestration server for go-to-market AI agents',
    '',
    'Usage: baton <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    `  ${'baton help <command>'.padEnd(width)}  Show a command's help`,
    '',
    'Configuration comes from environment variables (see the README). Without ANTHROPIC_API_KEY,',
    'Baton runs in offline mode: a deterministic simulator answers, and every result says so.',
  ].join('\n');
}
