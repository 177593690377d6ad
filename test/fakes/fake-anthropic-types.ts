/** The script language of `FakeAnthropicServer`: one step answers one `POST /v1/messages`. */

/** HTTP statuses the fake can answer with, each sent with the Messages API's error type. */
export const FAKE_ERROR_TYPES = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'api_error',
  529: 'overloaded_error',
} as const;

export type FakeErrorStatus = keyof typeof FAKE_ERROR_TYPES;

export type FakeStep =
  /** A forced-tool answer: `content: [tool_use]`, `stop_reason: "tool_use"`. */
  | { readonly reply: unknown }
  /** A plain text answer without a tool call, `stop_reason: "end_turn"`. */
  | { readonly text: string }
  /** An error body; 429 gets `retry-after` (default 1 s) unless `headers` says otherwise. */
  | {
      readonly error: FakeErrorStatus;
      readonly message?: string;
      readonly retryAfterSeconds?: number;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Answers `then` after `delayMs` (a slow model); nothing is sent if the client gave up. */
  | { readonly delayMs: number; readonly then: FakeStep }
  /** A 200 whose JSON body is cut off half way. */
  | { readonly malformedJson: true }
  /** A tool call cut off by the output limit: `stop_reason: "max_tokens"` with partial input. */
  | { readonly maxTokens: unknown }
  /** Destroys the socket without an answer (a connection reset). */
  | { readonly disconnect: true }
  /**
   * Server-side web searches (`server_tool_use` + `web_search_tool_result` blocks, a text block
   * citing the first page), then the answer, or `pauseTurn` for `stop_reason: "pause_turn"`.
   * Only for requests that offer the web search tool; searches past its `max_uses` fail with
   * `max_uses_exceeded`, and only successful ones count in `usage.server_tool_use`.
   */
  | { readonly searches: readonly FakeSearch[]; readonly then: { readonly reply: unknown } | { readonly text: string } | { readonly pauseTurn: true } };

/** One web search the fake model runs; without `results` or `errorCode` it finds two example.com pages. */
export interface FakeSearch {
  readonly query: string;
  readonly results?: readonly FakeSearchResult[];
  readonly errorCode?: 'invalid_tool_input' | 'unavailable' | 'max_uses_exceeded' | 'too_many_requests' | 'query_too_long';
}

export interface FakeSearchResult {
  readonly url: string;
  readonly title: string;
  readonly pageAge?: string;
}

/** What the fake saw: headers (lower-case names) and the parsed JSON body. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /**
   * The tool the answer goes through, which scripts are keyed by: `tool_choice.name` when the
   * request forced a tool, otherwise its only client tool (beside server tools such as web search).
   */
  readonly toolName: string | undefined;
}

/** Answers requests for one tool once its scripted steps are used up. */
export type FakeResponder = (request: RecordedRequest) => FakeStep;

export interface FakeUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
}
