import type { StartedRun, StartWorkflowOptions, WorkflowStarter } from './workflow-starter.js';

export interface RecordedStart {
  readonly workflow: string;
  readonly input: unknown;
  readonly options: StartWorkflowOptions;
}

/**
 * A test double of the engine's WorkflowStarter port: records every call and keeps the port's
 * promise that one idempotency key gives one run. `failNext` makes the next call throw.
 */
export class RecordingStarter implements WorkflowStarter {
  readonly calls: RecordedStart[] = [];
  private readonly runs = new Map<string, string>();
  private failures: Error[] = [];

  start(workflow: string, input: unknown, options: StartWorkflowOptions): Promise<StartedRun> {
    this.calls.push({ workflow, input, options });
    const failure = this.failures.shift();
    if (failure !== undefined) return Promise.reject(failure);
    const runId = this.runs.get(options.idempotencyKey) ?? `run-${this.runs.size + 1}`;
    this.runs.set(options.idempotencyKey, runId);
    return Promise.resolve({ runId });
  }

  failNext(error: Error): void {
    this.failures.push(error);
  }

  /** Distinct runs started, however many times start was called. */
  get runCount(): number {
    return this.runs.size;
  }
}
