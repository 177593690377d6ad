import type { App } from '@slack/bolt';
import type { SlackContext } from '../app/slack-context.js';
import { BATON_USAGE, parseBatonCommand, parseResearchTarget } from '../commands/parse-command.js';

/**
 * `/research` and `/baton`. Each acks at once: bad arguments get the usage in the ack,
 * ephemerally; everything else goes on the queue and answers when it is done.
 */
export function registerSlashCommands(app: App, context: SlackContext): void {
  app.command('/research', async ({ ack, command }) => {
    const target = parseResearchTarget(command.text);
    if (!target.ok) {
      await ack({ response_type: 'ephemeral', text: target.message });
      return;
    }
    const starting = target.domain === undefined ? `Looking up ${target.name} in the CRM to research it` : `Starting research on ${target.name} (${target.domain})`;
    await ack({ response_type: 'ephemeral', text: `${starting}; the brief will be posted in a thread here.` });
    await context.work.enqueue(
      { kind: 'research', target: command.text, user: { id: command.user_id }, channel: command.channel_id, requestId: command.trigger_id, responseUrl: command.response_url },
      { id: `research-${command.trigger_id}`.replaceAll(':', '_') },
    );
  });

  app.command('/baton', async ({ ack, command }) => {
    const parsed = parseBatonCommand(command.text);
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', text: parsed.message });
      return;
    }
    if (parsed.command === 'help') {
      await ack({ response_type: 'ephemeral', text: BATON_USAGE });
      return;
    }
    await ack();
    await context.work.enqueue(
      { kind: 'command', command: parsed.command, ...('argument' in parsed ? { argument: parsed.argument } : {}), user: { id: command.user_id }, channel: command.channel_id, responseUrl: command.response_url },
      { id: `command-${command.trigger_id}`.replaceAll(':', '_') },
    );
  });
}
