import type { AgentDefinition } from '../../agents/runtime/agent-definition.js';

/** Every failure message an agent's deterministic checks give an answer, as the repair call would quote them. */
export function agentCheckMessages<Input, Output, Answer>(agent: AgentDefinition<Input, Output, Answer>, answer: Answer, input: Input): string[] {
  return agent.checks.flatMap((check) => check.run(answer, input));
}
