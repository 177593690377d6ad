import { McpError, type ReadResourceResult, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { describeAgent } from '../../agents/index.js';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import type { WorkflowDefinition } from '../../src/engine/workflow/define-workflow.js';
import type { McpPorts } from '../server/mcp-ports.js';
import { workflowTraits } from '../tools/workflow-traits.js';
import { workflowDiagram } from './workflow-diagram.js';

const METRICS_URI = 'baton://metrics';

/** JSON-RPC's "resource not found" (the MCP specification's code for an unknown URI). */
const RESOURCE_NOT_FOUND = -32002;

export const RESOURCE_TEMPLATES: readonly ResourceTemplate[] = [
  { uriTemplate: 'baton://runs/{runId}', name: 'run', title: 'Run trace', description: "A run's full trace as JSON: every step's input, output, model, tokens, cost, latency and error, its events and its approvals.", mimeType: 'application/json' },
  { uriTemplate: 'baton://agents/{name}', name: 'agent', title: 'Agent definition', description: 'An agent: what it does, its model tier and model, time limit, the fields it reads, its checks, and its input and output JSON Schemas.', mimeType: 'application/json' },
  { uriTemplate: 'baton://prompts/{agent}', name: 'prompt', title: 'Agent prompt', description: "An agent's system prompt file, as the model receives it.", mimeType: 'text/markdown' },
  { uriTemplate: 'baton://workflows/{name}', name: 'workflow', title: 'Workflow definition', description: 'A workflow: description, version, input and output JSON Schemas, its steps, the approvals it asks for, and a Mermaid diagram.', mimeType: 'application/json' },
];

export interface ResourceCatalog {
  list(): Resource[];
  read(uri: string): Promise<ReadResourceResult>;
}

/** Definitions are listed (a handful); runs are many, so they are reached through the template only. */
export function createResourceCatalog(ports: McpPorts, workflows: readonly WorkflowDefinition[]): ResourceCatalog {
  const agents = new Map(ports.agents.map((agent) => [agent.name, agent]));
  const byName = new Map(workflows.map((workflow) => [workflow.name, workflow]));
  const listed: Resource[] = [
    { uri: METRICS_URI, name: 'metrics', title: 'Orchestration metrics', description: 'The last 24 hours per workflow and agent: latency p50/p95, validation, critic and approval rates, human intervention, cost, dead letters, queues, breakers, uptime.', mimeType: 'application/json' },
    ...workflows.map((workflow) => ({ uri: `baton://workflows/${workflow.name}`, name: workflow.name, title: `Workflow ${workflow.name}`, mimeType: 'application/json' })),
    ...ports.agents.map((agent) => ({ uri: `baton://agents/${agent.name}`, name: agent.name, title: `Agent ${agent.name}`, mimeType: 'application/json' })),
    ...ports.agents.map((agent) => ({ uri: `baton://prompts/${agent.name}`, name: `${agent.name} prompt`, title: `Prompt of ${agent.name}`, mimeType: 'text/markdown' })),
  ];
  const find = <Value>(map: ReadonlyMap<string, Value>, name: string, uri: string): Value => {
    const found = map.get(name);
    if (found === undefined) throw new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}. Known names: ${[...map.keys()].join(', ')}.`, { uri });
    return found;
  };
  return {
    list: () => listed,
    async read(uri) {
      if (uri === METRICS_URI) return json(uri, await ports.readMetrics());
      const match = /^baton:\/\/(runs|agents|prompts|workflows)\/([^/?#]+)$/.exec(uri);
      const [, kind, encoded] = match ?? [];
      if (kind === undefined || encoded === undefined) throw new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}. Resources are baton://metrics, baton://runs/{runId}, baton://agents/{name}, baton://prompts/{agent} and baton://workflows/{name}.`, { uri });
      const name = decodeURIComponent(encoded);
      switch (kind) {
        case 'runs':
          return json(uri, await runTrace(ports, name, uri));
        case 'agents':
          return json(uri, describeAgent(find(agents, name, uri), ports.modelTiers));
        case 'prompts':
          return { contents: [{ uri, mimeType: 'text/markdown', text: await ports.readPrompt(find(agents, name, uri)) }] };
        default:
          return workflowResource(uri, find(byName, name, uri));
      }
    },
  };
}

async function runTrace(ports: McpPorts, runId: string, uri: string) {
  try {
    const run = await ports.engine.getRun(runId);
    return { ...run, approvals: await ports.engine.listApprovals({ runId, status: undefined, limit: 500 }) };
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'not_found') throw new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}: no run has that id.`, { uri });
    throw error;
  }
}

function json(uri: string, value: unknown): ReadResourceResult {
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] };
}

function workflowResource(uri: string, workflow: WorkflowDefinition): ReadResourceResult {
  const traits = workflowTraits(workflow);
  const diagram = workflowDiagram(workflow.root);
  const steps = [...workflow.shapes.entries()].map(([key, shape]) => ({ key, kind: shape.node.kind, agent: agentOf(shape.node) }));
  const definition = {
    name: workflow.name,
    version: workflow.version,
    description: workflow.description,
    tool: workflow.name,
    approvals: traits.approvals,
    writesCrm: traits.writesCrm,
    effects: traits.effects,
    steps,
    agents: [...workflow.agents.keys()],
    inputSchema: toJsonSchema(workflow.input, 'input'),
    outputSchema: toJsonSchema(workflow.output),
    diagram,
  };
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(definition, null, 2) }, { uri, mimeType: 'text/vnd.mermaid', text: diagram }] };
}

function agentOf(node: object): string | null {
  const agent = 'agent' in node ? node.agent : 'router' in node ? node.router : 'proposer' in node ? node.proposer : undefined;
  return typeof agent === 'object' && agent !== null && 'name' in agent && typeof agent.name === 'string' ? agent.name : null;
}

