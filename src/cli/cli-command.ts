import type { LogLevel } from '../config.js';
import type { Baton } from '../main/create-baton.js';
import type { CliIo } from './cli-io.js';

export interface CliContext {
  readonly io: CliIo;
  /** Wires Baton on first call: `--help` and usage errors never load config or open a database. */
  baton(): Promise<Baton>;
}

export interface CliCommand {
  /** One or two words: `agents`, `agent run`, `runs show`. */
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly help: string;
  /** The log level when BATON_LOG_LEVEL is unset: `warn` unless the command is a long-running process. */
  readonly defaultLogLevel?: LogLevel;
  run(args: readonly string[], context: CliContext): Promise<number>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
