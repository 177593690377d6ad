import type { SqlClient } from './sql-client.js';
import { getRun, listRuns } from './run-queries.js';
import { insertEvent } from './run-sql.js';
import type { RunStore } from './run-store-types.js';
import { createRun, finishRun } from './run-writes.js';
import { endStep, startStep } from './step-writes.js';

export interface RunStoreOptions {
  readonly sql: SqlClient;
}

/**
 * The repository the agent runtime, the CLI and the workflow engine write runs through. Each
 * write is one transaction; pass a transaction's client as `sql` to join a larger one.
 */
export function createRunStore(options: RunStoreOptions): RunStore {
  const { sql } = options;
  return {
    createRun: (input) => sql.transaction((transaction) => createRun(transaction, input)),
    startStep: (input) => sql.transaction((transaction) => startStep(transaction, input)),
    completeStep: (input) => sql.transaction((transaction) => endStep(transaction, { ...input, status: 'succeeded' })),
    failStep: (input) => sql.transaction((transaction) => endStep(transaction, { ...input, status: 'failed' })),
    finishRun: (input) => sql.transaction((transaction) => finishRun(transaction, input)),
    appendEvent: (input) => insertEvent(sql, input),
    getRun: (id) => getRun(sql, id),
    listRuns: (options) => listRuns(sql, options),
  };
}
