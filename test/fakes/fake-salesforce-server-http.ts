import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedSalesforceRequest, SalesforceErrorItem } from './fake-salesforce-server-types.js';

/** Reads and records one request: headers with lower-case names, the query, a JSON or form body. */
export async function recordRequest(incoming: IncomingMessage): Promise<RecordedSalesforceRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  const isForm = headers['content-type']?.startsWith('application/x-www-form-urlencoded') === true;
  return {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: isForm ? Object.fromEntries(new URLSearchParams(text)) : parseBody(text),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

export function sendErrors(response: ServerResponse, status: number, items: readonly SalesforceErrorItem[]): void {
  sendJson(response, status, items);
}

export function sendNoContent(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(204, headers);
  response.end();
}

/** What a load balancer in front of an instance answers: an HTML page, not the REST error array. */
export function sendGatewayError(response: ServerResponse): void {
  response.writeHead(502, { 'content-type': 'text/html' });
  response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
}


/** An HTTP server on 127.0.0.1 and a random port; a failing handler resets the connection, never an unhandled rejection. */
export async function listenOnLoopback(handle: (incoming: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<{ server: Server; url: string }> {
  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
}
