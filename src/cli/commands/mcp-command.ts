import { runMcpStdio } from '../../main/run-mcp-stdio.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';
import { listenForShutdown } from '../shutdown-signals.js';

export const mcpCommand: CliCommand = {
  name: 'mcp',
  usage: 'baton mcp [--no-workers]',
  summary: 'Serve MCP over stdio (Claude Desktop, Claude Code): every workflow and agent as a tool',
  help: [
    'Speaks the Model Context Protocol on stdin and stdout: workflows and agents as tools, runs and approvals, resources',
    'and prompts. stdout carries protocol messages only; logs go to stderr. Step workers run in this process unless',
    '--no-workers (then a `baton serve` or `baton worker` sharing Redis and PostgreSQL does the work). Stops when the',
    'client closes stdin, or on SIGINT or SIGTERM. Decisions are recorded as BATON_MCP_REVIEWER (default mcp).',
  ].join('\n'),
  defaultLogLevel: 'info',
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { 'no-workers': { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const signals = listenForShutdown(context.io, 'the MCP server');
    try {
      const baton = await context.baton();
      await runMcpStdio({ baton, stdin: process.stdin, stdout: context.io.stdout, workers: !values['no-workers'], stop: signals.received });
      return EXIT.ok;
    } finally {
      signals.dispose();
    }
  },
};
