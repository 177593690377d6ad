/** The fan-out's branches, by the key each answer arrives under in the merge's input. */
export const BRANCH_NAMES = ['funding', 'hiring', 'techStack', 'signals', 'sources'] as const;
export type BranchName = (typeof BRANCH_NAMES)[number];

/** The model's research branches: each must answer or be listed missing. Data sources are extra: a deployment may run research without them. */
const RESEARCH_BRANCHES: readonly BranchName[] = ['funding', 'hiring', 'techStack', 'signals'];

interface CoverageInput {
  readonly branches: Readonly<Partial<Record<BranchName, unknown>>>;
  readonly missing: readonly { readonly branch: BranchName; readonly reason: string }[];
}

export interface CoverageIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Every branch either answered or is listed as missing, never both, so the brief's `missing` is
 * complete and true; and at least one answered, or there is nothing to merge.
 */
export function branchCoverageIssues(input: CoverageInput): CoverageIssue[] {
  const issues: CoverageIssue[] = [];
  const listed = new Set<BranchName>();
  input.missing.forEach((entry, index) => {
    const path = ['missing', index, 'branch'];
    if (listed.has(entry.branch)) issues.push({ path, message: `"${entry.branch}" is listed as missing twice` });
    else if (input.branches[entry.branch] !== undefined) {
      issues.push({ path, message: `"${entry.branch}" has an answer in branches and is listed as missing: list only the branches that did not answer` });
    }
    listed.add(entry.branch);
  });
  for (const branch of RESEARCH_BRANCHES) {
    if (input.branches[branch] === undefined && !listed.has(branch)) {
      issues.push({ path: ['branches', branch], message: `no answer and not listed in missing: add { branch: "${branch}", reason } so the brief says what is missing` });
    }
  }
  if (BRANCH_NAMES.every((branch) => input.branches[branch] === undefined)) {
    issues.push({ path: ['branches'], message: 'every research branch is missing, so there is nothing to merge: report the failed branches instead of running the merge' });
  }
  return issues;
}
