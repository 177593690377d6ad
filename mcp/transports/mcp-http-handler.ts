import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { McpIdentity } from '../../src/config.js';
import type { Logger } from '../../src/logging/index.js';
import type { McpSessionServer } from '../server/mcp-session-server.js';
import { createHttpAccess, type HttpAccessOptions } from './http-access.js';
import { readJsonBody } from './read-json-body.js';

export interface McpHttpHandlerOptions extends HttpAccessOptions {
  /** A fresh server for each session; they share one catalog. */
  readonly createServer: () => McpSessionServer;
  readonly logger: Logger;
  /** A session unused this long is closed. Defaults to 30 minutes. */
  readonly sessionIdleMs?: number;
  /** Defaults to 1000. */
  readonly maxSessions?: number;
}

export interface McpHttpHandler {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

interface Session {
  readonly transport: StreamableHTTPServerTransport;
  readonly identity: McpIdentity;
  lastUsed: number;
}

/**
 * Streamable HTTP with sessions: a session keeps one server, so a client's cancellation (a
 * separate POST) reaches the call it cancels and progress flows on the call's own stream.
 */
export function createMcpHttpHandler(options: McpHttpHandlerOptions): McpHttpHandler {
  const access = createHttpAccess(options);
  const sessions = new Map<string, Session>();
  const idleMs = options.sessionIdleMs ?? 30 * 60_000;
  const maxSessions = options.maxSessions ?? 1000;
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, session] of sessions) if (now - session.lastUsed > idleMs) void session.transport.close().finally(() => sessions.delete(id));
  }, Math.min(idleMs, 60_000));
  sweep.unref();

  async function open(identity: McpIdentity): Promise<StreamableHTTPServerTransport> {
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => { sessions.set(sessionId, { transport, identity, lastUsed: Date.now() }); },
    });
    transport.onclose = () => { if (transport.sessionId !== undefined) sessions.delete(transport.sessionId); };
    await options.createServer().connect(transport);
    return transport;
  }

  return {
    async handle(request, response) {
      const decision = access(request);
      if (!decision.allowed) {
        const headers: Record<string, string> = decision.status === 401 ? { 'www-authenticate': 'Bearer realm="baton", error="invalid_token"' } : {};
        respondError(response, decision.status, -32001, decision.message, headers);
        return;
      }
      const sessionId = request.headers['mcp-session-id'];
      const body = request.method === 'POST' ? await readJsonBody(request) : undefined;
      if (body !== undefined && !body.ok) {
        respondError(response, body.status, -32700, body.message);
        return;
      }
      const auth = { token: decision.token, clientId: decision.identity.id, scopes: [], extra: { identity: decision.identity } };
      if (typeof sessionId === 'string') {
        const session = sessions.get(sessionId);
        // Another caller's session is as good as unknown: a session id is not a credential.
        if (session === undefined || session.identity.id !== decision.identity.id) {
          respondError(response, 404, -32001, 'Session not found: it ended or expired. Initialize a new one.');
          return;
        }
        session.lastUsed = Date.now();
        await session.transport.handleRequest(Object.assign(request, { auth }), response, body?.value);
        return;
      }
      if (body === undefined || !isInitializeRequest(body.value)) {
        respondError(response, 400, -32000, 'Bad request: no Mcp-Session-Id header. Send an initialize request first.');
        return;
      }
      if (sessions.size >= maxSessions) {
        respondError(response, 503, -32000, `Too many open MCP sessions (${maxSessions}); close some (DELETE /mcp) or try later.`);
        return;
      }
      const transport = await open(decision.identity);
      await transport.handleRequest(Object.assign(request, { auth }), response, body.value);
    },
    async close() {
      clearInterval(sweep);
      await Promise.allSettled([...sessions.values()].map((session) => session.transport.close()));
      sessions.clear();
    },
  };
}

function respondError(response: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null });
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
