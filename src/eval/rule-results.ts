import type { AnyAgent } from '../../agents/index.js';
import type { Step } from '../store/index.js';

export interface RuleResult {
  /** `agent/check` for an agent's own check, `critic/rule` for a rule a critic reports. */
  readonly id: string;
  readonly step: string;
  readonly passed: boolean;
  readonly messages: readonly string[];
}

/**
 * Re-runs an agent's deterministic checks on the answer its step recorded. An agent whose
 * output is its answer is checked as recorded; one whose code finalises the answer is checked
 * when the recorded output still reads as an answer, and skipped otherwise (its checks were
 * already enforced on the model's answer before the step could succeed).
 */
export function checkAgentRules(agent: AnyAgent, step: Step): RuleResult[] {
  if (agent.checks.length === 0) return [];
  const input = agent.input.safeParse(pickFields(step.input, agent.reads));
  if (!input.success) return [];
  const answer = agent.answer === agent.output ? { success: true as const, data: step.output } : agent.answer.safeParse(step.output);
  if (!answer.success) return [];
  return agent.checks.map((check) => {
    const id = `${agent.name}/${check.name}`;
    try {
      const messages = [...check.run(answer.data, input.data)];
      return { id, step: step.name, passed: messages.length === 0, messages };
    } catch (error) {
      return { id, step: step.name, passed: false, messages: [`the check threw: ${error instanceof Error ? error.message : String(error)}`] };
    }
  });
}

/**
 * The rules a critic reports in its verdict (`rules: [{rule, passed}]` with `failures` naming
 * each problem), as rule results: the house rules the final draft was held to.
 */
export function criticReportRules(critic: AnyAgent, step: Step): RuleResult[] {
  const report = asRecord(step.output);
  const rules = Array.isArray(report['rules']) ? report['rules'] : [];
  const failures = Array.isArray(report['failures']) ? report['failures'].map(asRecord) : [];
  return rules.map(asRecord).flatMap((entry) => {
    const rule = entry['rule'];
    if (typeof rule !== 'string' || typeof entry['passed'] !== 'boolean') return [];
    const messages = failures.filter((failure) => failure['rule'] === rule).map((failure) => String(failure['message']));
    return [{ id: `${critic.name}/${rule}`, step: step.name, passed: entry['passed'], messages }];
  });
}

function pickFields(value: unknown, fields: readonly string[]): Record<string, unknown> {
  const record = asRecord(value);
  return Object.fromEntries(fields.filter((field) => Object.hasOwn(record, field)).map((field) => [field, record[field]]));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
