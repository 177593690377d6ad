import type { Connection } from 'jsforce';

/**
 * Makes the adapter the only retry layer. jsforce's fetch wrapper retries GETs on 5xx up to five
 * times (0.5 s to 8 s apart) and never retries PATCH or POST; stacked under the adapter's own
 * retries that would be up to eighteen requests for one read and an uneven policy for writes.
 * With jsforce's retries off, `maxAttempts` means what it says for every call. The timeout
 * replaces jsforce's default of 30 minutes per request.
 */
export function useAdapterRetryPolicy(connection: Connection, requestTimeoutMs: number): void {
  const transport = connection._transport;
  const httpRequest = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options) => httpRequest(request, { ...options, timeout: requestTimeoutMs, retry: { ...options?.retry, maxRetries: 0 } });
}
