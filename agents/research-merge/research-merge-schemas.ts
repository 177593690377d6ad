import { z } from 'zod';
import { SourceFindingsSchema } from '../../src/contracts/source-findings.js';
import { AccountBriefSchema, CommitteeMemberSchema } from '../contracts/account-brief.js';
import { AccountRefSchema } from '../contracts/provenance.js';
import { FundingResearchSchema } from '../funding-research/funding-schemas.js';
import { HiringResearchSchema } from '../hiring-research/hiring-schemas.js';
import { SignalResearchSchema } from '../signal-research/signal-schemas.js';
import { TechStackResearchSchema } from '../tech-stack-research/tech-stack-schemas.js';
import { BRANCH_NAMES, branchCoverageIssues } from './branch-coverage.js';

/** Each branch agent's output, unchanged; a branch that failed or timed out is absent. */
export const ResearchBranchesSchema = z.object({
  funding: FundingResearchSchema.optional(),
  hiring: HiringResearchSchema.optional(),
  techStack: TechStackResearchSchema.optional(),
  signals: SignalResearchSchema.optional(),
  /** What the configured data sources (the CRM first) know: facts, people and notes, each with its source. */
  sources: SourceFindingsSchema.optional(),
});
export type ResearchBranches = z.infer<typeof ResearchBranchesSchema>;

export const MissingBranchSchema = z.object({
  branch: z.enum(BRANCH_NAMES),
  reason: z.string().trim().min(1, 'say why the branch is missing, e.g. "timed out after 60 s"').max(500),
});

export const ResearchMergeInputSchema = z
  .object({ account: AccountRefSchema, branches: ResearchBranchesSchema, missing: z.array(MissingBranchSchema).max(BRANCH_NAMES.length) })
  .superRefine((input, context) => {
    for (const issue of branchCoverageIssues(input)) context.addIssue({ code: 'custom', ...issue });
  });
export type ResearchMergeInput = z.infer<typeof ResearchMergeInputSchema>;

/**
 * What the model answers: only the synthesis that needs judgement. Code assembles the rest of
 * the AccountBrief (signals, provenance, missing branches, the snapshot's facts) in finalize.
 */
export const ResearchSynthesisSchema = z.object({
  /** Two to four sentences: who the company is and where it stands now. */
  summary: z.string().trim().min(1).max(700),
  problemHypothesis: AccountBriefSchema.shape.problemHypothesis,
  /** People from branches.hiring.people, named exactly as there, each with a buying role. */
  buyingCommittee: z.array(z.object({ name: CommitteeMemberSchema.shape.name, role: CommitteeMemberSchema.shape.role })).max(20),
  confidence: z.number().min(0).max(1),
});
export type ResearchSynthesis = z.infer<typeof ResearchSynthesisSchema>;
