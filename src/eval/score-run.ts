import type { AnyAgent } from '../../agents/index.js';
import type { WorkflowDefinition } from '../engine/workflow/define-workflow.js';
import type { RunDetail, Step } from '../store/index.js';
import { checkAgentRules, criticReportRules, type RuleResult } from './rule-results.js';

export type { RuleResult } from './rule-results.js';

export interface RunScore {
  /** Every agent step's output against the agent's schema, and the run's output against the workflow's. */
  readonly schema: { readonly checked: number; readonly valid: number; readonly problems: readonly string[] };
  /** Each agent's own checks on its answer, and the rules each loop's last critic verdict reports. */
  readonly rules: readonly RuleResult[];
  /** Every critic verdict of every round. */
  readonly critic: { readonly verdicts: number; readonly passed: number };
  /** Whether the last verdict of every loop passed; undefined when no critic answered. */
  readonly criticFinalPass: boolean | undefined;
  /** Producer rounds the loops took; undefined for a workflow without a loop. */
  readonly iterations: number | undefined;
}

/** Scores what a run produced, read back from its recorded steps: nothing is re-run. */
export function scoreRun(definition: WorkflowDefinition, run: RunDetail): RunScore {
  const succeeded = run.steps.filter((step) => step.status === 'succeeded' && step.agent !== null);
  const problems: string[] = [];
  let checked = 0;
  const rules: RuleResult[] = [];
  for (const step of succeeded) {
    // Effects and CRM steps record a name that is no agent's (`effect:…`): they have no model answer to score.
    const agent = definition.agents.get(step.agent ?? '');
    if (agent === undefined) continue;
    checked += 1;
    const parsed = agent.output.safeParse(step.output);
    if (!parsed.success) problems.push(`${step.name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'output'}: ${issue.message}`).join('; ')}`);
    rules.push(...checkAgentRules(agent, step));
  }
  if (run.status === 'succeeded') {
    checked += 1;
    const parsed = definition.output.safeParse(run.output);
    if (!parsed.success) problems.push(`run output: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'output'}: ${issue.message}`).join('; ')}`);
  }
  const loops = loopRounds(definition, succeeded);
  rules.push(...loops.flatMap((loop) => (loop.lastCritic === undefined ? [] : criticReportRules(loop.criticAgent, loop.lastCritic))));
  const verdicts = loops.flatMap((loop) => loop.critics.map((step) => passOf(step)));
  return {
    schema: { checked, valid: checked - problems.length, problems },
    rules,
    critic: { verdicts: verdicts.length, passed: verdicts.filter(Boolean).length },
    criticFinalPass: loops.some((loop) => loop.lastCritic !== undefined) ? loops.every((loop) => loop.lastCritic !== undefined && passOf(loop.lastCritic)) : undefined,
    iterations: loops.length === 0 ? undefined : loops.reduce((sum, loop) => sum + loop.rounds, 0),
  };
}

interface LoopRounds {
  readonly criticAgent: AnyAgent;
  readonly critics: readonly Step[];
  readonly lastCritic: Step | undefined;
  readonly rounds: number;
}

/** Each loop node's recorded rounds: its steps are keyed `<loop>/<round>/producer|critic`. */
function loopRounds(definition: WorkflowDefinition, steps: readonly Step[]): LoopRounds[] {
  return [...definition.shapes.entries()].flatMap(([key, shape]) => {
    if (shape.node.kind !== 'loop') return [];
    const roundOf = (step: Step, role: string) => {
      const match = new RegExp(`^${escapeRegExp(key)}/(\\d+)/${role}$`).exec(step.name);
      return match === null ? undefined : Number(match[1]);
    };
    const producers = steps.map((step) => roundOf(step, 'producer')).filter((round): round is number => round !== undefined);
    const critics = steps.filter((step) => roundOf(step, 'critic') !== undefined).sort((left, right) => (roundOf(left, 'critic') ?? 0) - (roundOf(right, 'critic') ?? 0));
    if (producers.length === 0) return [];
    return [{ criticAgent: shape.node.critic, critics, lastCritic: critics.at(-1), rounds: Math.max(...producers) }];
  });
}

function passOf(step: Step): boolean {
  return step.output !== null && typeof step.output === 'object' && (step.output as Record<string, unknown>)['pass'] === true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
