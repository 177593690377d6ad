import { BatonError } from '../../errors/index.js';

/**
 * Runs one Redis operation and turns its failure into a BatonError. Left raw, a dropped
 * connection would become a non-retryable `internal` error at the edge and fail a job that a
 * retry would have finished.
 */
export async function withRedis<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BatonError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // A reply error is Redis refusing the command (wrong key type, script error): retrying cannot help.
    if (error instanceof Error && error.name === 'ReplyError') {
      throw new BatonError('store_failed', `Redis refused ${operation}: ${message}`, { cause: error });
    }
    throw new BatonError('store_unavailable', `Redis could not be reached for ${operation}: ${message}. Check REDIS_URL.`, {
      cause: error,
    });
  }
}
