import type { WorkflowDefinition } from '../../src/engine/workflow/define-workflow.js';
import { runResultJsonSchema } from '../runs/run-result.js';
import { runToolResult } from '../runs/run-tool-result.js';
import { waitForRun } from '../runs/wait-for-run.js';
import { defineTool, type ToolCall, type ToolDefinition } from './tool-definition.js';
import { titleOf, workflowAnnotations, workflowTraits, type WorkflowTraits } from './workflow-traits.js';

/** One tool per workflow, generated from its definition: a new workflow in the catalog is a new tool. */
export function workflowTools(workflows: readonly WorkflowDefinition[], callBoundMs: number): ToolDefinition[] {
  return workflows.map((workflow) => {
    const traits = workflowTraits(workflow);
    return defineTool({
      name: workflow.name,
      title: titleOf(workflow.name),
      description: describeWorkflowTool(workflow, traits, callBoundMs),
      input: workflow.input,
      outputSchema: runResultJsonSchema(workflow.output),
      annotations: workflowAnnotations(workflow, traits),
      handle: (input, call) => runWorkflow(workflow, input, call),
    });
  });
}

async function runWorkflow(workflow: WorkflowDefinition, input: unknown, call: ToolCall) {
  const { engine } = call.ports;
  const started = await engine.start(workflow.name, input, { trigger: { via: 'mcp', by: call.identity.id } });
  const waited = await waitForRun(engine, started.runId, { boundMs: call.ports.callBoundMs, signal: call.signal, progress: call.progress, returnWhenWaiting: 'always' });
  if (waited.aborted) {
    // The caller gave up on the call it made: the run it started should not go on spending.
    await engine.cancel(started.runId, `mcp:${call.identity.id}`).catch((error: unknown) => { call.ports.logger.warn({ err: error, runId: started.runId }, 'cancelling the run of a cancelled MCP call failed'); });
    return runToolResult(engine, await engine.getRun(started.runId), { failureIsError: true });
  }
  return runToolResult(engine, waited.run, { failureIsError: true });
}

function describeWorkflowTool(workflow: WorkflowDefinition, traits: WorkflowTraits, callBoundMs: number): string {
  const seconds = Math.round(callBoundMs / 1000);
  const approvals =
    traits.approvals.length === 0
      ? 'Needs no approval, though a person may be asked when the answer is uncertain.'
      : `Needs a person's decision (${traits.approvals.join(', ')}): the run waits, and pendingApprovals says what to show the user.`;
  return [
    workflow.description,
    approvals,
    `Returns within ${seconds} s: the result when the run has finished, otherwise a run handle (runId, status, currentSteps, pendingApprovals); follow it with get_run. Sends a progress notification per step when asked; cancelling the call cancels the run.`,
  ].join('\n\n');
}
