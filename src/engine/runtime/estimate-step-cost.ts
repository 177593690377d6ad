import type { EngineContext } from './engine-context.js';
import type { StepJobData } from './step-job.js';

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;
const CHARACTERS_PER_TOKEN = 4;

/** An upper bound on one model call's cost, for the budget check before it: input at ~4 characters a token, the full output allowance. */
export function estimateStepCost(context: EngineContext, job: StepJobData): number {
  const price = context.priceOf(job.agent);
  if (price === undefined) return 0;
  const agent = context.workflows.get(job.workflow, job.version).agents.get(job.agent);
  const inputTokens = JSON.stringify(job.input ?? null).length / CHARACTERS_PER_TOKEN + 1_000;
  const outputTokens = agent?.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
