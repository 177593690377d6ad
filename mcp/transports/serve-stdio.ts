import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { McpSessionServer } from '../server/mcp-session-server.js';

export interface StdioSession {
  /** Resolves when the client goes away (stdin ends) or the session is closed. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * MCP over stdin and stdout. stdout carries protocol messages and nothing else: every log
 * line goes to stderr, or the client would read it as a broken message.
 */
export async function serveStdio(server: McpSessionServer, streams: { readonly stdin: Readable; readonly stdout: Writable }): Promise<StdioSession> {
  const transport = new StdioServerTransport(streams.stdin, streams.stdout);
  let resolveClosed = () => {};
  const closed = new Promise<void>((resolve) => { resolveClosed = resolve; });
  server.onclose = resolveClosed;
  // The SDK's transport does not notice the client closing its end of the pipe.
  const ended = () => { void server.close(); };
  streams.stdin.once('end', ended);
  streams.stdin.once('close', ended);
  await server.connect(transport);
  return {
    closed,
    close: async () => {
      streams.stdin.off('end', ended);
      streams.stdin.off('close', ended);
      await server.close();
    },
  };
}
