import type {
  ContentBlockParam,
  MessageCreateParamsNonStreaming,
  MessageParam,
  Tool,
  ToolChoice,
  ToolUnion,
  WebSearchTool20250305,
} from '@anthropic-ai/sdk/resources/messages';
import { BatonError } from '../errors/index.js';
import type { TranscriptMessage, TransportRequest } from './model-types.js';
import type { WebSearchOptions } from './web-search-options.js';

/** The web search tool version Baton sends; the API refuses a version it does not know with a 400. */
export const WEB_SEARCH_TOOL_TYPE = 'web_search_20250305';

/**
 * The Messages API body for one structured-output call. The system prompt is one text block
 * marked `cache_control: ephemeral`, so the stable prefix (tools + system) is cached across calls;
 * the answer is forced through the single tool; a repair turn replays the rejected tool call and
 * answers it with an `is_error` tool_result quoting the problems.
 *
 * With web search the output tool cannot be forced: a forced tool must be the first thing the
 * model emits, which forbids searching. `auto` lets it search, then answer through the output
 * tool as its prompt says; an answer without the tool call goes to the repair turn, which forces it.
 */
export function toMessageParams(request: TransportRequest): MessageCreateParamsNonStreaming {
  const { tool } = request;
  const outputTool: Tool = { name: tool.name, description: tool.description, input_schema: toInputSchema(tool.name, tool.inputSchema) };
  const tools: ToolUnion[] = request.webSearch === undefined ? [outputTool] : [outputTool, toWebSearchTool(request.webSearch)];
  const toolChoice: ToolChoice = request.webSearch === undefined ? { type: 'tool', name: tool.name } : { type: 'auto' };
  return {
    model: request.model,
    max_tokens: request.maxOutputTokens,
    system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
    tools,
    tool_choice: toolChoice,
    messages: request.transcript.map((message) => toMessageParam(message, tool.name)),
  };
}

export function toWebSearchTool(options: WebSearchOptions): WebSearchTool20250305 {
  return {
    type: WEB_SEARCH_TOOL_TYPE,
    name: 'web_search',
    max_uses: options.maxUses,
    ...(options.allowedDomains === undefined ? {} : { allowed_domains: [...options.allowedDomains] }),
  };
}

function toMessageParam(message: TranscriptMessage, toolName: string): MessageParam {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.text };
    case 'assistant_tool_use': {
      const toolUse: ContentBlockParam = { type: 'tool_use', id: message.toolUseId, name: toolName, input: message.input };
      // The API refuses empty text blocks, so prose is replayed only when there is some.
      const prose: ContentBlockParam[] = message.text === undefined || message.text.trim() === '' ? [] : [{ type: 'text', text: message.text }];
      return { role: 'assistant', content: [...prose, toolUse] };
    }
    case 'tool_error':
      return { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.toolUseId, content: message.text, is_error: true }] };
    case 'assistant_content':
      // A paused turn goes back exactly as the API sent it, as its pause_turn contract asks.
      return { role: 'assistant', content: message.content as ContentBlockParam[] };
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
