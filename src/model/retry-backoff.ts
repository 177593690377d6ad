/**
 * When to try a model call again: the server's own `retry-after-ms` / `retry-after` when it sends
 * one, otherwise exponential backoff with full jitter (a uniform wait between zero and the
 * exponential ceiling) so that many workers hit by the same 429 do not come back in lockstep.
 */

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 8_000;
/** A longer Retry-After than this is not slept through inside a call: the error goes to the caller (queue) instead. */
export const MAX_HONOURED_RETRY_AFTER_MS = 60_000;

export interface RetryAfterHeaders {
  readonly retryAfter?: string | null;
  readonly retryAfterMs?: string | null;
}

/** Milliseconds the server asked to wait: `retry-after-ms`, else `retry-after` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(headers: RetryAfterHeaders, nowMs: number): number | undefined {
  const milliseconds = parseNonNegativeNumber(headers.retryAfterMs);
  if (milliseconds !== undefined) return milliseconds;
  const seconds = parseNonNegativeNumber(headers.retryAfter);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP date always names its month; the check keeps Date.parse from reading "-3" as a year.
  const text = headers.retryAfter ?? '';
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function parseNonNegativeNumber(text: string | null | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

export interface BackoffOptions {
  /** 1 for the wait before the first retry (the second attempt), 2 before the next. */
  readonly retry: number;
  /** A number in [0, 1), Math.random in production. */
  readonly random: number;
  readonly baseMs?: number;
  readonly capMs?: number;
}

/** Full jitter: uniform in [0, min(cap, base × 2^(retry − 1))). */
export function backoffDelay(options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs ?? BACKOFF_CAP_MS, (options.baseMs ?? BACKOFF_BASE_MS) * 2 ** (options.retry - 1));
  return Math.floor(options.random * ceiling);
}

export interface RetryDelayOptions extends BackoffOptions {
  /** What the server asked for, from `parseRetryAfter`. */
  readonly retryAfterMs: number | undefined;
  readonly maxRetryAfterMs?: number;
}

/** The wait before the next attempt, or undefined when the server asks for longer than is worth waiting inside one call. */
export function retryDelay(options: RetryDelayOptions): number | undefined {
  const { retryAfterMs } = options;
  if (retryAfterMs === undefined) return backoffDelay(options);
  return retryAfterMs > (options.maxRetryAfterMs ?? MAX_HONOURED_RETRY_AFTER_MS) ? undefined : Math.ceil(retryAfterMs);
}
