import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { DEAD_LETTER_ACTIONS } from '../alerts/alert-blocks.js';
import type { SlackContext } from '../app/slack-context.js';

/**
 * Retry and Discard on a dead letter's triage message: ack, then the queue does it and updates
 * the message. A job per click (Slack's retry of one click is the same job), so a refused or
 * losing click never hides another person's; the engine resolves the letter once.
 */
export function registerDeadLetterActions(app: App, context: SlackContext): void {
  for (const [action, actionId] of Object.entries(DEAD_LETTER_ACTIONS) as ['retry' | 'discard', string][]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action: button }) => {
      await ack();
      const channel = body.channel?.id;
      const ts = body.message?.ts;
      if (channel === undefined || ts === undefined || button.value === undefined) return;
      await context.work.enqueue({ kind: 'dead_letter', action, deadLetterId: button.value, user: { id: body.user.id }, channel, ts }, { id: `dead-letter-${button.value}-${body.user.id}-${button.action_ts}`.replaceAll(':', '_') });
    });
  }
}
