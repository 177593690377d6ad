import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toBatonError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';

/**
 * One HTTP surface mounted on `baton serve`'s server: MCP at `/mcp`, Slack at `/slack/...`,
 * metrics, health and the run inspector. Each interface owns its handler; the server only
 * dispatches by path prefix, so no interface has to know the others exist.
 */
export interface HttpRoute {
  /** For logs and the startup line: `mcp`, `slack`, `metrics`. */
  readonly name: string;
  /** A path prefix such as `/mcp`; the longest matching prefix wins. */
  readonly prefix: string;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void> | void;
  /** Called once when the server stops, before the listening socket closes. */
  close?(): Promise<void>;
}

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly HttpRoute[];
  readonly logger: Logger;
}

export interface RunningHttpServer {
  /** `http://host:port`, with the real port when 0 was asked for. */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const routes = [...options.routes].sort((left, right) => right.prefix.length - left.prefix.length);
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((candidate) => pathname === candidate.prefix || pathname.startsWith(candidate.prefix.endsWith('/') ? candidate.prefix : `${candidate.prefix}/`));
    if (route === undefined) {
      respondJson(response, 404, { error: 'not_found', message: `Nothing is served at ${pathname}. Paths: ${routes.map((candidate) => candidate.prefix).join(', ')}.` });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((thrown: unknown) => {
        const error = toBatonError(thrown);
        options.logger.error({ route: route.name, code: error.code, error: error.message }, 'HTTP handler failed');
        if (!response.headersSent) respondJson(response, 500, { error: error.code, message: error.message });
        else response.end();
      });
  });
  // Keep-alive sockets would hold `close()` open for minutes; the drain below ends them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  options.logger.info({ url, routes: routes.map((route) => route.prefix) }, 'HTTP server listening');
  return {
    url,
    server,
    close: async () => {
      await Promise.allSettled(routes.map((route) => route.close?.() ?? Promise.resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => { resolve(); });
        server.closeIdleConnections();
      });
    },
  };
}

export function respondJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
