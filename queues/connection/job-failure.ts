import { UnrecoverableError } from 'bullmq';
import { toBatonError } from '../../src/errors/index.js';

/**
 * What a processor throws: a retryable BatonError as it is, so BullMQ retries it with backoff;
 * anything else as UnrecoverableError, so a bad event or a missing workflow fails at once
 * instead of spending every attempt.
 */
export function toJobFailure(error: unknown): Error {
  const failure = toBatonError(error);
  if (failure.retryable) return failure;
  return new UnrecoverableError(`${failure.code}: ${failure.message}`);
}
