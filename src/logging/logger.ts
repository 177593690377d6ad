import pino, { type DestinationStream, type Logger } from 'pino';
import { currentTrace } from './trace-context.js';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear, so keys and tokens never reach a log line. */
export const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  'databaseUrl',
  '*.databaseUrl',
];

export interface LoggerOptions {
  readonly level: string;
  /** Stamped on every line, e.g. `{ simulated: true }` in offline mode. */
  readonly base?: Record<string, unknown>;
  /** Defaults to stderr: stdout belongs to command output and the MCP stdio protocol. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'baton', ...options.base },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...currentTrace() }),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination(2),
  );
}
