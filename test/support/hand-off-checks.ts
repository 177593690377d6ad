import type { AgentCatalog } from '../../agents/index.js';
import { formatZodIssues } from '../../src/errors/index.js';
import type { RunDetail } from '../../src/store/index.js';

/**
 * Every agent step of a run received what its agent accepts and produced what it promises:
 * each output was valid input to the step after it. Returns the problems, naming the step.
 */
export function handOffProblems(run: RunDetail, agents: AgentCatalog): string[] {
  return run.steps.flatMap((step) => {
    if (step.status !== 'succeeded' || step.agent === null || step.agent.startsWith('effect:')) return [];
    const agent = agents.get(step.agent);
    const input = agent.input.safeParse(step.input);
    const output = agent.output.safeParse(step.output);
    return [
      ...(input.success ? [] : [`${step.name} (${step.agent}) input: ${formatZodIssues(input.error.issues)}`]),
      ...(output.success ? [] : [`${step.name} (${step.agent}) output: ${formatZodIssues(output.error.issues)}`]),
    ];
  });
}
