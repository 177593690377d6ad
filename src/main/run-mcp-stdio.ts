import type { Readable, Writable } from 'node:stream';
import { serveStdio } from '../../mcp/index.js';
import type { Baton } from './create-baton.js';
import { createMcpServerFactory } from './mcp-ports.js';
import { startWorkers } from './start-workers.js';

export interface RunMcpStdioOptions {
  readonly baton: Baton;
  readonly stdin: Readable;
  readonly stdout: Writable;
  /** Run step workers in this process (the default), so a laptop needs no `baton serve`. */
  readonly workers: boolean;
  /** Resolves when the process is told to stop (a signal); the session also ends when stdin closes. */
  readonly stop: Promise<unknown>;
}

/**
 * `baton mcp`: MCP over stdio for Claude Desktop and Claude Code. Serves until the client closes
 * stdin or a signal arrives, then lets steps in flight finish and closes.
 */
export async function runMcpStdio(options: RunMcpStdioOptions): Promise<void> {
  const { baton } = options;
  const opened = await baton.engine();
  const workers = options.workers ? await startWorkers({ opened, settings: baton.settings, logger: baton.logger, role: 'inline' }) : undefined;
  try {
    const factory = await createMcpServerFactory(baton, opened);
    const session = await serveStdio(factory.createServer(), { stdin: options.stdin, stdout: options.stdout });
    baton.logger.info({ tools: factory.catalog.toolList.length, workers: options.workers, simulated: baton.runner.simulated, identity: factory.ports.defaultIdentity.id }, 'baton mcp serving on stdio');
    await Promise.race([session.closed, options.stop]);
    await session.close();
  } finally {
    await workers?.close();
  }
}
