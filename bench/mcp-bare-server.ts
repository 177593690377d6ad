import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

/**
 * The floor of the MCP benchmark: the SDK's own high-level server with one tool that does
 * nothing, over the same transports Baton uses (stdio in a child process started by tsx, and
 * Streamable HTTP with sessions). Run with `--stdio` to serve on stdin and stdout.
 */
export function createBareServer(): McpServer {
  const server = new McpServer({ name: 'bare', version: '1.0.0' });
  server.registerTool('noop', { description: 'Does nothing.' }, () => ({ content: [{ type: 'text', text: 'ok' }] }));
  return server;
}

export interface BareHttpServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The bare server over Streamable HTTP with sessions, as the SDK's own example wires it. */
export async function startBareHttpServer(): Promise<BareHttpServer> {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const http: HttpServer = createServer((request, response) => {
    void (async () => {
      const sessionId = request.headers['mcp-session-id'];
      const existing = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
      if (existing !== undefined) return existing.handleRequest(request, response);
      const chunks: Buffer[] = [];
      for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!isInitializeRequest(body)) {
        response.writeHead(400).end();
        return;
      }
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (id) => { transports.set(id, transport); } });
      await createBareServer().connect(transport);
      return transport.handleRequest(request, response, body);
    })();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: async () => {
      await Promise.allSettled([...transports.values()].map((transport) => transport.close()));
      await new Promise<void>((resolve) => { http.close(() => { resolve(); }); http.closeAllConnections(); });
    },
  };
}

if (process.argv.includes('--stdio')) await createBareServer().connect(new StdioServerTransport());
