export { DomainEventSchema, EVENT_TYPE_PATTERN, type DomainEvent, type DomainEventInput } from './domain-event.js';
export { DOTTED_PATH_PATTERN, lookupPath, type PathLookup } from './dotted-path.js';
export { matchTriggers, type TriggerMatch } from './match-triggers.js';
export { TriggerSchema, WORKFLOW_NAME_PATTERN, type Trigger } from './trigger-schema.js';
export type { RunTrigger, StartedRun, StartWorkflowOptions, WorkflowStarter } from './workflow-starter.js';
