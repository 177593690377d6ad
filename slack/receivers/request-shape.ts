import { z } from 'zod';

const Id = z.string().min(1).max(255);
const Action = z.looseObject({ action_id: Id });
const View = z.looseObject({ callback_id: z.string().max(255), id: Id });
const Named = z.looseObject({ id: Id });

/**
 * What every interactive payload carries and Bolt dereferences before any listener runs: the
 * user who acted and, unless the app is installed org-wide, the team.
 */
const Interactive = {
  user: z.looseObject({ id: Id, team_id: z.string().optional() }),
  team: Named.nullable().optional(),
  enterprise: Named.nullable().optional(),
  channel: Named.optional(),
};

/** Bolt probes `event.user`, `event.channel.creator` and `event.subteam.created_by` with `in`, which throws on a primitive. */
const Event = z.looseObject({
  type: Id,
  user: z.union([z.string(), Named]).optional(),
  channel: z.union([z.string(), z.looseObject({})]).optional(),
  subteam: z.looseObject({}).optional(),
});

/**
 * The minimum Bolt needs to route a request without tripping over it. Bolt reads these fields
 * unchecked, and a body without them makes it throw before any listener can acknowledge; Slack
 * never sends one, so it is refused with a 400 rather than left to fail inside Bolt.
 */
const ShapeSchema = z.union([
  z.looseObject({ command: z.string().regex(/^\/[\w-]{1,32}$/) }),
  z.looseObject({ type: z.literal('event_callback'), event: Event }),
  z.looseObject({ type: z.literal('block_actions'), actions: z.array(Action).min(1), ...Interactive }),
  z.looseObject({ type: z.enum(['view_submission', 'view_closed']), view: View, ...Interactive }),
  z.looseObject({ type: z.enum(['shortcut', 'message_action', 'interactive_message', 'dialog_submission']), callback_id: Id, ...Interactive }),
  z.looseObject({ type: z.literal('block_suggestion'), action_id: Id, ...Interactive }),
]);

/** Undefined when Bolt can route the body; otherwise why it is refused (for the log, not the caller). */
export function requestShapeProblem(body: Record<string, unknown>): string | undefined {
  const parsed = ShapeSchema.safeParse(body);
  if (parsed.success) return undefined;
  const kind = typeof body['type'] === 'string' ? `"${body['type'].slice(0, 40)}"` : typeof body['command'] === 'string' ? 'a command' : 'no type';
  return `a body of ${kind} that Slack would not send (${parsed.error.issues.map((issue) => issue.path.join('.') || 'body').slice(0, 3).join(', ')})`;
}
