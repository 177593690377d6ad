import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay, MAX_HONOURED_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from './retry-backoff.js';

const NOW = Date.parse('2026-10-21T07:28:00Z');

describe('parseRetryAfter', () => {
  it('reads retry-after as whole or fractional seconds', () => {
    expect(parseRetryAfter({ retryAfter: '2' }, NOW)).toBe(2000);
    expect(parseRetryAfter({ retryAfter: ' 0.25 ' }, NOW)).toBe(250);
  });

  it('reads retry-after as an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter({ retryAfter: 'Wed, 21 Oct 2026 07:28:05 GMT' }, NOW)).toBe(5000);
    expect(parseRetryAfter({ retryAfter: 'Wed, 21 Oct 2026 07:27:00 GMT' }, NOW)).toBe(0);
  });

  it('prefers retry-after-ms over retry-after', () => {
    expect(parseRetryAfter({ retryAfterMs: '150', retryAfter: '2' }, NOW)).toBe(150);
  });

  it('returns undefined when the headers are absent or unreadable', () => {
    expect(parseRetryAfter({}, NOW)).toBeUndefined();
    expect(parseRetryAfter({ retryAfter: null, retryAfterMs: null }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ retryAfter: 'soon' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ retryAfter: '-3' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ retryAfterMs: 'abc', retryAfter: '1' }, NOW)).toBe(1000);
  });
});

describe('backoffDelay', () => {
  it('doubles the ceiling with each retry from 500 ms', () => {
    expect([1, 2, 3].map((retry) => backoffDelay({ retry, random: 0.999999 }))).toEqual([499, 999, 1999]);
  });

  it('spreads waits uniformly from zero up to the ceiling (full jitter)', () => {
    expect(backoffDelay({ retry: 2, random: 0 })).toBe(0);
    expect(backoffDelay({ retry: 2, random: 0.5 })).toBe(500);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay({ retry: 12, random: 0.999999 })).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay({ retry: 3, random: 0.999999, baseMs: 100, capMs: 250 })).toBe(249);
  });
});

describe('retryDelay', () => {
  it('honours the server-requested wait exactly, without jitter', () => {
    expect(retryDelay({ retry: 1, random: 0, retryAfterMs: 2000 })).toBe(2000);
    expect(retryDelay({ retry: 1, random: 0.9, retryAfterMs: 0 })).toBe(0);
  });

  it('falls back to jittered backoff without a server-requested wait', () => {
    expect(retryDelay({ retry: 1, random: 0.5, retryAfterMs: undefined })).toBe(250);
  });

  it('gives up when the server asks for longer than is worth waiting inside one call', () => {
    expect(retryDelay({ retry: 1, random: 0.5, retryAfterMs: MAX_HONOURED_RETRY_AFTER_MS + 1 })).toBeUndefined();
    expect(retryDelay({ retry: 1, random: 0.5, retryAfterMs: 5000, maxRetryAfterMs: 1000 })).toBeUndefined();
  });
});
