import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { McpIdentity } from '../../src/config.js';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import type { McpPorts } from '../server/mcp-ports.js';
import { invalidArguments } from './tool-errors.js';

/** Everything a tool's handler gets besides its arguments. */
export interface ToolCall {
  readonly ports: McpPorts;
  readonly identity: McpIdentity;
  /** Aborted when the client cancels the request or the connection closes. */
  readonly signal: AbortSignal;
  /** Sends a progress notification when the client asked for them (a progressToken); otherwise does nothing. */
  readonly progress: (message: string) => Promise<void>;
}

export interface ToolDefinition {
  readonly name: string;
  readonly title: string;
  /** Written for an LLM caller: when to use it, what it returns, what needs a person. */
  readonly description: string;
  /** JSON Schemas as listed: converted once, when the tool is made. */
  readonly inputSchema: Record<string, unknown>;
  readonly outputSchema: Record<string, unknown>;
  readonly annotations: ToolAnnotations;
  /** Validates the arguments (a protocol error naming each bad field), then runs the tool. */
  readonly call: (arguments_: unknown, call: ToolCall) => Promise<CallToolResult>;
}

export interface ToolOptions<Input extends z.ZodType> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: Input;
  readonly outputSchema: Record<string, unknown>;
  readonly annotations: ToolAnnotations;
  readonly handle: (arguments_: z.output<Input>, call: ToolCall) => Promise<CallToolResult>;
}

export function defineTool<Input extends z.ZodType>(options: ToolOptions<Input>): ToolDefinition {
  const { input, handle, ...listed } = options;
  return {
    ...listed,
    inputSchema: toJsonSchema(input, 'input'),
    call: (arguments_, call) => {
      const parsed = input.safeParse(arguments_ ?? {});
      if (!parsed.success) throw invalidArguments(options.name, parsed.error.issues);
      return handle(parsed.data, call);
    },
  };
}
