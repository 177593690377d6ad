import { readFile } from 'node:fs/promises';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpHarness, type McpHarness } from './mcp-harness.js';

let harness: McpHarness;
let client: Client;

// A one-second bound and no workers until a test starts them: a run cannot finish inside the call.
beforeAll(async () => {
  harness = await createMcpHarness('runs', { env: { BATON_MCP_CALL_BOUND_MS: '1000' }, workers: false });
  client = await harness.connect();
}, 60_000);

afterAll(async () => {
  await harness.close();
});

interface RunContent {
  runId: string;
  status: string;
  done: boolean;
  currentSteps: string[];
  next: string;
  output: unknown;
  pendingApprovals: { approvalId: string; fingerprint: string; action: string; slackLink: string | null }[];
}

const example = async (name: string) => JSON.parse(await readFile(new URL(`../../examples/workflows/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const contentOf = (result: CallToolResult | Record<string, unknown>) => result.structuredContent as RunContent;
const resourceText = (read: { contents: ({ text: string } | { blob: string })[] }) => {
  const [first] = read.contents;
  return first !== undefined && 'text' in first ? first.text : '';
};
const textOf = (result: CallToolResult | Record<string, unknown>) => ((result.content as { text: string }[] | undefined)?.[0]?.text ?? '');

async function followToTheEnd(runId: string): Promise<RunContent> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const read = contentOf(await client.callTool({ name: 'get_run', arguments: { runId, waitSeconds: 1 } }));
    if (read.done || read.status === 'waiting_for_human') return read;
  }
  throw new Error(`run ${runId} did not settle`);
}

describe('runs that outlast the call', () => {
  it('returns a run handle within the bound, and the run completes through get_run', async () => {
    const started = Date.now();
    const handle = contentOf(await client.callTool({ name: 'research_account', arguments: await example('research-account') }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(handle).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), done: false, output: null });
    expect(handle.currentSteps.length).toBeGreaterThan(0);
    expect(handle.next).toContain(`get_run {"runId":"${handle.runId}"`);
    await harness.startWorkers();
    const finished = await followToTheEnd(handle.runId);
    expect(finished).toMatchObject({ runId: handle.runId, status: 'succeeded', done: true, output: { account: { domain: 'northwind-logistics.com' } } });
  }, 60_000);

  it('sends a progress notification per step while the call waits', async () => {
    const messages: string[] = [];
    const result = await client.callTool({ name: 'research_account', arguments: await example('research-account') }, undefined, {
      onprogress: (progress) => { messages.push(progress.message ?? ''); },
    });
    expect(contentOf(result).status).toBe('succeeded');
    expect(messages.filter((message) => message.endsWith(' ms') && message.includes('completed')).length).toBeGreaterThanOrEqual(5);
    expect(messages.at(-1)).toBe('run succeeded');
  }, 30_000);
});

describe('approvals through MCP', () => {
  it('decides a pending approval as the MCP caller and the run goes on; a second decision is refused', async () => {
    const waiting = contentOf(await client.callTool({ name: 'write_cold_sequence', arguments: await example('write-cold-sequence') }));
    expect(waiting.status).toBe('waiting_for_human');
    const [approval] = waiting.pendingApprovals;
    if (approval === undefined) throw new Error('no pending approval');
    expect(approval).toMatchObject({ action: 'send_sequence', slackLink: null });
    const inbox = await client.callTool({ name: 'list_approvals', arguments: {} });
    expect((inbox.structuredContent as { approvals: { approvalId: string }[] }).approvals.map((item) => item.approvalId)).toContain(approval.approvalId);

    const decided = await client.callTool({ name: 'decide_approval', arguments: { approvalId: approval.approvalId, fingerprint: approval.fingerprint, decision: 'approve' } });
    expect(decided.isError ?? false).toBe(false);
    expect(textOf(decided)).toContain(`Approval ${approval.approvalId} approved by mcp via MCP.`);
    const after = contentOf(decided);
    expect(after.pendingApprovals.map((pending) => pending.approvalId)).not.toContain(approval.approvalId);
    expect(['running', 'succeeded', 'waiting_for_human']).toContain(after.status);
    const stored = await harness.opened.engine.getApproval(approval.approvalId);
    expect(stored).toMatchObject({ status: 'approved', decidedBy: 'mcp' });
    const run = await harness.opened.engine.getRun(waiting.runId);
    expect(run.events.find((event) => event.type === 'approval.decided')?.data).toMatchObject({ approvalId: approval.approvalId, by: 'mcp', via: 'mcp' });

    const again = await client.callTool({ name: 'decide_approval', arguments: { approvalId: approval.approvalId, fingerprint: approval.fingerprint, decision: 'reject', reason: 'too late' } });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toMatch(/decide_approval failed \(conflict\): Approval .* was already approved by mcp/);
  }, 30_000);
});

describe('cancellation', () => {
  it('cancels the run when the client cancels the call', async () => {
    await harness.stopWorkers();
    const controller = new AbortController();
    const call = client.callTool({ name: 'handle_reply', arguments: await example('handle-reply') }, undefined, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the call is in flight and has started its run
    controller.abort('the user changed their mind');
    await expect(call).rejects.toThrow();
    const deadline = Date.now() + 5_000;
    for (;;) {
      const [latest] = (await harness.opened.engine.listRuns({ limit: 5 })).runs.filter((run) => run.name === 'handle_reply');
      if (latest?.status === 'cancelled') {
        const run = await harness.opened.engine.getRun(latest.id);
        expect(run.events.find((event) => event.type === 'run.cancelled')?.data).toMatchObject({ by: 'mcp:mcp' });
        await harness.startWorkers();
        return;
      }
      if (Date.now() > deadline) throw new Error(`the run was not cancelled: ${latest?.status ?? 'no run'}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 30_000);
});

describe('errors', () => {
  it('answers bad arguments with a protocol error naming each field', async () => {
    const error = await client.callTool({ name: 'classify_reply', arguments: { reply: { from: 'not-an-email', text: '' } } }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.InvalidParams);
    expect((error as McpError).message).toMatch(/Invalid arguments for tool classify_reply: .*reply\.from/);
    expect((error as McpError).message).toContain('reply.text');
    const decide = await client.callTool({ name: 'decide_approval', arguments: { approvalId: 'a', fingerprint: 'f', decision: 'reject' } }).catch((thrown: unknown) => thrown);
    expect((decide as McpError).message).toContain('reason: a rejection needs a reason');
  });

  it('reports a failure the caller can act on as an isError result, and the server keeps serving', async () => {
    const missing = await client.callTool({ name: 'get_run', arguments: { runId: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/get_run failed \(not_found\): .*list_runs/);
    const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).catch((thrown: unknown) => thrown);
    expect((unknown as McpError).message).toContain('Unknown tool "no_such_tool"');
    const list = await client.callTool({ name: 'list_runs', arguments: { name: 'research_account', limit: 1 } });
    expect((list.structuredContent as { runs: { name: string }[]; nextCursor: string | null }).runs).toEqual([expect.objectContaining({ name: 'research_account' })]);
  });
});

describe('resources and prompts', () => {
  it('lists definitions, offers templates, and reads a workflow with its diagram, an agent, its prompt and a run trace', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(expect.arrayContaining(['baton://workflows/research_account', 'baton://agents/reply-classifier', 'baton://prompts/reply-classifier']));
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(['baton://runs/{runId}', 'baton://agents/{name}', 'baton://prompts/{agent}', 'baton://workflows/{name}']);
    const workflow = await client.readResource({ uri: 'baton://workflows/write_cold_sequence' });
    const definition = JSON.parse((workflow.contents[0] as { text: string }).text) as { diagram: string; approvals: string[] };
    expect(definition.diagram).toMatch(/^flowchart TD/);
    expect(definition.diagram).toContain('person decides: send_sequence');
    expect(definition.approvals).toContain('send_sequence');
    const agent = JSON.parse(resourceText(await client.readResource({ uri: 'baton://agents/reply-classifier' }))) as { tier: string; outputSchema: object };
    expect(agent).toMatchObject({ tier: 'fast', outputSchema: { type: 'object' } });
    const prompt = await client.readResource({ uri: 'baton://prompts/reply-classifier' });
    expect(prompt.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: await readFile(new URL('../../prompts/reply-classifier.md', import.meta.url), 'utf8') });
    const [run] = (await harness.opened.engine.listRuns({ limit: 1 })).runs;
    const trace = JSON.parse(resourceText(await client.readResource({ uri: `baton://runs/${run?.id ?? ''}` }))) as { id: string; steps: unknown[]; approvals: unknown[] };
    expect(trace.id).toBe(run?.id);
    expect(Array.isArray(trace.steps) && Array.isArray(trace.approvals)).toBe(true);
    await expect(client.readResource({ uri: 'baton://agents/nobody' })).rejects.toThrow(/Resource not found: baton:\/\/agents\/nobody/);
  });

  it('reads the orchestration metrics, counting the runs this file made', async () => {
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toContain('baton://metrics');
    const metrics = JSON.parse(resourceText(await client.readResource({ uri: 'baton://metrics' }))) as { window: { span: string }; total: { runs: number }; workflows: { workflow: string }[] };
    const { runs } = await harness.opened.engine.listRuns({ limit: 200 });
    const workflowRuns = runs.filter((run) => run.kind === 'workflow');
    expect(metrics.window.span).toBe('24h');
    expect(metrics.total.runs).toBe(workflowRuns.length);
    expect(metrics.workflows.map((entry) => entry.workflow).sort()).toEqual([...new Set(workflowRuns.map((run) => run.name))].sort());
  });

  it('offers the three prompts and renders one with its arguments', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(['research-and-draft', 'triage-replies', 'morning-deal-review']);
    const rendered = await client.getPrompt({ name: 'research-and-draft', arguments: { domain: 'acme.com' } });
    expect((rendered.messages[0]?.content as { text: string }).text).toMatch(/research_account[\s\S]*write_cold_sequence[\s\S]*do not call decide_approval/);
    await expect(client.getPrompt({ name: 'research-and-draft', arguments: {} })).rejects.toThrow(/needs domain/);
  });
});
