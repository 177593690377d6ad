import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logging/index.js';

const text = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');

/** Bolt's and the Slack clients' log lines through Baton's pino logger, so they carry the same redaction and trace fields. */
export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...parts: unknown[]) => { child.debug(text(parts)); },
    info: (...parts: unknown[]) => { child.info(text(parts)); },
    warn: (...parts: unknown[]) => { child.warn(text(parts)); },
    error: (...parts: unknown[]) => { child.error(text(parts)); },
    setLevel: (next: LogLevel) => { level = next; },
    getLevel: () => level,
    setName: () => undefined,
  };
}
