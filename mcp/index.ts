// Any export here is public API of the MCP interface: add deliberately.
export { createBatonMcpServer } from './server/create-baton-mcp-server.js';
export { createMcpCatalog, type McpCatalog } from './server/mcp-catalog.js';
export type { McpPorts } from './server/mcp-ports.js';
export type { McpSessionServer } from './server/mcp-session-server.js';
export { serveStdio, type StdioSession } from './transports/serve-stdio.js';
export { createMcpHttpHandler, type McpHttpHandler, type McpHttpHandlerOptions } from './transports/mcp-http-handler.js';
export { agentToolName } from './tools/agent-tools.js';
export { RunResultSchema, type RunResult } from './runs/run-result.js';
