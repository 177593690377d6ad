import { BatonError } from '../errors/index.js';
import type { Baton } from '../main/create-baton.js';
import type { OpenedEngine } from '../main/open-engine.js';
import type { CliIo } from './cli-io.js';
import { printRunOutcome } from './print-run-outcome.js';
import { settleRun } from './settle-run.js';

/** The options of every command that moves a run on: wait for it (running workers here) or not. */
export const FOLLOW_OPTIONS = {
  'no-wait': { type: 'boolean', default: false },
  timeout: { type: 'string' },
} as const;

export const FOLLOW_HELP = [
  'Unless --no-wait, runs step workers in this process until the run succeeds, fails, is cancelled or waits for a',
  'person, or --timeout seconds pass (default 120), showing each step on stderr; then prints the run as JSON on stdout.',
].join('\n');

export interface FollowChoice {
  readonly wait: boolean;
  readonly timeoutSeconds: number;
}

const DEFAULT_TIMEOUT_SECONDS = 120;
const MAX_TIMEOUT_SECONDS = 86_400;

export function parseFollowChoice(values: { 'no-wait'?: boolean; timeout?: string }): FollowChoice {
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new BatonError('input_invalid', `--timeout: expected a number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got "${values.timeout ?? ''}".`, { details: { option: '--timeout' } });
  }
  return { wait: values['no-wait'] !== true, timeoutSeconds };
}

export interface FollowRunOptions {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  readonly io: CliIo;
  readonly runId: string;
  readonly choice: FollowChoice;
  /** Show progress only after this event: what the command caused, not the run's history. */
  readonly sinceEventId?: number;
  /** A rejection ends the run failed on purpose: that is still success for the command. */
  readonly failureExpected?: boolean;
}

/** Waits for the run as chosen, prints it, and returns the exit status. */
export async function followRun(options: FollowRunOptions): Promise<number> {
  const { opened, io, runId, choice } = options;
  const failureExpected = options.failureExpected === true;
  if (!choice.wait) return printRunOutcome(io, opened, await opened.engine.getRun(runId), { failureExpected });
  const settled = await settleRun({
    baton: options.baton,
    opened,
    io,
    runId,
    timeoutMs: choice.timeoutSeconds * 1_000,
    ...(options.sinceEventId === undefined ? {} : { sinceEventId: options.sinceEventId }),
  });
  return printRunOutcome(io, opened, settled.run, { timedOut: settled.timedOut, waitedSeconds: choice.timeoutSeconds, failureExpected });
}
