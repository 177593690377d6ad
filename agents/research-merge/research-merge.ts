import { AccountBriefSchema, type AccountBrief } from '../contracts/account-brief.js';
import type { AgentCheck } from '../runtime/agent-definition.js';
import { defineAgent } from '../runtime/define-agent.js';
import {
  committeeProblems,
  confidenceProblems,
  duplicateBriefSignalProblems,
  missingBranchProblems,
  unsourcedSignalProblems,
} from './account-brief-rules.js';
import { assembleAccountBrief } from './assemble-account-brief.js';
import { ResearchMergeInputSchema, ResearchSynthesisSchema, type ResearchMergeInput, type ResearchSynthesis } from './research-merge-schemas.js';
import { simulateResearchSynthesis } from './simulate-research-synthesis.js';

/**
 * The brief's rules are checked on the brief each answer produces. Code builds `missing`, the
 * signals and their sources, so those rules hold by construction and guard the assembly: a
 * regression escalates to a human instead of shipping a brief that breaks the contract. The
 * confidence rule is the model's to meet.
 */
function onBrief(name: string, description: string, rule: (brief: AccountBrief, input: ResearchMergeInput) => string[]): AgentCheck<ResearchMergeInput, ResearchSynthesis> {
  return { name, description, run: (answer, input) => rule(assembleAccountBrief(answer, input), input) };
}

/**
 * The fan-in of account research: four branch answers, some possibly missing, become one
 * AccountBrief. Synthesis, so the deep tier; but only the synthesis is the model's (see
 * `assembleAccountBrief`).
 */
export const researchMerge = defineAgent({
  name: 'research-merge',
  description:
    'Merges the funding, hiring, tech-stack and signal research of one account into an account brief: resolves conflicting facts, deduplicates signals while keeping every source, names the buying committee from the people found, states a problem hypothesis, and lists the branches that are missing with lowered confidence.',
  input: ResearchMergeInputSchema,
  answer: ResearchSynthesisSchema,
  output: AccountBriefSchema,
  finalize: assembleAccountBrief,
  tier: 'deep',
  prompt: 'research-merge.md',
  timeoutMs: 90_000,
  maxOutputTokens: 2048,
  reads: ['account', 'branches', 'missing'],
  checks: [
    onBrief('missing-carried-through', 'The brief lists exactly the branches the input lists as missing, with their reasons.', missingBranchProblems),
    onBrief('signals-have-sources', 'Every signal keeps at least one source.', unsourcedSignalProblems),
    onBrief('signals-distinct', 'No two signals have the same kind and summary.', duplicateBriefSignalProblems),
    onBrief('confidence-reflects-missing-branches', 'Confidence is at most 0.7 when any branch is missing.', confidenceProblems),
    {
      name: 'committee-found-by-research',
      description: 'Every committee member is a person the hiring branch found, listed once.',
      run: (answer, input) => committeeProblems(answer, input),
    },
  ],
  simulate: simulateResearchSynthesis,
});
