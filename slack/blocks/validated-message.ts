import { BatonError, formatZodIssues } from '../../src/errors/index.js';
import { MessageSchema, ModalSchema, type SlackMessage, type SlackModal } from './block-kit-schema.js';

/** Every message and modal passes the Block Kit schema before it leaves: a bad card is a bug to see here, not an `invalid_blocks` from Slack. */
export function validatedMessage(message: SlackMessage): SlackMessage {
  const parsed = MessageSchema.safeParse(message);
  if (!parsed.success) throw new BatonError('internal', `Slack message is invalid Block Kit: ${formatZodIssues(parsed.error.issues, 'message')}`);
  return parsed.data;
}

export function validatedModal(modal: SlackModal): SlackModal {
  const parsed = ModalSchema.safeParse(modal);
  if (!parsed.success) throw new BatonError('internal', `Slack modal is invalid Block Kit: ${formatZodIssues(parsed.error.issues, 'view')}`);
  return parsed.data;
}
