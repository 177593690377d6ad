import { randomUUID } from 'node:crypto';
import { ZERO_USAGE } from './model-cost.js';
import type { ModelTransport, TransportRequest, TransportResponse } from './model-types.js';

export const OFFLINE_MODEL_NAME = 'offline-simulator';

/**
 * The offline mode's "model": each agent's deterministic simulator, answering through the same
 * validation path a real model's answer takes. It reports zero tokens and zero cost because
 * nothing was spent; results carry `simulated: true` so nothing passes for a real answer.
 * A request's `webSearch` is ignored: nothing leaves the machine, so no search runs or is billed.
 */
export function createOfflineTransport(): ModelTransport {
  return {
    mode: 'offline',
    send(request: TransportRequest): Promise<TransportResponse> {
      if (request.signal?.aborted === true) return Promise.reject(request.signal.reason as Error);
      return Promise.resolve({
        toolInput: request.simulate(),
        toolUseId: `simulated_${randomUUID()}`,
        model: OFFLINE_MODEL_NAME,
        usage: ZERO_USAGE,
      });
    },
  };
}
