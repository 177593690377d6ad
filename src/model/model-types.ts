import type { z } from 'zod';
import type { ModelTier } from '../config.js';
import type { WebSearchOptions, WebSearchResult } from './web-search-options.js';

export interface ModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  /** Server-side web searches run for the call, each billed on top of the tokens; absent when none ran. */
  readonly webSearchRequests?: number;
}

/** One structured-output request: the model must answer by calling the tool `toolName`. */
export interface StructuredRequest<T> {
  /** The agent asking; logs, the fake server's scripts and the simulator key on it. */
  readonly agent: string;
  readonly tier: ModelTier;
  /** Stable instructions (the prompt file): sent with cache_control so repeated calls hit the cache. */
  readonly system: string;
  /** The rendered input for this call. */
  readonly user: string;
  readonly schema: z.ZodType<T>;
  readonly toolName: string;
  readonly toolDescription: string;
  readonly maxOutputTokens?: number;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Deterministic checks on a schema-valid answer; failures are quoted back like schema errors. */
  readonly validate?: (value: T) => readonly string[];
  /** The offline simulator's answer for this request; never used when a real model is configured. */
  readonly simulate: () => unknown;
  /** Lets a real model search the web before answering; the offline simulator ignores it. */
  readonly webSearch?: WebSearchOptions;
}

export interface StructuredResult<T> {
  readonly value: T;
  readonly model: string;
  readonly simulated: boolean;
  readonly usage: ModelUsage;
  readonly costUsd: number;
  readonly latencyMs: number;
  /** Model calls made, including the one repair call after invalid output. */
  readonly calls: number;
  /** Every page the model's web searches returned, in order, without repeats; absent when it did not search. */
  readonly searchResults?: readonly WebSearchResult[];
}

export interface ModelClient {
  readonly mode: 'anthropic' | 'offline';
  generate<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
}

/**
 * A message in the conversation a transport sends: plain text, the tool exchange of a repair
 * (with the prose the model wrote before it, so what it learned from its searches survives), or
 * a paused turn's content sent back unchanged so the model can continue it.
 */
export type TranscriptMessage =
  | { readonly role: 'user'; readonly text: string }
  | { readonly role: 'assistant_tool_use'; readonly toolUseId: string; readonly input: unknown; readonly text?: string }
  | { readonly role: 'tool_error'; readonly toolUseId: string; readonly text: string }
  | { readonly role: 'assistant_content'; readonly content: readonly unknown[] };

export interface TransportRequest {
  readonly agent: string;
  readonly model: string;
  readonly system: string;
  readonly transcript: readonly TranscriptMessage[];
  readonly tool: { readonly name: string; readonly description: string; readonly inputSchema: Record<string, unknown> };
  readonly maxOutputTokens: number;
  readonly signal?: AbortSignal;
  readonly timeoutMs: number;
  readonly simulate: () => unknown;
  /** Offer the server-side web search tool beside the output tool; the output tool is then not forced. */
  readonly webSearch?: WebSearchOptions;
}

export interface TransportResponse {
  /** The forced tool call's input, or undefined when the model answered without calling it. */
  readonly toolInput: unknown;
  readonly toolUseId: string;
  /** Set when the answer is unusable whatever its content (cut off at max_tokens, refused). */
  readonly incompleteReason?: string;
  readonly model: string;
  readonly usage: ModelUsage;
  readonly requestId?: string;
  /** Pages the web searches returned (and pages cited in the text), in order, without repeats. */
  readonly searchResults?: readonly WebSearchResult[];
  /** Error codes of searches that failed (`max_uses_exceeded`, `too_many_requests`, …). */
  readonly searchErrors?: readonly string[];
  /** The prose the model wrote beside (or instead of) the tool call. */
  readonly text?: string;
  /** Set on `stop_reason: "pause_turn"`: the assistant content to send back so the turn continues. */
  readonly pausedContent?: readonly unknown[];
}

/** Speaks to one model backend; the model client adds validation, repair and accounting on top. */
export interface ModelTransport {
  readonly mode: 'anthropic' | 'offline';
  send(request: TransportRequest): Promise<TransportResponse>;
}
