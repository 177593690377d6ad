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
  /** Secret values (API keys, tokens) scrubbed from every line, even inside error messages. */
  readonly secrets?: readonly string[];
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
      hooks: { streamWrite: scrubber(options.secrets ?? []) },
    },
    options.destination ?? pino.destination(2),
  );
}

/** Paths catch secrets by name; this catches them by value, wherever a message quotes one. */
function scrubber(secrets: readonly string[]): (line: string) => string {
  const values = secrets.filter((secret) => secret.length >= 8);
  if (values.length === 0) return (line) => line;
  return (line) => values.reduce((text, secret) => text.replaceAll(secret, '[redacted]'), line);
}
