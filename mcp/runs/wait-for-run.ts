import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '../../src/engine/engine.js';
import type { RunDetail } from '../../src/store/index.js';
import { describeProgress } from './run-progress.js';
import { isDone } from './run-result.js';

export interface WaitForRunOptions {
  /** Milliseconds to wait at most; the run goes on after it, and the caller gets a handle. */
  readonly boundMs: number;
  readonly signal: AbortSignal;
  /** Called once per step that ends, approval asked or decided, and for the run's end. */
  readonly progress: (message: string) => Promise<void>;
  /**
   * `always`: a run waiting for a person is as far as this call can take it (a tool that just
   * started it). `on-change`: a run already waiting when the wait began is followed until
   * something happens to it (a decision, an expiry), so `get_run` with a wait is useful.
   */
  readonly returnWhenWaiting: 'always' | 'on-change';
}

export interface WaitedRun {
  readonly run: RunDetail;
  /** The client cancelled (or disconnected) while waiting. */
  readonly aborted: boolean;
}

const FIRST_POLL_MS = 10;
const LONGEST_POLL_MS = 200;

/**
 * Follows a run through the store until it ends, waits for a person, or the bound passes,
 * reporting each new event as progress. Polls with a growing interval: a quick run answers
 * within milliseconds, a long one costs a read every 200 ms.
 */
export async function waitForRun(engine: Engine, runId: string, options: WaitForRunOptions): Promise<WaitedRun> {
  const deadline = Date.now() + options.boundMs;
  let run = await engine.getRun(runId);
  const startedWaiting = run.status === 'waiting_for_human';
  const firstEventId = run.events.at(-1)?.id ?? 0;
  let reported = options.returnWhenWaiting === 'always' ? 0 : firstEventId;
  let interval = FIRST_POLL_MS;
  for (;;) {
    reported = await report(run, reported, options.progress);
    const moved = (run.events.at(-1)?.id ?? 0) > firstEventId;
    const waiting = run.status === 'waiting_for_human' && (options.returnWhenWaiting === 'always' || !startedWaiting || moved);
    if (isDone(run) || waiting) return { run, aborted: false };
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { run, aborted: false };
    if (!(await pause(Math.min(interval, remaining), options.signal))) return { run, aborted: true };
    interval = Math.min(LONGEST_POLL_MS, Math.ceil(interval * 1.5));
    run = await engine.getRun(runId);
  }
}

async function report(run: RunDetail, after: number, progress: (message: string) => Promise<void>): Promise<number> {
  let last = after;
  for (const event of run.events) {
    if (event.id <= last) continue;
    last = event.id;
    const message = describeProgress(event);
    if (message !== undefined) await progress(message);
  }
  return last;
}

/** False when the signal aborted the pause. */
async function pause(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await sleep(milliseconds, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
