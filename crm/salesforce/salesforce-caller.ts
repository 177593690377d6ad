import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'jsforce';
import { BatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import { toCrmError, type SalesforceCallContext } from './salesforce-errors.js';
import { describeFailure, isTransientFailure } from './salesforce-failure.js';
import type { SalesforceSession } from './salesforce-session.js';

/** Runs one Salesforce operation with the adapter's policy; anything it throws is a BatonError. */
export type SalesforceCall = <T>(context: SalesforceCallContext, operation: (connection: Connection) => Promise<T>) => Promise<T>;

export interface SalesforceCallerOptions {
  readonly session: Pick<SalesforceSession, 'connection' | 'generation' | 'renew'>;
  readonly logger: Logger;
  /** Attempts for server errors, network failures and timeouts; a renewed session does not count. */
  readonly maxAttempts: number;
  /** The first back-off; each further one doubles, with jitter. */
  readonly retryDelayMs: number;
}

/**
 * The retry policy: 5xx, network failures, timeouts and UNABLE_TO_LOCK_ROW are retried with
 * back-off up to `maxAttempts`; an expired session (INVALID_SESSION_ID) is renewed once and the
 * operation run again; everything else becomes a BatonError at once. Operations must be safe to
 * run again: reads are, and writes carry `If-Unmodified-Since`, so a repeat cannot write twice
 * over someone else's change.
 */
export function createSalesforceCaller(options: SalesforceCallerOptions): SalesforceCall {
  const { session, logger, maxAttempts } = options;
  return async <T>(context: SalesforceCallContext, operation: (connection: Connection) => Promise<T>): Promise<T> => {
    let attempt = 0;
    let renewed = false;
    for (;;) {
      attempt += 1;
      const generation = session.generation;
      try {
        return await operation(session.connection);
      } catch (error) {
        if (error instanceof BatonError) throw error;
        const failure = describeFailure(error);
        if (failure.errorCode === 'INVALID_SESSION_ID' && !renewed) {
          renewed = true;
          attempt -= 1;
          await session.renew(generation);
          continue;
        }
        if (!isTransientFailure(failure) || attempt >= maxAttempts) throw toCrmError(failure, context, { attempts: attempt, cause: error });
        logger.warn({ integration: 'salesforce', errorCode: failure.errorCode, attempt, maxAttempts }, `Salesforce failed while ${context.action}; retrying`);
        await sleep(backoff(options.retryDelayMs, attempt));
      }
    }
  };
}

function backoff(firstDelayMs: number, attempt: number): number {
  return Math.round(firstDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2));
}
