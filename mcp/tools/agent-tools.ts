import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnyAgent } from '../../agents/index.js';
import { runResultJsonSchema } from '../runs/run-result.js';
import { runToolResult } from '../runs/run-tool-result.js';
import { defineTool, type ToolCall, type ToolDefinition } from './tool-definition.js';
import { titleOf } from './workflow-traits.js';

/** The tool name of an agent: `reply-classifier` is `agent_reply_classifier`. */
export function agentToolName(agent: AnyAgent): string {
  return `agent_${agent.name.replaceAll('-', '_')}`;
}

/** Every agent alone, for an outer LLM that composes them itself instead of calling a workflow. */
export function agentTools(agents: readonly AnyAgent[], callBoundMs: number): ToolDefinition[] {
  return agents.map((agent) =>
    defineTool({
      name: agentToolName(agent),
      title: `${titleOf(agent.name)} (agent)`,
      description: [
        agent.description,
        `Runs the ${agent.name} agent alone (${agent.tier} model tier) on exactly the fields it reads: ${agent.reads.join(', ')}. Its answer is validated against its output schema${agent.checks.length > 0 ? ` and its checks (${agent.checks.map((check) => check.name).join(', ')})` : ''}. Nothing is sent or written and no approval is asked; prefer a workflow tool when one covers the whole task.`,
        `Returns within ${Math.round(callBoundMs / 1000)} s the recorded run with the agent's output, or a run handle to follow with get_run.`,
      ].join('\n\n'),
      input: agent.input,
      outputSchema: runResultJsonSchema(agent.output),
      // An agent alone returns an answer and changes nothing; the same input may still get a different answer.
      annotations: { title: titleOf(agent.name), readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      handle: (input, call) => runAgentTool(agent, input, call),
    }),
  );
}

async function runAgentTool(agent: AnyAgent, input: unknown, call: ToolCall) {
  const { ports } = call;
  const runId = randomUUID();
  const controller = new AbortController();
  const stop = () => { controller.abort(); };
  call.signal.addEventListener('abort', stop, { once: true });
  // Settles, never rejects: after a handle is returned nobody awaits it, and a failure is recorded on the run.
  const running = ports.runAgent(agent, input, { runId, signal: controller.signal }).then(
    (result) => ({ settled: true as const, result }),
    (error: unknown) => ({ settled: true as const, error }),
  );
  const bound = new AbortController();
  try {
    const first = await Promise.race([running, sleep(ports.callBoundMs, { settled: false as const }, { signal: bound.signal })]);
    if (first.settled && 'error' in first) throw first.error;
    await call.progress(first.settled ? `${agent.name} ${first.result.ok ? 'completed' : 'failed'}` : `${agent.name} is still running`);
    return await runToolResult(ports.engine, await ports.engine.getRun(runId), { failureIsError: true });
  } finally {
    // Past the bound the agent goes on (and is followed with get_run); the call that started it is over.
    call.signal.removeEventListener('abort', stop);
    bound.abort();
  }
}
