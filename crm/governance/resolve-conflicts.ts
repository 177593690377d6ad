/** A proposal as conflict resolution sees it: who, how sure, when, and which fields it writes. */
export interface ConflictProposal {
  readonly id: string;
  readonly agent: string;
  readonly confidence: number;
  /** ISO 8601; the later of two otherwise equal proposals wins (the fresher information). */
  readonly createdAt: string;
  readonly fields: readonly string[];
}

export type ConflictRule = 'confidence' | 'priority' | 'recency';

/** One recorded conflict: which proposal superseded which, over which fields, and by which rule. */
export interface ConflictRecord {
  readonly winner: string;
  readonly winnerAgent: string;
  readonly loser: string;
  readonly loserAgent: string;
  readonly fields: readonly string[];
  readonly decidedBy: ConflictRule;
  readonly message: string;
}

export interface ConflictResolution<Proposal extends ConflictProposal> {
  readonly winner: Proposal;
  readonly superseded: readonly { readonly proposal: Proposal; readonly conflict: ConflictRecord }[];
}

/** The rule that separates two proposals, and whether `challenger` wins by it (ties go to the later). */
function compare(challenger: ConflictProposal, holder: ConflictProposal, agentPriority: Readonly<Record<string, number>>): { wins: boolean; rule: ConflictRule } {
  if (challenger.confidence !== holder.confidence) return { wins: challenger.confidence > holder.confidence, rule: 'confidence' };
  const challengerPriority = agentPriority[challenger.agent] ?? 0;
  const holderPriority = agentPriority[holder.agent] ?? 0;
  if (challengerPriority !== holderPriority) return { wins: challengerPriority > holderPriority, rule: 'priority' };
  return { wins: challenger.createdAt >= holder.createdAt, rule: 'recency' };
}

function describe(winner: ConflictProposal, loser: ConflictProposal, rule: ConflictRule, agentPriority: Readonly<Record<string, number>>): string {
  const by = {
    confidence: `higher confidence (${winner.confidence} over ${loser.confidence})`,
    priority: `equal confidence (${winner.confidence}) and higher agent priority (${agentPriority[winner.agent] ?? 0} over ${agentPriority[loser.agent] ?? 0})`,
    recency: `equal confidence and priority, and it is the later proposal`,
  }[rule];
  return `${winner.agent} (change set ${winner.id}) supersedes ${loser.agent} (change set ${loser.id}) by ${by}`;
}

/**
 * Two agents proposing one field are resolved before anything is written: by confidence, then
 * agent priority, then the later proposal. One proposal wins; every other is superseded, with
 * the conflict recorded. Pass proposals that share at least one field with the first.
 */
export function resolveConflicts<Proposal extends ConflictProposal>(proposals: readonly Proposal[], agentPriority: Readonly<Record<string, number>> = {}): ConflictResolution<Proposal> {
  const [first, ...rest] = [...proposals].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (first === undefined) throw new RangeError('resolveConflicts needs at least one proposal');
  const winner = rest.reduce((holder, challenger) => (compare(challenger, holder, agentPriority).wins ? challenger : holder), first);
  const superseded = proposals
    .filter((proposal) => proposal !== winner)
    .map((loser) => {
      const rule = compare(winner, loser, agentPriority).rule;
      const fields = loser.fields.filter((field) => winner.fields.includes(field));
      const conflict: ConflictRecord = { winner: winner.id, winnerAgent: winner.agent, loser: loser.id, loserAgent: loser.agent, fields, decidedBy: rule, message: describe(winner, loser, rule, agentPriority) };
      return { proposal: loser, conflict };
    });
  return { winner, superseded };
}
