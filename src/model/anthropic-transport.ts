import Anthropic, { type APIPromise } from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { setTimeout as delay } from 'node:timers/promises';
import type { ModelConfig } from '../config.js';
import { BatonError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { classifyFailure, type AnthropicFailure } from './anthropic-failure.js';
import { toMessageParams } from './anthropic-request.js';
import { MalformedResponseError, readMessage } from './anthropic-response.js';
import type { ModelTransport, TransportRequest, TransportResponse } from './model-types.js';
import { continuationOf, joinPausedTurn } from './paused-turn.js';
import { retryDelay } from './retry-backoff.js';

/** Waits between attempts and rejects when `signal` aborts; tests pass one that records and returns at once. */
export type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>;

export interface AnthropicTransportOptions {
  readonly config: ModelConfig;
  readonly logger: Logger;
  readonly sleep?: Sleep;
  /** A number in [0, 1) for the backoff jitter; Math.random unless a test pins it. */
  readonly random?: () => number;
}

/** Whatever the config says: three attempts already spend a fair part of a job's time budget. */
const MAX_ATTEMPTS = 3;
const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** The SDK client and where it points, shared by every attempt. */
interface Connection {
  readonly client: Anthropic;
  readonly baseUrl: string;
}

type Outcome = { readonly ok: true; readonly response: TransportResponse } | { readonly ok: false; readonly failure: AnthropicFailure };

/**
 * The Messages API through the official SDK. The SDK's own retries are off (`maxRetries: 0`) so
 * that Baton decides how many attempts a call gets, how long each may take, and logs each retry.
 */
export function createAnthropicTransport(options: AnthropicTransportOptions): ModelTransport {
  const { config, logger } = options;
  const baseUrl = config.baseUrl ?? DEFAULT_BASE_URL;
  const client = new Anthropic({
    apiKey: requireApiKey(config),
    baseURL: baseUrl,
    maxRetries: 0,
    logLevel: 'warn',
    logger: toSdkLogger(logger),
  });
  const connection: Connection = { client, baseUrl };
  const maxAttempts = Math.min(MAX_ATTEMPTS, Math.max(1, config.maxAttempts));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  /**
   * A turn paused mid-search is continued once; a second pause stays incomplete and goes to the
   * model client's repair turn, which forces the answer without searching, so a call never loops.
   */
  async function send(request: TransportRequest): Promise<TransportResponse> {
    const response = await sendWithRetries(request);
    if (response.pausedContent === undefined) return response;
    logger.debug({ agent: request.agent, model: request.model, requestId: response.requestId }, 'model paused its turn; continuing it once');
    return joinPausedTurn(response, await sendWithRetries(continuationOf(request, response.pausedContent)));
  }

  async function sendWithRetries(request: TransportRequest): Promise<TransportResponse> {
    const params = toMessageParams(request);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptOnce(connection, params, request);
      if (outcome.ok) return outcome.response;
      const { failure } = outcome;
      const waitMs =
        failure.retryable && attempt < maxAttempts ? retryDelay({ retry: attempt, random: random(), retryAfterMs: failure.retryAfterMs }) : undefined;
      if (waitMs === undefined) throw toBatonError(failure, request, attempt);
      logger.warn(
        { agent: request.agent, model: request.model, code: failure.code, status: failure.status, requestId: failure.requestId, attempt, maxAttempts, waitMs },
        'model call failed; retrying',
      );
      await pause(sleep, waitMs, request);
    }
  }

  return { mode: 'anthropic', send };
}

/** One HTTP request with its own deadline, joined to the caller's signal. */
async function attemptOnce(connection: Connection, params: MessageCreateParamsNonStreaming, request: TransportRequest): Promise<Outcome> {
  const timeoutSignal = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal === undefined ? timeoutSignal : AbortSignal.any([request.signal, timeoutSignal]);
  try {
    // An explicit timeout also skips the SDK's "streaming is required" guard for large max_tokens.
    const { body, requestId } = await receive(connection.client.messages.create(params, { signal, timeout: request.timeoutMs }), signal);
    return { ok: true, response: readMessage(body, { toolName: request.tool.name, maxOutputTokens: request.maxOutputTokens, requestId }) };
  } catch (error) {
    const context = { callerSignal: request.signal, timeoutSignal, timeoutMs: request.timeoutMs, baseUrl: connection.baseUrl, nowMs: Date.now() };
    return { ok: false, failure: classifyFailure(error, context) };
  }
}

/** The parsed body and request id; a body that is not JSON becomes a MalformedResponseError carrying the id. */
async function receive(pending: APIPromise<Message>, signal: AbortSignal): Promise<{ body: unknown; requestId: string | undefined }> {
  // Parsing starts before asResponse(), as in withResponse(): the other order ends a traced call's
  // OpenTelemetry span without its body. Settled, not rejected, so an HTTP error thrown by
  // asResponse() leaves no unhandled rejection behind.
  const parsed = pending.then(
    (body) => ({ ok: true as const, body }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const requestId = (await pending.asResponse()).headers.get('request-id') ?? undefined;
  const settled = await parsed;
  if (settled.ok) return { body: settled.body, requestId };
  if (signal.aborted) throw settled.error;
  throw new MalformedResponseError('the Anthropic API answered 200 with a body that is not valid JSON', requestId, { cause: settled.error });
}

async function pause(sleep: Sleep, milliseconds: number, request: TransportRequest): Promise<void> {
  try {
    await sleep(milliseconds, request.signal);
  } catch (error) {
    if (request.signal?.aborted !== true) throw error;
  }
  if (request.signal?.aborted === true) {
    throw new BatonError('cancelled', `Agent ${request.agent}: the model call was cancelled by its caller while waiting to retry.`, {
      details: { agent: request.agent, model: request.model },
    });
  }
}

function toBatonError(failure: AnthropicFailure, request: TransportRequest, attempts: number): BatonError {
  const tried = attempts > 1 ? ` (${attempts} attempts)` : '';
  return new BatonError(failure.code, `Agent ${request.agent}: ${failure.message}${tried}.`, {
    cause: failure.cause,
    details: {
      agent: request.agent,
      model: request.model,
      status: failure.status ?? null,
      requestId: failure.requestId ?? null,
      attempts,
      ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    },
  });
}

function requireApiKey(config: ModelConfig): string {
  if (config.apiKey !== undefined) return config.apiKey;
  throw new BatonError('config_invalid', 'The Anthropic model transport needs ANTHROPIC_API_KEY. Set it, or set BATON_MODEL=offline to use the simulator.');
}

const defaultSleep: Sleep = (milliseconds, signal) => delay(milliseconds, undefined, { signal });

/** The SDK logs to the console (stdout) by default, which belongs to command output and MCP stdio. */
function toSdkLogger(logger: Logger) {
  const sdkLogger = logger.child({ component: 'anthropic-sdk' });
  const forward =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, ...rest: unknown[]) => {
      sdkLogger[level]({ details: rest }, message);
    };
  return { error: forward('error'), warn: forward('warn'), info: forward('info'), debug: forward('debug') };
}
