import { readFile } from 'node:fs/promises';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpHarness, type McpHarness } from './mcp-harness.js';

let harness: McpHarness;
let client: Client;

beforeAll(async () => {
  harness = await createMcpHarness('tools');
  client = await harness.connect();
}, 60_000);

afterAll(async () => {
  await harness.close();
});

const exampleOf = async (workflow: string) => JSON.parse(await readFile(new URL(`../../examples/workflows/${workflow.replaceAll('_', '-')}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('tools/list', () => {
  it('lists every workflow, every agent and the run and approval tools, each with input and output schemas and annotations', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    const workflows = harness.baton.workflows.list().map((workflow) => workflow.name);
    expect(workflows).toEqual(expect.arrayContaining(['research_account', 'write_cold_sequence', 'classify_reply', 'handle_reply']));
    expect(names).toEqual(expect.arrayContaining([...workflows, 'get_run', 'list_runs', 'list_approvals', 'decide_approval', 'retry_run', 'cancel_run', 'list_dead_letters']));
    for (const agent of harness.baton.agents.list()) expect(names).toContain(`agent_${agent.name.replaceAll('-', '_')}`);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.description?.length, tool.name).toBeGreaterThan(60);
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: expect.any(Boolean), destructiveHint: expect.any(Boolean), idempotentHint: expect.any(Boolean), openWorldHint: expect.any(Boolean) });
    }
    const classify = tools.find((tool) => tool.name === 'classify_reply');
    expect(classify?.inputSchema.properties).toHaveProperty('reply');
    expect(classify?.outputSchema?.properties?.['output']).toMatchObject({ anyOf: [{ properties: { category: { enum: expect.arrayContaining(['positive', 'spam']) } } }, { type: 'null' }] });
  });

  it('tells the truth in annotations: reads are read-only, a cancel is destructive, a sequence says it needs approval', async () => {
    const { tools } = await client.listTools();
    const tool = (name: string) => tools.find((candidate) => candidate.name === name);
    expect(tool('get_run')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tool('cancel_run')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tool('decide_approval')?.annotations).toMatchObject({ readOnlyHint: false });
    expect(tool('classify_reply')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: false });
    expect(tool('write_cold_sequence')?.description).toMatch(/Needs a person's decision \(send_sequence/);
  });
});

describe('workflow tools in offline mode', () => {
  it('runs every workflow through its tool, returning structured content that fits the tool\'s output schema', async () => {
    for (const workflow of harness.baton.workflows.list()) {
      const result = await client.callTool({ name: workflow.name, arguments: await exampleOf(workflow.name) });
      const content = result.structuredContent as { status: string; simulated: boolean; output: unknown; runId: string; pendingApprovals: unknown[] };
      expect(result.isError ?? false, `${workflow.name}: ${JSON.stringify(result.content)}`).toBe(false);
      expect(['succeeded', 'partial', 'waiting_for_human'], workflow.name).toContain(content.status);
      expect(content.simulated).toBe(true);
      if (content.status === 'succeeded') expect(content.output, workflow.name).not.toBeNull();
      if (content.status === 'waiting_for_human') expect(content.pendingApprovals.length, workflow.name).toBeGreaterThan(0);
      const text = (result.content as { type: string; text: string }[])[0]?.text ?? '';
      expect(text).toContain(content.runId);
    }
  }, 120_000);

  it('classifies a reply and returns the classification as output', async () => {
    const result = await client.callTool({ name: 'classify_reply', arguments: await exampleOf('classify_reply') });
    expect(result.structuredContent).toMatchObject({ kind: 'workflow', name: 'classify_reply', status: 'succeeded', done: true, output: { category: expect.any(String), confidence: expect.any(Number) } });
  });

  it('runs one agent alone through its agent tool and records the run', async () => {
    const input = await exampleOf('classify_reply');
    const result = await client.callTool({ name: 'agent_reply_classifier', arguments: input });
    const content = result.structuredContent as { runId: string; kind: string; status: string; output: { category: string } };
    expect(content).toMatchObject({ kind: 'agent', name: 'reply-classifier', status: 'succeeded', output: { category: expect.any(String) } });
    const run = await harness.opened.engine.getRun(content.runId);
    expect(run.kind).toBe('agent');
    expect(run.status).toBe('succeeded');
  });
});
