import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

/** What a transport needs of a server: the SDK's low-level `Server` is one. */
export interface McpSessionServer {
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
  onclose?: (() => void) | undefined;
}
