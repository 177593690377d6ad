import { ERROR_CODES, type ErrorCode, type ErrorFault } from './error-codes.js';

export interface BatonErrorOptions {
  readonly cause?: unknown;
  /** Structured facts a caller can act on: the field, the agent, the validation issues. */
  readonly details?: Record<string, unknown>;
}

/** The one error type Baton throws on purpose. */
export class BatonError extends Error {
  override readonly name = 'BatonError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: BatonErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }

  get fault(): ErrorFault {
    return ERROR_CODES[this.code].fault;
  }

  /** The shape stored in step rows and returned over the wire: no stack, no cause chain. */
  toJSON(): { code: ErrorCode; message: string; fault: ErrorFault; retryable: boolean; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, fault: this.fault, retryable: this.retryable, details: this.details };
  }
}

export function isBatonError(value: unknown): value is BatonError {
  return value instanceof BatonError;
}
