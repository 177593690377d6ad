import { setTimeout as sleep } from 'node:timers/promises';
import type { Baton } from '../main/create-baton.js';
import type { OpenedEngine } from '../main/open-engine.js';
import { startWorkers } from '../main/start-workers.js';
import type { RunDetail } from '../store/index.js';
import type { CliIo } from './cli-io.js';
import { createProgress } from './progress-lines.js';
import { SETTLED_STATUSES } from './run-report.js';

export interface SettleRunOptions {
  readonly baton: Baton;
  readonly opened: OpenedEngine;
  readonly io: CliIo;
  readonly runId: string;
  readonly timeoutMs: number;
  /** Progress starts after this event id: a decision shows what followed it, not the whole history. */
  readonly sinceEventId?: number;
}

export interface SettledRun {
  readonly run: RunDetail;
  /** The run was still moving when the time ran out. */
  readonly timedOut: boolean;
}

const POLL_INTERVAL_MS = 100;

/**
 * Runs step workers in this process until the run ends or waits for a person, showing each new
 * event on stderr. Without a server, `baton run` still finishes: the CLI is its own worker.
 */
export async function settleRun(options: SettleRunOptions): Promise<SettledRun> {
  const { opened, runId } = options;
  const progress = createProgress(options.io, options.sinceEventId);
  const read = async () => {
    const run = await opened.engine.getRun(runId);
    progress.show(run.events);
    return run;
  };
  let run = await read();
  if (isSettled(run)) return { run, timedOut: false };
  const workers = await startWorkers({ opened, settings: options.baton.settings, logger: options.baton.logger, role: 'inline' });
  try {
    const deadline = Date.now() + options.timeoutMs;
    while (!isSettled(run) && Date.now() < deadline) {
      await sleep(POLL_INTERVAL_MS);
      run = await read();
    }
  } finally {
    await workers.close();
  }
  // Closing lets steps in flight finish; one of them may have settled the run.
  run = await read();
  return { run, timedOut: !isSettled(run) };
}

function isSettled(run: RunDetail): boolean {
  return SETTLED_STATUSES.includes(run.status);
}
