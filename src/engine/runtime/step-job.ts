import { z } from 'zod';

/** A step job's data: everything a worker needs to run the step without reading the store first. */
export const StepJobDataSchema = z.object({
  runId: z.string().min(1),
  traceId: z.string().min(1),
  stepId: z.string().min(1),
  key: z.string().min(1),
  agent: z.string().min(1),
  attempt: z.number().int().min(1),
  input: z.unknown(),
  timeoutMs: z.number().int().positive().nullable(),
  workflow: z.string().min(1),
  version: z.string().min(1),
});
export type StepJobData = z.infer<typeof StepJobDataSchema>;

/** What the engine needs from a queue; queues/ implements it on BullMQ. */
export interface StepQueue {
  /** Adds jobs whose id is the step id, so adding one twice is a no-op. */
  enqueue(jobs: readonly StepJobData[]): Promise<void>;
  /** The step ids among these that have no waiting, delayed or active job. */
  missing(stepIds: readonly string[]): Promise<string[]>;
  /** Drops waiting and delayed jobs (a cancelled run); active ones finish and find their run cancelled. */
  remove(stepIds: readonly string[]): Promise<void>;
}
