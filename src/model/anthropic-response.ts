import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatZodIssues } from '../errors/index.js';
import type { ModelUsage, TransportResponse } from './model-types.js';
import { readServerToolBlocks } from './web-search-response.js';

/** A 200 whose body is not a Messages response (cut off, not JSON, wrong shape); handled like a 5xx. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
  readonly requestId: string | undefined;

  constructor(message: string, requestId: string | undefined, options?: ErrorOptions) {
    super(message, options);
    this.requestId = requestId;
  }
}

// Only the fields Baton reads; the SDK casts the body to its Message type without checking it.
const MessageSchema = z.object({
  model: z.string(),
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string().nullable(),
  usage: z.object({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_creation_input_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
    server_tool_use: z.looseObject({ web_search_requests: z.number().nullish() }).nullish(),
  }),
});
type WireUsage = z.infer<typeof MessageSchema>['usage'];

const ToolUseSchema = z.object({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown() });

export interface ReadMessageOptions {
  readonly toolName: string;
  readonly maxOutputTokens: number;
  readonly requestId: string | undefined;
}

/**
 * The output tool call, usage and stop reason of a Messages response body, and what any web
 * searches before it found. A turn paused mid-search (`pause_turn`) without the output tool call
 * carries its content back to the transport, which continues it once.
 */
export function readMessage(body: unknown, options: ReadMessageOptions): TransportResponse {
  const parsed = MessageSchema.safeParse(body);
  if (!parsed.success) {
    const problems = formatZodIssues(parsed.error.issues, 'body');
    throw new MalformedResponseError(`the Anthropic API answered 200 with a body that is not a message (${problems})`, options.requestId);
  }
  const message = parsed.data;
  const toolUse = message.content
    .map((block) => ToolUseSchema.safeParse(block).data)
    .find((block) => block?.name === options.toolName);
  const paused = message.stop_reason === 'pause_turn' && toolUse === undefined;
  const { searchResults, searchErrors, text } = readServerToolBlocks(message.content);
  return {
    toolInput: toolUse?.input,
    // The repair turn replays a tool call even when the model made none, so it needs an id either way.
    toolUseId: toolUse?.id ?? `toolu_baton_${randomUUID().replaceAll('-', '')}`,
    incompleteReason: toolUse !== undefined && message.stop_reason === 'pause_turn' ? undefined : describeIncomplete(message.stop_reason, options.maxOutputTokens),
    model: message.model,
    usage: toUsage(message.usage),
    requestId: options.requestId,
    ...(searchResults.length === 0 ? {} : { searchResults }),
    ...(searchErrors.length === 0 ? {} : { searchErrors }),
    ...(text === '' ? {} : { text }),
    ...(paused ? { pausedContent: message.content } : {}),
  };
}

function toUsage(usage: WireUsage): ModelUsage {
  const webSearchRequests = usage.server_tool_use?.web_search_requests ?? 0;
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
    ...(webSearchRequests > 0 ? { webSearchRequests } : {}),
  };
}

/** Worded for both the repair call (the model reads it) and the escalation (a person does). */
function describeIncomplete(stopReason: string | null, maxOutputTokens: number): string | undefined {
  switch (stopReason) {
    case 'max_tokens':
      return `the answer was cut off at max_tokens (${maxOutputTokens} output tokens); give a shorter answer so the complete tool call fits`;
    case 'refusal':
      return 'the model declined to answer (stop_reason "refusal")';
    case 'pause_turn':
      return 'the turn paused (stop_reason "pause_turn") before the answer was given; answer now from what the searches already found';
    case 'model_context_window_exceeded':
      return "the conversation exceeded the model's context window; the input must be shortened";
    default:
      return undefined;
  }
}
