import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ErrorCode } from '../errors/index.js';
import { MalformedResponseError } from './anthropic-response.js';
import { parseRetryAfter } from './retry-backoff.js';

/** One failed attempt, classified: the Baton code it ends in, and whether another attempt may help. */
export interface AnthropicFailure {
  readonly code: ErrorCode;
  /** What happened and what to check; the transport adds the agent and the attempt count. */
  readonly message: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly cause: unknown;
}

export interface FailureContext {
  readonly callerSignal: AbortSignal | undefined;
  readonly timeoutSignal: AbortSignal;
  readonly timeoutMs: number;
  readonly baseUrl: string;
  readonly nowMs: number;
}

type Kind = Pick<AnthropicFailure, 'code' | 'retryable' | 'message'>;

/** The signals are read first: an abort surfaces from the SDK under several error types. */
export function classifyFailure(error: unknown, context: FailureContext): AnthropicFailure {
  const failure = (kind: Kind, extra: Partial<AnthropicFailure> = {}): AnthropicFailure => ({
    status: undefined, requestId: undefined, retryAfterMs: undefined, cause: error, ...kind, ...extra,
  });
  const cancelled = failure({ code: 'cancelled', retryable: false, message: 'the model call was cancelled by its caller' });
  if (context.callerSignal?.aborted === true) return cancelled;
  // Our deadline aborts the SDK's signal too, so the SDK reports it as a user abort.
  if (context.timeoutSignal.aborted || error instanceof APIConnectionTimeoutError) {
    const message = `the model call took longer than ${context.timeoutMs} ms; raise BATON_MODEL_TIMEOUT_MS or the request's timeoutMs`;
    return failure({ code: 'timeout', retryable: false, message });
  }
  if (error instanceof APIUserAbortError) return cancelled;
  if (error instanceof MalformedResponseError) {
    return failure({ code: 'model_unavailable', retryable: true, message: error.message }, { requestId: error.requestId });
  }
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    const message = `could not reach the Anthropic API at ${context.baseUrl} (${reason}); check ANTHROPIC_BASE_URL and the network`;
    return failure({ code: 'model_unavailable', retryable: true, message });
  }
  if (error instanceof APIError && typeof error.status === 'number') return fromStatus(error as APIError, error.status, context.nowMs);
  const reason = error instanceof Error ? error.message : String(error);
  return failure({ code: 'internal', retryable: false, message: `the Anthropic SDK failed unexpectedly (${reason})` });
}

function fromStatus(error: APIError, status: number, nowMs: number): AnthropicFailure {
  const kind = kindOfStatus(status);
  const headers = error.headers;
  // The API's own verdict on retrying wins, as in the SDK's retry policy.
  const shouldRetry = headers?.get('x-should-retry');
  return {
    ...kind,
    message: `${kind.message} (${status} ${error.type ?? 'error'}: ${error.apiMessage ?? error.message})`,
    retryable: shouldRetry === 'true' || (shouldRetry !== 'false' && kind.retryable),
    status,
    requestId: error.requestID ?? undefined,
    retryAfterMs: parseRetryAfter({ retryAfter: headers?.get('retry-after'), retryAfterMs: headers?.get('retry-after-ms') }, nowMs),
    cause: error,
  };
}

function kindOfStatus(status: number): Kind {
  if (status === 429) {
    return { code: 'model_rate_limited', retryable: true, message: 'the Anthropic API rate limit was reached; lower the concurrency or raise the rate limit' };
  }
  if (status === 529) return { code: 'model_overloaded', retryable: true, message: 'the Anthropic API is overloaded; try again later' };
  if (status >= 500) return { code: 'model_unavailable', retryable: true, message: 'the Anthropic API failed' };
  return { code: 'model_request_rejected', retryable: false, message: REJECTION_HINTS[status] ?? 'the Anthropic API rejected the request' };
}

const REJECTION_HINTS: Readonly<Record<number, string>> = {
  401: 'the Anthropic API rejected the API key; check ANTHROPIC_API_KEY',
  403: 'the API key may not use this model or feature; check ANTHROPIC_API_KEY and its workspace permissions',
  404: 'the Anthropic API does not know this model or endpoint; check BATON_MODEL_FAST/BALANCED/DEEP and ANTHROPIC_BASE_URL',
  413: 'the request is larger than the Anthropic API accepts; shorten the input',
};
