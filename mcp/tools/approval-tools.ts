import { z } from 'zod';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import { ApprovalViewSchema, type ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { Decision } from '../../src/engine/approvals/decide-approval.js';
import { PendingApprovalSchema, runResultJsonSchema, toPendingApproval } from '../runs/run-result.js';
import { renderRunResult, runToolResult } from '../runs/run-tool-result.js';
import { waitForRun } from '../runs/wait-for-run.js';
import { defineTool, type ToolDefinition } from './tool-definition.js';

const ApprovalItemSchema = PendingApprovalSchema.extend({
  runId: z.string(),
  workflow: z.string().nullable(),
  status: ApprovalViewSchema.shape.status,
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
const ApprovalListSchema = z.object({ approvals: z.array(ApprovalItemSchema) });

const DecideInputSchema = z
  .object({
    approvalId: z.string().trim().min(1),
    fingerprint: z.string().trim().min(1).describe('The fingerprint list_approvals or the run handle showed: the decision applies to exactly that version'),
    decision: z.enum(['approve', 'edit', 'reject']),
    payload: z.unknown().optional().describe('For edit: the corrected item, satisfying the approval\'s editSchema'),
    reason: z.string().trim().min(1).optional().describe('For reject: why, in a sentence the run records'),
  })
  .superRefine((input, context) => {
    if (input.decision === 'edit' && input.payload === undefined) context.addIssue({ code: 'custom', path: ['payload'], message: 'an edit needs the corrected payload' });
    if (input.decision === 'reject' && input.reason === undefined) context.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason' });
  });

/** The approval inbox and decisions: the same exactly-once, fingerprint-checked path as Slack and the CLI. */
export function approvalTools(callBoundMs: number): ToolDefinition[] {
  return [
    defineTool({
      name: 'list_approvals',
      title: 'List approvals',
      description: 'Lists approvals waiting for a person (oldest first), or decided ones with status. Each has the exact payload under review, its risk, who may decide, its fingerprint and, when Slack has it, the link to its card. Show the payload to the user before deciding anything.',
      input: z.object({
        status: ApprovalViewSchema.shape.status.default('pending'),
        runId: z.string().trim().min(1).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
      outputSchema: toJsonSchema(ApprovalListSchema),
      annotations: { title: 'List approvals', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      handle: async (input, call) => {
        const approvals = (await call.ports.engine.listApprovals({ status: input.status, limit: input.limit, ...(input.runId === undefined ? {} : { runId: input.runId }) })).map(toItem);
        const lines = approvals.map((approval) => `${approval.approvalId}  ${approval.action}  ${approval.risk} risk  run ${approval.runId}  fingerprint ${approval.fingerprint}`);
        return { content: [{ type: 'text', text: `${approvals.length} ${input.status} approval(s)\n${lines.join('\n')}\n\n${JSON.stringify({ approvals }, null, 2)}` }], structuredContent: { approvals } };
      },
    }),
    defineTool({
      name: 'decide_approval',
      title: 'Decide an approval',
      description: `Approves, edits (with the corrected payload) or rejects (with a reason) one pending approval, as this MCP caller, then lets the run go on and waits up to ${Math.round(callBoundMs / 1000)} s for it. Decide only what the user has told you to: these are a person's decisions (customer-facing emails, CRM changes). Taken exactly once: an item already decided, or changed since its fingerprint was read, is refused; so is a caller the approval's review policy does not list.`,
      input: DecideInputSchema,
      outputSchema: runResultJsonSchema(),
      // A second identical decision is refused and changes nothing; approving lets emails or CRM changes proceed.
      annotations: { title: 'Decide an approval', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
      handle: async (input, call) => {
        const { engine } = call.ports;
        const decided = await engine.decide({ approvalId: input.approvalId, fingerprint: input.fingerprint, decision: toDecision(input), reviewer: { id: call.identity.id, groups: call.identity.groups, via: 'mcp' } });
        const approval = await engine.getApproval(input.approvalId);
        const waited = await waitForRun(engine, approval.runId, { boundMs: call.ports.callBoundMs, signal: call.signal, progress: call.progress, returnWhenWaiting: 'always' });
        const result = await runToolResult(engine, waited.run, { failureIsError: false });
        const headline = `Approval ${decided.approvalId} ${decided.outcome} by ${call.identity.id} via MCP.`;
        return { ...result, content: [{ type: 'text', text: `${headline}\n${renderRunResult(result.structuredContent as Parameters<typeof renderRunResult>[0])}` }] };
      },
    }),
  ];
}

function toDecision(input: z.output<typeof DecideInputSchema>): Decision {
  if (input.decision === 'edit') return { decision: 'edit', payload: input.payload };
  if (input.decision === 'reject') return { decision: 'reject', reason: input.reason ?? '' };
  return { decision: 'approve' };
}

function toItem(approval: ApprovalView): z.infer<typeof ApprovalItemSchema> {
  return {
    ...toPendingApproval(approval),
    runId: approval.runId,
    workflow: approval.workflow,
    status: approval.status,
    requestedAt: approval.requestedAt,
    decidedBy: approval.decidedBy,
    reason: approval.reason,
  };
}
