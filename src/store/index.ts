// Any export here is public API for the rest of Baton: add deliberately.
export { openStore, type OpenStoreOptions, type Store } from './open-store.js';
export { applyMigrations, type ApplyMigrationsOptions } from './apply-migrations.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export type { QueryResult, SqlClient, SqlValue } from './sql-client.js';
export { createPostgresClient, type PostgresClientOptions } from './postgres-client.js';
export { createPgliteClient, type PgliteClientOptions } from './pglite-client.js';
export type { StoreBackend } from './store-error.js';
export { createRunStore, type RunStoreOptions } from './run-store.js';
export type {
  AppendEventInput,
  CompleteStepInput,
  CreateRunInput,
  FailStepInput,
  FinishRunInput,
  ListRunsOptions,
  RunOutcome,
  RunStore,
  StartStepInput,
  StepMeasurements,
  StepUsage,
} from './run-store-types.js';
export {
  FINISHED_RUN_STATUSES,
  OPEN_STEP_STATUSES,
  RunDetailSchema,
  RunEventSchema,
  RunKindSchema,
  RunPageSchema,
  RunSchema,
  RunStatusSchema,
  StepSchema,
  StepStatusSchema,
  StoredErrorSchema,
  type Run,
  type RunDetail,
  type RunEvent,
  type RunKind,
  type RunPage,
  type RunStatus,
  type Step,
  type StepStatus,
  type StoredError,
} from './run-records.js';
