import type { MessageCreateParamsNonStreaming, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { BatonError } from '../errors/index.js';
import type { TranscriptMessage, TransportRequest } from './model-types.js';

/**
 * The Messages API body for one structured-output call. The system prompt is one text block
 * marked `cache_control: ephemeral`, so the stable prefix (tools + system) is cached across calls;
 * the answer is forced through the single tool; a repair turn replays the rejected tool call and
 * answers it with an `is_error` tool_result quoting the problems.
 */
export function toMessageParams(request: TransportRequest): MessageCreateParamsNonStreaming {
  const { tool } = request;
  return {
    model: request.model,
    max_tokens: request.maxOutputTokens,
    system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
    tools: [{ name: tool.name, description: tool.description, input_schema: toInputSchema(tool.name, tool.inputSchema) }],
    tool_choice: { type: 'tool', name: tool.name },
    messages: request.transcript.map((message) => toMessageParam(message, tool.name)),
  };
}

function toMessageParam(message: TranscriptMessage, toolName: string): MessageParam {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.text };
    case 'assistant_tool_use':
      return { role: 'assistant', content: [{ type: 'tool_use', id: message.toolUseId, name: toolName, input: message.input }] };
    case 'tool_error':
      return { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.toolUseId, content: message.text, is_error: true }] };
  }
}

/** Tool inputs are JSON objects; any other schema is an agent definition bug, caught before a paid call. */
function toInputSchema(toolName: string, schema: Record<string, unknown>): Tool.InputSchema {
  if (schema['type'] !== 'object') {
    throw new BatonError(
      'internal',
      `Tool ${toolName}: the output schema must be a zod object (JSON Schema type "object"), not ${JSON.stringify(schema['type'])}.`,
      { details: { toolName } },
    );
  }
  return { ...schema, type: 'object' };
}
