import type { Resource, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createPromptCatalog } from '../prompts/prompt-catalog.js';
import { createResourceCatalog, type ResourceCatalog } from '../resources/resource-catalog.js';
import { agentTools } from '../tools/agent-tools.js';
import { approvalTools } from '../tools/approval-tools.js';
import { deadLetterTools } from '../tools/dead-letter-tools.js';
import { runTools } from '../tools/run-tools.js';
import type { ToolDefinition } from '../tools/tool-definition.js';
import { workflowTools } from '../tools/workflow-tools.js';
import type { McpPorts } from './mcp-ports.js';

/** Everything the server offers, built once per process and shared by every session. */
export interface McpCatalog {
  readonly tools: ReadonlyMap<string, ToolDefinition>;
  /** What tools/list returns, computed once. */
  readonly toolList: readonly Tool[];
  readonly resources: ResourceCatalog;
  readonly prompts: ReturnType<typeof createPromptCatalog>;
  readonly resourceList: readonly Resource[];
}

export function createMcpCatalog(ports: McpPorts): McpCatalog {
  const workflows = ports.engine.workflows.list();
  const definitions = [
    ...workflowTools(workflows, ports.callBoundMs),
    ...runTools(ports.callBoundMs),
    ...approvalTools(ports.callBoundMs),
    ...deadLetterTools(),
    ...agentTools(ports.agents, ports.callBoundMs),
  ];
  const tools = new Map<string, ToolDefinition>();
  for (const tool of definitions) {
    if (tools.has(tool.name)) throw new Error(`Two MCP tools are named ${tool.name}: rename the workflow or agent.`);
    tools.set(tool.name, tool);
  }
  const resources = createResourceCatalog(ports, workflows);
  return {
    tools,
    toolList: definitions.map((tool) => ({ name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema as Tool['inputSchema'], outputSchema: tool.outputSchema as Tool['outputSchema'], annotations: tool.annotations })),
    resources,
    resourceList: resources.list(),
    prompts: createPromptCatalog(new Set(workflows.map((workflow) => workflow.name))),
  };
}
