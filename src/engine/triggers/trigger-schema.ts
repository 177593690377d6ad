import { z } from 'zod';
import { EVENT_TYPE_PATTERN } from './domain-event.js';
import { DOTTED_PATH_PATTERN } from './dotted-path.js';

/** Mirrors defineWorkflow's rule: workflow names are snake_case so they can be MCP tool names. */
export const WORKFLOW_NAME_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const INPUT_FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const dottedPath = z.string().regex(DOTTED_PATH_PATTERN, 'must be a dotted path into the event, like data.lead.email');

/** Starts `workflow` when an event of type `event` arrives and every `when` filter holds. */
export const TriggerSchema = z.strictObject({
  event: z.string().regex(EVENT_TYPE_PATTERN, 'must be noun.verb in lower case, like lead.created'),
  workflow: z.string().regex(WORKFLOW_NAME_PATTERN, 'must be a snake_case workflow name, like research_account'),
  /** Workflow input field → dotted path in the event (`{ "lead": "data.lead" }`); absent, the event's data is the input. */
  input: z.record(z.string().regex(INPUT_FIELD_PATTERN, 'must be an input field name, like lead'), dottedPath).optional(),
  /** Dotted path in the event → the value it must equal; a missing path does not match. */
  when: z
    .record(
      dottedPath,
      z.union([z.string(), z.number(), z.boolean()], { error: 'must be a string, number or boolean to compare with' }),
    )
    .optional(),
  /** Free text for the people reading the settings file. */
  $comment: z.string().optional(),
});

export type Trigger = z.output<typeof TriggerSchema>;
