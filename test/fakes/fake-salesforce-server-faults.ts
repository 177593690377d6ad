import type { ServerResponse } from 'node:http';
import { sendErrors, sendGatewayError } from './fake-salesforce-server-http.js';
import { waitUnlessClosed } from './wait-unless-closed.js';
import type { FakeSalesforceFault } from './fake-salesforce-server-types.js';

const SERVER_ERRORS = {
  500: { errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-89 (-1234567890)' },
  503: { errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable' },
};

/** Faults waiting for the next REST requests, one per request, in order. */
export class FakeFaultQueue {
  readonly #faults: FakeSalesforceFault[] = [];

  get pending(): number {
    return this.#faults.length;
  }

  add(count: number, fault: FakeSalesforceFault): void {
    for (let index = 0; index < count; index += 1) this.#faults.push(fault);
  }

  /** Plays the next fault, if any: `answered` when it answered (or the client left), else how to go on. */
  async play(method: string, response: ServerResponse): Promise<'answered' | 'answer' | 'answer_then_reset'> {
    const index = this.#faults.findIndex((candidate) => candidate.method === undefined || candidate.method === method);
    const fault = index === -1 ? undefined : this.#faults.splice(index, 1)[0];
    switch (fault?.kind) {
      case undefined:
        return 'answer';
      case 'delay':
        return (await waitUnlessClosed(response, fault.delayMs)) ? 'answer' : 'answered';
      case 'lost_answer':
        return 'answer_then_reset';
      case 'request_limit':
        sendErrors(response, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
        return 'answered';
      case 'server_error':
        if (fault.status === 502) sendGatewayError(response);
        else sendErrors(response, fault.status, [SERVER_ERRORS[fault.status]]);
        return 'answered';
    }
  }
}
