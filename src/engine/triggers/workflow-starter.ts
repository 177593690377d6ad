/**
 * The engine's port for starting runs, as queues (events, schedules) call it. The engine
 * implements it; queues only know this shape, so a test can pass a recording double.
 */

/** What started a run, stored with it so a run can be traced back to its event or schedule. */
export type RunTrigger =
  | { readonly kind: 'event'; readonly eventId: string; readonly eventType: string }
  | { readonly kind: 'schedule'; readonly scheduleId: string; readonly firedAt: string };

export interface StartWorkflowOptions {
  readonly trigger: RunTrigger;
  readonly traceId?: string;
  /**
   * Same key, same run: queues deliver at least once, so a redelivered event or a duplicate
   * firing calls `start` again with the same key and must get the first run back.
   */
  readonly idempotencyKey: string;
}

export interface StartedRun {
  readonly runId: string;
}

export interface WorkflowStarter {
  start(workflow: string, input: unknown, options: StartWorkflowOptions): Promise<StartedRun>;
}
