import type { Engine } from '../../src/engine/engine.js';
import { BatonError } from '../../src/errors/index.js';
import type { RunDetail } from '../../src/store/index.js';

export const TERMINAL = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

export interface StartedRun {
  readonly key: string;
  readonly runId: string;
}

/**
 * Starts each run under its key as idempotency key, retrying while the store or Redis is down: a
 * start that committed before its answer was lost returns the same run, never a second one.
 */
export async function startRunsWithRetry(engine: Engine, runs: readonly { key: string; workflow: string; input: unknown }[], timeoutMs = 60_000): Promise<StartedRun[]> {
  const started: StartedRun[] = [];
  for (const run of runs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { runId } = await engine.start(run.workflow, run.input, { idempotencyKey: run.key, trigger: { source: 'reliability' } });
        started.push({ key: run.key, runId });
        break;
      } catch (error) {
        if (Date.now() > deadline || (error instanceof BatonError && !error.retryable)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  return started;
}

/** Polls until every run has ended (or `timeoutMs` passes); returns each run as it stands then, by key. */
export async function waitForSettled(engine: Engine, started: readonly StartedRun[], timeoutMs: number): Promise<Map<string, RunDetail>> {
  const deadline = Date.now() + timeoutMs;
  const latest = new Map<string, RunDetail>();
  for (;;) {
    for (const { key, runId } of started) {
      if (TERMINAL.has(latest.get(key)?.status ?? '')) continue;
      try {
        latest.set(key, await engine.getRun(runId));
      } catch {
        // The store restarting: read it again next round.
      }
    }
    const open = started.filter(({ key }) => !TERMINAL.has(latest.get(key)?.status ?? ''));
    if (open.length === 0 || Date.now() > deadline) return latest;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
