import type { AlertRequestedEvent } from '../../src/contracts/alert-request.js';
import type { DeadLetter } from '../../src/engine/runtime/dead-letters.js';
import type { SlackMessage } from '../blocks/block-kit-schema.js';
import { context, escapeMarkdown, header, percent, section, slackDate, truncate } from '../blocks/block-text.js';

const SEVERITY_ICON = { info: 'ℹ️', warning: '⚠️', critical: '🚨' } as const;
const KIND_LABEL: Record<AlertRequestedEvent['kind'], string> = { new_lead: 'New lead', deal_risk: 'Deal risk', manager_rollup: 'Manager roll-up', comp_audit: 'Compensation audit' };

export function alertMessage(alert: AlertRequestedEvent, mention: string | undefined): SlackMessage {
  const records = alert.records.map((record) => `${record.type} ${record.id}`).join(', ');
  return {
    text: truncate(`${SEVERITY_ICON[alert.severity]} ${alert.title}`, 3_000),
    blocks: [
      header(`${SEVERITY_ICON[alert.severity]} ${alert.title}`),
      section(alert.body),
      context(`${KIND_LABEL[alert.kind]}${mention === undefined ? '' : ` for ${mention}`}`, records === '' ? '' : `Records: ${escapeMarkdown(truncate(records, 500))}`, `Run \`${alert.runId}\``),
    ],
  };
}

export function breakerMessage(type: string, state: { name: string; consecutiveFailures?: number; retryAt?: string | null }): SlackMessage {
  const opened = type === 'breaker.opened';
  const text = opened
    ? `🔌 Circuit breaker *${state.name}* opened after ${state.consecutiveFailures ?? '?'} consecutive failures; its work is held${state.retryAt === null || state.retryAt === undefined ? '' : ` until a probe ${slackDate(state.retryAt)}`}.`
    : `🔌 Circuit breaker *${state.name}* closed: its work flows again.`;
  return { text: opened ? `Circuit breaker ${state.name} opened` : `Circuit breaker ${state.name} closed`, blocks: [section(text)] };
}

export const DEAD_LETTER_ACTIONS = { retry: 'dead_letter.retry', discard: 'dead_letter.discard' } as const;

export function deadLetterMessage(letter: DeadLetter, resolution?: string): SlackMessage {
  const blocks: SlackMessage['blocks'] = [
    section(`🪦 *Dead letter* from \`${letter.source}\`${letter.runId === null ? '' : ` in run \`${letter.runId}\``}\n\`${letter.reason.code}\`: ${escapeMarkdown(truncate(letter.reason.message, 1_500))}`),
    section(`*Input*\n\`\`\`${truncate(JSON.stringify(letter.payload ?? null, null, 2), 1_200)}\`\`\``),
  ];
  if (resolution !== undefined) return { text: `Dead letter ${letter.id}: ${resolution}`, blocks: [...blocks, context(resolution)] };
  const retryable = letter.status === 'open' && letter.runId !== null;
  return {
    text: `Dead letter from ${letter.source}: ${letter.reason.code}`,
    blocks: [
      ...blocks,
      {
        type: 'actions',
        block_id: 'dead_letter',
        elements: [
          ...(retryable ? [{ type: 'button' as const, action_id: DEAD_LETTER_ACTIONS.retry, text: { type: 'plain_text' as const, text: 'Retry' }, style: 'primary' as const, value: letter.id }] : []),
          { type: 'button', action_id: DEAD_LETTER_ACTIONS.discard, text: { type: 'plain_text', text: 'Discard' }, style: 'danger', value: letter.id },
        ],
      },
    ],
  };
}

export interface DigestFigures {
  readonly since: string;
  readonly runs: Readonly<Record<string, number>>;
  readonly waiting: number;
  readonly decided: number;
  readonly approvedUnchanged: number;
  readonly costUsd: number;
}

export function digestMessage(figures: DigestFigures): SlackMessage {
  const total = Object.values(figures.runs).reduce((sum, count) => sum + count, 0);
  const byStatus = Object.entries(figures.runs).map(([status, count]) => `${status} ${count}`).join(', ');
  const rate = figures.decided === 0 ? 'n/a' : percent(figures.approvedUnchanged / figures.decided);
  return {
    text: `Baton daily digest: ${total} runs, ${figures.waiting} approvals waiting`,
    blocks: [
      header('Baton daily digest'),
      section(`*Runs*: ${total}${byStatus === '' ? '' : ` (${byStatus})`}\n*Approvals waiting*: ${figures.waiting}\n*Approved unchanged*: ${rate} of ${figures.decided} decided\n*Cost*: $${figures.costUsd.toFixed(2)}`),
      context(`Since ${slackDate(figures.since)}`),
    ],
  };
}
