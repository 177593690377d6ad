import { toBatonError } from '../errors/index.js';
import { createBaton, type Baton, type BatonOptions } from '../main/create-baton.js';
import { EXIT, type CliCommand, type CliContext } from './cli-command.js';
import { printLine, type CliIo } from './cli-io.js';
import { approvalsRatesCommand } from './commands/approvals-rates-command.js';
import { crmRollbackCommand } from './commands/crm-rollback-command.js';
import { crmSeedCommand } from './commands/crm-seed-command.js';
import { crmShowCommand } from './commands/crm-show-command.js';
import { breakersCommand } from './commands/breakers-command.js';
import { evalCommand } from './commands/eval-command.js';
import { evalExportDecisionsCommand } from './commands/eval-export-decisions-command.js';
import { eventsPublishCommand } from './commands/events-publish-command.js';
import { agentRunCommand } from './commands/agent-run-command.js';
import { agentsCommand } from './commands/agents-command.js';
import { approvalsApproveCommand } from './commands/approvals-approve-command.js';
import { approvalsCommand } from './commands/approvals-command.js';
import { approvalsEditCommand } from './commands/approvals-edit-command.js';
import { approvalsRejectCommand } from './commands/approvals-reject-command.js';
import { approvalsShowCommand } from './commands/approvals-show-command.js';
import { deadLettersCommand } from './commands/dead-letters-command.js';
import { deadLettersDiscardCommand } from './commands/dead-letters-discard-command.js';
import { deadLettersRetryCommand } from './commands/dead-letters-retry-command.js';
import { metricsCommand } from './commands/metrics-command.js';
import { mcpCommand } from './commands/mcp-command.js';
import { runCommand } from './commands/run-command.js';
import { runsCancelCommand } from './commands/runs-cancel-command.js';
import { runsCommand } from './commands/runs-command.js';
import { runsRetryCommand } from './commands/runs-retry-command.js';
import { runsShowCommand } from './commands/runs-show-command.js';
import { schedulesCommand } from './commands/schedules-command.js';
import { serveCommand } from './commands/serve-command.js';
import { slackCommand } from './commands/slack-command.js';
import { triggersCommand } from './commands/triggers-command.js';
import { workerCommand } from './commands/worker-command.js';
import { workflowsCommand } from './commands/workflows-command.js';

/** Every command, in the order `baton --help` lists them. */
const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  workerCommand,
  slackCommand,
  mcpCommand,
  workflowsCommand,
  runCommand,
  runsCommand,
  runsShowCommand,
  runsRetryCommand,
  runsCancelCommand,
  approvalsCommand,
  approvalsShowCommand,
  approvalsApproveCommand,
  approvalsRejectCommand,
  approvalsEditCommand,
  approvalsRatesCommand,
  deadLettersCommand,
  deadLettersRetryCommand,
  deadLettersDiscardCommand,
  crmSeedCommand,
  crmShowCommand,
  crmRollbackCommand,
  triggersCommand,
  schedulesCommand,
  eventsPublishCommand,
  breakersCommand,
  metricsCommand,
  agentsCommand,
  agentRunCommand,
  evalCommand,
  evalExportDecisionsCommand,
];

/**
 * The command named by the first words of argv: two-word names (`runs show`) before one-word
 * ones (`runs`), so `baton runs show <id>` and `baton runs --status failed` both resolve.
 */
function findCommand(words: readonly string[]): CliCommand | undefined {
  const two = words.slice(0, 2).join(' ');
  return COMMANDS.find((command) => command.name === two) ?? COMMANDS.find((command) => command.name === words[0]);
}

export interface RunCliOptions extends BatonOptions {
  readonly io: CliIo;
}

/** The whole CLI as a function: argv in, exit status out; main.ts only binds it to the process. */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<number> {
  const { io } = options;
  let baton: Promise<Baton> | undefined;
  const contextFor = (command: CliCommand): CliContext => ({
    io,
    baton: () => (baton ??= createBaton({ defaultLogLevel: command.defaultLogLevel ?? 'warn', ...options })),
  });
  try {
    return await dispatch(argv, io, contextFor);
  } catch (thrown) {
    const error = toBatonError(thrown);
    io.stderr.write(`baton: ${error.code === 'internal' ? 'unexpected error' : error.code}: ${error.message}\n`);
    return error.fault === 'user' ? EXIT.usage : EXIT.failed;
  } finally {
    if (baton !== undefined) await (await baton.catch(() => undefined))?.close();
  }
}

async function dispatch(argv: readonly string[], io: CliIo, contextFor: (command: CliCommand) => CliContext): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && argv.length > 1 ? findCommand(argv.slice(1)) : undefined;
    if (first === 'help' && argv.length > 1 && topic === undefined) return unknownCommand(io, argv.slice(1));
    printLine(io, topic === undefined ? overview() : `${topic.usage}\n\n${topic.help}`);
    return EXIT.ok;
  }
  const command = findCommand(argv);
  if (command === undefined) return unknownCommand(io, argv);
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    printLine(io, `${command.usage}\n\n${command.help}`);
    return EXIT.ok;
  }
  return command.run(rest, contextFor(command));
}

function unknownCommand(io: CliIo, words: readonly string[]): number {
  io.stderr.write(`baton: unknown command "${words.join(' ')}". Run baton --help for the list.\n`);
  return EXIT.usage;
}

/** Usages longer than this put their summary on the next line, so the list stays readable. */
const USAGE_COLUMN = 52;

function overview(): string {
  const width = Math.min(USAGE_COLUMN, Math.max(...COMMANDS.map((command) => command.usage.length)));
  const entry = (usage: string, summary: string) =>
    usage.length <= width ? [`  ${usage.padEnd(width)}  ${summary}`] : [`  ${usage}`, `  ${''.padEnd(width)}  ${summary}`];
  return [
    'baton: orchestration server for go-to-market AI agents',
    '',
    'Usage: baton <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.flatMap((command) => entry(command.usage, command.summary)),
    ...entry('baton help <command>', "Show a command's help"),
    '',
    'Configuration comes from environment variables (see the README). Without ANTHROPIC_API_KEY,',
    'Baton runs in offline mode: a deterministic simulator answers, and every result says so.',
  ].join('\n');
}
