import { z } from 'zod';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import { RunStatusSchema, type Run } from '../../src/store/index.js';
import { runResultJsonSchema } from '../runs/run-result.js';
import { runToolResult } from '../runs/run-tool-result.js';
import { waitForRun } from '../runs/wait-for-run.js';
import { defineTool, type ToolCall, type ToolDefinition } from './tool-definition.js';

const runId = z.string().trim().min(1, 'give the runId a workflow tool or list_runs returned');

const RunSummarySchema = z.object({
  runId: z.string(),
  kind: z.enum(['workflow', 'agent']),
  name: z.string(),
  status: RunStatusSchema,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  costUsd: z.number(),
  simulated: z.boolean(),
});
const RunListSchema = z.object({ runs: z.array(RunSummarySchema), nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last') });

/** Runs: read one (optionally waiting for it), list them, restart a failed one, cancel one. */
export function runTools(callBoundMs: number): ToolDefinition[] {
  const maxWait = Math.floor(callBoundMs / 1000);
  const following = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
  return [
    defineTool({
      name: 'get_run',
      title: 'Get a run',
      description: `Reads a run started by a workflow or agent tool: status, output when done, the steps still open, and pending approvals with what to show the user. With waitSeconds (up to ${maxWait}), waits until the run ends or needs a person, sending progress per step. For the full trace (every step's input, output, tokens, cost), read the resource baton://runs/{runId}.`,
      input: z.object({ runId, waitSeconds: z.number().min(0).max(maxWait).optional().describe(`Seconds to wait for the run to end or need a person, 0 to ${maxWait}`) }),
      outputSchema: runResultJsonSchema(),
      annotations: { title: 'Get a run', ...following },
      handle: async (input, call) => {
        const { engine } = call.ports;
        const waitMs = (input.waitSeconds ?? 0) * 1000;
        const run = waitMs === 0 ? await engine.getRun(input.runId) : (await waitForRun(engine, input.runId, { boundMs: waitMs, signal: call.signal, progress: call.progress, returnWhenWaiting: 'on-change' })).run;
        return runToolResult(engine, run, { failureIsError: false });
      },
    }),
    defineTool({
      name: 'list_runs',
      title: 'List runs',
      description: 'Lists runs newest first, optionally only those with a status or of one workflow or agent; pages with cursor. Use it to find a run the user mentions, or what failed today.',
      input: z.object({
        status: RunStatusSchema.optional(),
        name: z.string().trim().min(1).optional().describe('Only runs of this workflow or agent, e.g. research_account or reply-classifier'),
        limit: z.number().int().min(1).max(100).default(20),
        cursor: z.string().min(1).optional().describe('nextCursor from the previous page'),
      }),
      outputSchema: toJsonSchema(RunListSchema),
      annotations: { title: 'List runs', ...following },
      handle: async (input, call) => {
        const page = await listRuns(call, input);
        const lines = page.runs.map((run) => `${run.runId}  ${run.name}  ${run.status}  ${run.createdAt}`);
        return { content: [{ type: 'text', text: `${lines.length} run(s)${page.nextCursor === null ? '' : `; more with cursor ${page.nextCursor}`}\n${lines.join('\n')}` }], structuredContent: page };
      },
    }),
    defineTool({
      name: 'retry_run',
      title: 'Retry a run',
      description: `Restarts a failed or partial run from its failed steps only; steps that succeeded keep their outputs and never run again. Waits up to ${maxWait} s like a workflow tool, then returns the result or a handle. Refused for a run that is not failed or partial, or that a reviewer's rejection ended.`,
      input: z.object({ runId }),
      outputSchema: runResultJsonSchema(),
      annotations: { title: 'Retry a run', readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      handle: async (input, call) => {
        const { engine } = call.ports;
        await engine.retry(input.runId, actor(call));
        const waited = await waitForRun(engine, input.runId, { boundMs: call.ports.callBoundMs, signal: call.signal, progress: call.progress, returnWhenWaiting: 'always' });
        return runToolResult(engine, waited.run, { failureIsError: true });
      },
    }),
    defineTool({
      name: 'cancel_run',
      title: 'Cancel a run',
      description: 'Cancels a run that has not ended: its queued steps are dropped, its pending approvals are withdrawn, and steps already running finish without effect. It cannot be undone (start the workflow again instead).',
      input: z.object({ runId }),
      outputSchema: runResultJsonSchema(),
      annotations: { title: 'Cancel a run', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      handle: async (input, call) => {
        const { engine } = call.ports;
        await engine.cancel(input.runId, actor(call));
        return runToolResult(engine, await engine.getRun(input.runId), { failureIsError: false });
      },
    }),
  ];
}

/** Who retries, cancels or decides, as the audit records it. */
export function actor(call: ToolCall): string {
  return `mcp:${call.identity.id}`;
}

/** The store filters by status and name and pages by cursor, so one read answers the call. */
async function listRuns(call: ToolCall, input: { status?: Run['status'] | undefined; name?: string | undefined; limit: number; cursor?: string | undefined }) {
  const page = await call.ports.engine.listRuns({
    limit: input.limit,
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.name === undefined ? {} : { workflow: input.name }),
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  return { runs: page.runs.map(summarize), nextCursor: page.nextCursor };
}

function summarize(run: Run): z.infer<typeof RunSummarySchema> {
  return { runId: run.id, kind: run.kind, name: run.name, status: run.status, createdAt: run.createdAt, finishedAt: run.finishedAt, costUsd: run.costUsd, simulated: run.simulated };
}
