/**
 * The closed table of everything that can go wrong in Baton. Each code says who is at fault
 * and whether trying again can help; retry policies (model client, queues) read this table
 * rather than guessing from messages.
 */
export type ErrorFault = 'user' | 'system' | 'third_party';

export interface ErrorCodeInfo {
  readonly fault: ErrorFault;
  readonly retryable: boolean;
  readonly description: string;
}

export const ERROR_CODES = {
  config_invalid: { fault: 'user', retryable: false, description: 'Configuration is missing or malformed.' },
  input_invalid: { fault: 'user', retryable: false, description: 'Input failed its schema.' },
  not_found: { fault: 'user', retryable: false, description: 'The named thing does not exist.' },
  conflict: { fault: 'user', retryable: false, description: 'The request conflicts with current state.' },
  unauthorized: { fault: 'user', retryable: false, description: 'The caller is not allowed to do this.' },
  model_output_invalid: {
    fault: 'third_party',
    retryable: false,
    description: 'The model answered twice without satisfying the output schema or checks; a human must look.',
  },
  model_rate_limited: { fault: 'third_party', retryable: true, description: 'The model API returned 429.' },
  model_overloaded: { fault: 'third_party', retryable: true, description: 'The model API is overloaded (529).' },
  model_unavailable: { fault: 'third_party', retryable: true, description: 'The model API failed (5xx or network).' },
  model_request_rejected: {
    fault: 'system',
    retryable: false,
    description: 'The model API refused the request (4xx other than 429): fix the request or credentials.',
  },
  rejected: { fault: 'user', retryable: false, description: 'A reviewer rejected the item, or its review expired under a reject policy.' },
  budget_exceeded: { fault: 'user', retryable: false, description: 'A run or daily budget, or a step limit, would be exceeded.' },
  breaker_open: { fault: 'third_party', retryable: true, description: 'The circuit breaker for an agent or integration is open; work is held.' },
  crm_rate_limited: { fault: 'third_party', retryable: true, description: "The CRM's API request limit is used up (Salesforce REQUEST_LIMIT_EXCEEDED)." },
  crm_unavailable: { fault: 'third_party', retryable: true, description: 'The CRM failed (5xx, network) or did not answer in time.' },
  timeout: { fault: 'system', retryable: true, description: 'The operation ran past its time limit.' },
  cancelled: { fault: 'user', retryable: false, description: 'The operation was cancelled.' },
  store_unavailable: { fault: 'system', retryable: true, description: 'The state store could not be reached.' },
  store_failed: { fault: 'system', retryable: false, description: 'A state store operation failed.' },
  internal: { fault: 'system', retryable: false, description: 'An unexpected failure inside Baton.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
