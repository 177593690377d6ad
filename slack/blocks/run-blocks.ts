import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { Run, RunDetail } from '../../src/store/index.js';
import type { SlackMessage } from './block-kit-schema.js';
import { context, escapeMarkdown, header, section, showValue, slackDate, truncate } from './block-text.js';

const STATUS_ICON: Record<string, string> = { queued: '⏳', running: '🏃', waiting_for_human: '✋', succeeded: '✅', partial: '🟡', failed: '❌', cancelled: '⏹' };
const icon = (status: string) => STATUS_ICON[status] ?? '•';

export function runsMessage(runs: readonly Run[]): SlackMessage {
  if (runs.length === 0) return { text: 'No runs yet.', blocks: [section('No runs yet.')] };
  const lines = runs.map((run) => `${icon(run.status)} \`${run.id}\` *${run.name}* ${run.status} · $${run.costUsd.toFixed(4)} · ${slackDate(run.createdAt)}`);
  return { text: `${runs.length} latest runs`, blocks: [section(`*Latest runs*\n${truncate(lines.join('\n'), 2_900)}`)] };
}

export function runMessage(run: RunDetail): SlackMessage {
  const steps = run.steps.map((step) => `${icon(step.status)} \`${step.name}\`${step.agent === null ? '' : ` (${step.agent})`} ${step.status}${step.latencyMs === null ? '' : ` ${step.latencyMs} ms`}${step.error === null ? '' : `: ${escapeMarkdown(truncate(step.error.message, 200))}`}`);
  return {
    text: `Run ${run.id}: ${run.status}`,
    blocks: [
      section(`${icon(run.status)} *${run.name}* \`${run.id}\` is *${run.status}*`),
      ...(steps.length === 0 ? [] : [section(truncate(steps.join('\n'), 2_900))]),
      ...(run.error === null ? [] : [section(`*Error* \`${run.error.code}\`: ${escapeMarkdown(truncate(run.error.message, 2_000))}`)]),
      context(`$${run.costUsd.toFixed(4)} · ${run.inputTokens + run.outputTokens} tokens${run.simulated ? ' · simulated (offline mode)' : ''}`),
    ],
  };
}

export function approvalsMessage(approvals: readonly ApprovalView[], scope: 'mine' | 'all'): SlackMessage {
  if (approvals.length === 0) return { text: 'Nothing waits for a decision.', blocks: [section(scope === 'mine' ? 'Nothing waits for your decision.' : 'Nothing waits for a decision.')] };
  const lines = approvals.map((approval) => `• *${approval.action}* (${approval.risk}) run \`${approval.runId}\` approval \`${approval.id}\`${approval.expiresAt === null ? '' : ` expires ${slackDate(approval.expiresAt)}`}`);
  return { text: `${approvals.length} approvals waiting`, blocks: [section(`*${scope === 'mine' ? 'Waiting for you' : 'Waiting for a decision'}*\n${truncate(lines.join('\n'), 2_900)}`)] };
}

export function researchRootMessage(target: { name: string; domain: string }, userId: string, runId: string): SlackMessage {
  const text = `🔎 Researching *${escapeMarkdown(target.name)}* (${target.domain}) for <@${userId}>`;
  return { text: truncate(`Researching ${target.name} (${target.domain})`, 3_000), blocks: [section(text), context(`Run \`${runId}\`: progress follows in the thread.`)] };
}

export function progressMessage(done: readonly string[], total: number): SlackMessage {
  const text = `Progress: ${done.length} of ${total} steps done (${done.join(', ')})`;
  return { text: truncate(text, 3_000), blocks: [context(truncate(text, 2_000))] };
}

const asRecord = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** An account brief as a reader wants it: snapshot, strongest signals, hypothesis, what is missing. */
export function briefMessage(run: RunDetail): SlackMessage {
  if (run.status !== 'succeeded' && run.status !== 'partial') {
    return { text: `Research ${run.status}`, blocks: [section(`${icon(run.status)} The research ended *${run.status}*${run.error === null ? '' : `: ${escapeMarkdown(truncate(run.error.message, 2_000))}`}`)] };
  }
  const brief = asRecord(run.output);
  const account = asRecord(brief['account']);
  const snapshot = asRecord(brief['snapshot']);
  const signals = (Array.isArray(brief['signals']) ? brief['signals'] : []).map(asRecord).slice(0, 5);
  const missing = (Array.isArray(brief['missing']) ? brief['missing'] : []).map(asRecord);
  const title = `Account brief: ${showValue(account['name'], 100)}`;
  return {
    text: title,
    blocks: [
      header(title),
      section(escapeMarkdown(showValue(snapshot['summary'], 2_900))),
      ...(signals.length === 0 ? [] : [section(`*Signals*\n${signals.map((signal) => `• *${showValue(signal['kind'], 40)}* (${showValue(signal['strength'], 20)}): ${escapeMarkdown(showValue(signal['summary'], 300))}`).join('\n')}`)]),
      section(`*Problem hypothesis*\n${escapeMarkdown(showValue(brief['problemHypothesis'], 2_800))}`),
      ...(missing.length === 0 ? [] : [context(`Missing: ${missing.map((item) => `${showValue(item['branch'], 40)} (${showValue(item['reason'], 80)})`).join(', ')}`)]),
      context(`Run \`${run.id}\` ${run.status} · confidence ${typeof brief['confidence'] === 'number' ? brief['confidence'].toFixed(2) : 'n/a'} · $${run.costUsd.toFixed(4)}${run.simulated ? ' · simulated (offline mode)' : ''}`),
    ],
  };
}
