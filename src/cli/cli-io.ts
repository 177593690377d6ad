import type { Writable } from 'node:stream';

/** Where a command writes: stdout carries results only (so they can be piped), stderr the rest. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(io: CliIo, line = ''): void {
  io.stdout.write(`${line}\n`);
}
