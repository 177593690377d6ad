import { createMcpHttpHandler } from '../../mcp/index.js';
import type { Baton } from './create-baton.js';
import type { HttpRoute } from './http-server.js';
import { createMcpServerFactory } from './mcp-ports.js';
import type { OpenedEngine } from './open-engine.js';

/** MCP over Streamable HTTP at /mcp on `baton serve`, behind the configured bearer tokens. */
export async function createMcpRoute(baton: Baton, opened: OpenedEngine): Promise<HttpRoute> {
  const factory = await createMcpServerFactory(baton, opened);
  const { mcp } = baton.config;
  if (mcp.tokens.length === 0) baton.logger.warn('MCP over HTTP at /mcp refuses every call until BATON_MCP_TOKEN or BATON_MCP_TOKENS is set');
  const handler = createMcpHttpHandler({
    createServer: factory.createServer,
    tokens: mcp.tokens,
    allowedOrigins: mcp.allowedOrigins,
    allowedHosts: mcp.allowedHosts,
    logger: factory.ports.logger,
  });
  return { name: 'mcp', prefix: '/mcp', handle: (request, response) => handler.handle(request, response), close: () => handler.close() };
}
