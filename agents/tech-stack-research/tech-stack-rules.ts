import type { StackChange, TechStackResearch } from './tech-stack-schemas.js';

/** A vendor can sit in several categories (Salesforce for CRM and for marketing), so a tool is both. */
const toolKey = (tool: { category: string; vendor: string }) => `${tool.category}:${tool.vendor.trim().toLowerCase()}`;

/** One entry per tool: two entries for the same vendor in the same category are one tool seen twice. */
export function duplicateToolProblems(answer: Pick<TechStackResearch, 'stack'>): string[] {
  const counts = new Map<string, { vendor: string; category: string; count: number }>();
  for (const tool of answer.stack) {
    const key = toolKey(tool);
    const seen = counts.get(key);
    counts.set(key, { vendor: seen?.vendor ?? tool.vendor, category: tool.category, count: (seen?.count ?? 0) + 1 });
  }
  return [...counts.values()]
    .filter((entry) => entry.count > 1)
    .map((entry) => `stack lists ${entry.vendor} (${entry.category}) ${entry.count} times: keep one entry and merge their sources`);
}

/** The latest change to a tool must agree with the current stack: removed tools are gone, added ones are there. */
export function changeProblems(answer: Pick<TechStackResearch, 'stack' | 'recentChanges'>): string[] {
  const current = new Set(answer.stack.map(toolKey));
  return latestChangePerTool(answer.recentChanges).flatMap((change) => {
    const listed = current.has(toolKey(change));
    if (change.change === 'removed' && listed) {
      return [`recentChanges says ${change.vendor} (${change.category}) was removed on ${change.date}, but stack still lists it: drop it from stack, or correct the change`];
    }
    if (change.change === 'added' && !listed) {
      return [`recentChanges says ${change.vendor} (${change.category}) was added on ${change.date}, but stack does not list it: add it to stack with its evidence, or correct the change`];
    }
    return [];
  });
}

function latestChangePerTool(changes: readonly StackChange[]): StackChange[] {
  const latest = new Map<string, StackChange>();
  for (const change of changes) {
    const seen = latest.get(toolKey(change));
    if (seen === undefined || change.date >= seen.date) latest.set(toolKey(change), change);
  }
  return [...latest.values()];
}
