import { describe, expect, it } from 'vitest';
import { BatonError } from '../errors/index.js';
import { describePostgresUrl, isConnectionFailure, toStoreError } from './store-error.js';

const location = { backend: 'postgres', where: '127.0.0.1:5432/baton' } as const;

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('store errors', () => {
  it('treats refused sockets, connection SQLSTATEs and dropped connections as unavailable', () => {
    expect(isConnectionFailure(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionFailure(new AggregateError([withCode('refused', 'ECONNREFUSED')]))).toBe(true);
    expect(isConnectionFailure(withCode('the database system is shutting down', '57P03'))).toBe(true);
    expect(isConnectionFailure(withCode('password authentication failed', '28P01'))).toBe(true);
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionFailure(withCode('duplicate key value', '23505'))).toBe(false);
  });

  it('passes BatonErrors through and turns other failures into store_failed with the SQLSTATE', () => {
    const own = new BatonError('not_found', 'Run x does not exist.');
    expect(toStoreError(own, location)).toBe(own);
    expect(toStoreError(withCode('division by zero', '22012'), location)).toMatchObject({ code: 'store_failed', details: { sqlState: '22012' } });
  });

  it('describes a PostgreSQL URL without its credentials', () => {
    expect(describePostgresUrl('postgres://user:secret@db.internal:6543/baton?sslmode=require')).toBe('db.internal:6543/baton');
    expect(describePostgresUrl('postgresql://db.internal/baton')).toBe('db.internal:5432/baton');
  });
});
