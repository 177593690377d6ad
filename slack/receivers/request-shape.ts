import { z } from 'zod';

const Action = z.looseObject({ action_id: z.string().min(1).max(255) });
const View = z.looseObject({ callback_id: z.string().max(255), id: z.string().min(1) });

/**
 * The minimum Bolt needs to route a request without tripping over it: an action needs an
 * `action_id`, a view a `callback_id`, a command its name. Bolt reads these unchecked, and a
 * body without them can leave a request hanging; Slack never sends one, so it is refused.
 */
const ShapeSchema = z.union([
  z.looseObject({ command: z.string().regex(/^\/[\w-]{1,32}$/) }),
  z.looseObject({ type: z.literal('block_actions'), actions: z.array(Action).min(1) }),
  z.looseObject({ type: z.enum(['view_submission', 'view_closed']), view: View }),
  z.looseObject({ type: z.enum(['event_callback', 'block_suggestion', 'shortcut', 'message_action', 'interactive_message', 'dialog_submission']) }),
]);

/** Undefined when Bolt can route the body; otherwise why it is refused (for the log, not the caller). */
export function requestShapeProblem(body: Record<string, unknown>): string | undefined {
  const parsed = ShapeSchema.safeParse(body);
  if (parsed.success) return undefined;
  const kind = typeof body['type'] === 'string' ? `"${body['type'].slice(0, 40)}"` : typeof body['command'] === 'string' ? 'a command' : 'no type';
  return `a body of ${kind} that Slack would not send (${parsed.error.issues.map((issue) => issue.path.join('.') || 'body').slice(0, 3).join(', ')})`;
}
