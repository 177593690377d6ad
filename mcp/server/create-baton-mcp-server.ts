import { setTimeout as sleep } from 'node:timers/promises';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpIdentity } from '../../src/config.js';
import { RESOURCE_TEMPLATES } from '../resources/resource-catalog.js';
import { toolFailure } from '../tools/tool-errors.js';
import type { ToolCall } from '../tools/tool-definition.js';
import type { McpCatalog } from './mcp-catalog.js';
import type { McpPorts } from './mcp-ports.js';
import type { McpSessionServer } from './mcp-session-server.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const INSTRUCTIONS = [
  'Baton runs go-to-market workflows (account research, cold sequences, reply handling) as tools; agent_* tools run one agent alone.',
  'A tool returns the result when its run finishes in time; otherwise a run handle: follow it with get_run and waitSeconds.',
  'Some runs wait for a person (pendingApprovals): show the user the payload; call decide_approval only on the user\'s explicit instruction.',
  'Results marked simulated come from offline mode\'s simulator, not a model: say so when you show them.',
].join(' ');

/**
 * One MCP server over the shared catalog. Low-level handlers, so arguments are validated by
 * Baton's own schemas (a protocol error naming each field) and a tool's failure is an `isError`
 * result; nothing a tool throws reaches the transport.
 */
export function createBatonMcpServer(catalog: McpCatalog, ports: McpPorts): McpSessionServer {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the low-level server on purpose: McpServer validates arguments into isError results, not the protocol errors callers need
  const server = new Server(
    { name: 'baton', title: 'Baton', version: '0.1.0' },
    { capabilities: { tools: { listChanged: false }, resources: { listChanged: false }, prompts: { listChanged: false } }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...catalog.toolList] }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = catalog.tools.get(request.params.name);
    if (tool === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name}". tools/list names every tool.`);
    const call = toolCall(ports, extra);
    try {
      const result = await tool.call(request.params.arguments, call);
      await call.settle();
      return result;
    } catch (error) {
      if (error instanceof McpError) throw error;
      ports.logger.warn({ err: error, tool: tool.name }, 'MCP tool failed');
      return toolFailure(error, tool.name);
    }
  });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [...catalog.resourceList] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [...RESOURCE_TEMPLATES] }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => catalog.resources.read(request.params.uri));
  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: catalog.prompts.list() }));
  server.setRequestHandler(GetPromptRequestSchema, (request) => catalog.prompts.get(request.params.name, request.params.arguments));
  server.onerror = (error) => { ports.logger.warn({ err: error }, 'MCP protocol error'); };
  return server;
}

/**
 * How long the result waits behind the last progress notification. The TypeScript SDK's client
 * (Claude Code's, among others) handles a notification a microtask after reading it but a
 * response at once, and drops its progress handler with the response: a notification read in
 * the same chunk as the result is lost. A short pause lets the client read them apart.
 */
const PROGRESS_SETTLE_MS = 25;

function toolCall(ports: McpPorts, extra: Extra): ToolCall & { settle(): Promise<void> } {
  const token = extra._meta?.progressToken;
  let progress = 0;
  let lastSentAt = 0;
  return {
    async settle() {
      const wait = lastSentAt + PROGRESS_SETTLE_MS - Date.now();
      if (wait > 0) await sleep(wait);
    },
    ports,
    identity: identityOf(extra) ?? ports.defaultIdentity,
    signal: extra.signal,
    progress: async (message) => {
      if (token === undefined || extra.signal.aborted) return;
      progress += 1;
      await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, message } }).catch((error: unknown) => {
        ports.logger.debug({ err: error }, 'MCP progress notification not sent');
      });
      lastSentAt = Date.now();
    },
  };
}

/** The identity an HTTP transport attached from the caller's token; stdio carries none. */
function identityOf(extra: Extra): McpIdentity | undefined {
  const identity = extra.authInfo?.extra?.['identity'];
  if (typeof identity !== 'object' || identity === null || !('id' in identity) || typeof identity.id !== 'string') return undefined;
  const groups = 'groups' in identity && Array.isArray(identity.groups) ? identity.groups.filter((group): group is string => typeof group === 'string') : [];
  return { id: identity.id, groups };
}
