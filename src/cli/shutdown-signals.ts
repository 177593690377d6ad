import { constants } from 'node:os';
import type { CliIo } from './cli-io.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface ShutdownSignals {
  /** Resolves on the first SIGINT or SIGTERM. */
  readonly received: Promise<NodeJS.Signals>;
  /** Stops listening, once the process has closed cleanly. */
  dispose(): void;
}

/**
 * The first signal asks for a clean stop (finish what is in flight, close connections); a
 * second one means "now" and exits at once, as people expect of a second Ctrl-C.
 */
export function listenForShutdown(io: CliIo, what: string): ShutdownSignals {
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((settle) => {
    resolve = settle;
  });
  const now = (signal: NodeJS.Signals) => {
    io.stderr.write(`baton: ${signal} again: exiting now without waiting for ${what}.\n`);
    process.exit(128 + constants.signals[signal]);
  };
  const first = (signal: NodeJS.Signals) => {
    io.stderr.write(`baton: ${signal} received: stopping ${what} (in-flight steps finish first; send it again to exit at once).\n`);
    for (const name of SIGNALS) {
      process.off(name, first);
      process.once(name, now);
    }
    resolve(signal);
  };
  for (const name of SIGNALS) process.once(name, first);
  return {
    received,
    dispose() {
      for (const name of SIGNALS) {
        process.off(name, first);
        process.off(name, now);
      }
    },
  };
}
