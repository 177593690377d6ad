import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { Engine } from '../../src/engine/engine.js';
import type { RunDetail } from '../../src/store/index.js';
import { showValue } from '../blocks/block-text.js';

/** One rule the item was checked against, and how it fared. */
export interface CheckedRule {
  readonly name: string;
  readonly passed: boolean;
  readonly detail?: string;
}

/** Everything a reviewer needs beside the item: what went in, what it was checked against, and why the agent said what it said. */
export interface ReviewMaterial {
  readonly approval: ApprovalView;
  readonly runStatus: string;
  /** The account, record or sender the run is about, when the input names one. */
  readonly subject: string | undefined;
  readonly inputSummary: readonly string[];
  readonly rules: readonly CheckedRule[];
  readonly reasons: string | undefined;
  readonly confidence: number | undefined;
}

const asRecord = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export async function gatherReviewMaterial(engine: Pick<Engine, 'getRun'>, approval: ApprovalView): Promise<ReviewMaterial> {
  const run = await engine.getRun(approval.runId);
  const payload = asRecord(approval.payload);
  const classification = asRecord(asRecord(approval.context)['classification']);
  const confidence = [payload['confidence'], classification['confidence']].find((value) => typeof value === 'number');
  return {
    approval,
    runStatus: run.status,
    subject: subjectOf(run.input, approval.payload),
    inputSummary: summarise(run.input),
    rules: rulesOf(run, approval),
    reasons: asString(payload['reason']) ?? asString(classification['reason']) ?? reasonsOfContext(approval.context),
    confidence: typeof confidence === 'number' ? confidence : undefined,
  };
}

/** The account a run is about, wherever its input keeps it: `account.name`, a brief's account, a reply's sender, a CRM record. */
export function subjectOf(input: unknown, payload: unknown): string | undefined {
  const root = asRecord(input);
  const account = asRecord(root['account']);
  const brief = asRecord(asRecord(root['brief'])['account']);
  const reply = asRecord(root['reply']);
  const record = asRecord(asRecord(payload)['record']);
  const recordName = asString(record['type']) === undefined ? undefined : `${String(record['type'])} ${String(record['id'])}`;
  return asString(account['name']) ?? asString(brief['name']) ?? asString(account['domain']) ?? asString(reply['from']) ?? recordName;
}

/** A few lines naming the run's input: each top-level field, compactly. */
function summarise(input: unknown): string[] {
  return Object.entries(asRecord(input))
    .slice(0, 6)
    .map(([key, value]) => `*${key}*: ${showValue(value, 160)}`);
}

/** Rule results of the last critic before the gate (`rules: [{rule, passed}]`, `failures`), or the governance reasons of a CRM change. */
function rulesOf(run: RunDetail, approval: ApprovalView): CheckedRule[] {
  const critic = [...run.steps].reverse().find((step) => step.status === 'succeeded' && Array.isArray(asRecord(step.output)['rules']));
  if (critic !== undefined) {
    const output = asRecord(critic.output);
    const failures = (output['failures'] as unknown[] | undefined ?? []).map(asRecord);
    return (output['rules'] as unknown[]).map(asRecord).map((rule) => {
      const name = String(rule['rule']);
      const messages = failures.filter((failure) => failure['rule'] === name).map((failure) => String(failure['message']));
      return { name: `${name} (${typeof rule['checkedBy'] === 'string' ? rule['checkedBy'] : 'code'})`, passed: rule['passed'] === true, ...(messages.length > 0 ? { detail: messages.join(' ') } : {}) };
    });
  }
  const reasons = asRecord(approval.context)['reasons'];
  if (Array.isArray(reasons)) return reasons.map((reason) => ({ name: 'governance', passed: false, detail: String(reason) }));
  return [];
}

function reasonsOfContext(context: unknown): string | undefined {
  const error = asRecord(asRecord(context)['error']);
  return asString(error['message']);
}
