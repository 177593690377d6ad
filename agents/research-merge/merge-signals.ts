import type { Signal } from '../contracts/account-brief.js';
import { normalizeSummary } from '../signal-research/duplicate-signals.js';
import { uniqueSources } from './branch-sources.js';

const MAX_SIGNALS = 20;
const MAX_KEYWORDS = 10;
const STRENGTH_RANK: Readonly<Record<Signal['strength'], number>> = { weak: 0, moderate: 1, strong: 2 };

/**
 * One signal per event: signals of the same kind whose summaries match or whose keywords overlap
 * are the same event seen by several branches, so they become one signal that keeps the first
 * summary, every keyword and every source. Strongest and most recent first.
 */
export function mergeSignals(signals: readonly Signal[]): Signal[] {
  const merged: Signal[] = [];
  for (const signal of signals) {
    const index = merged.findIndex((kept) => sameEvent(kept, signal));
    const kept = merged[index];
    if (kept === undefined) merged.push(combine(signal, undefined));
    else merged[index] = combine(kept, signal);
  }
  return merged.sort(byStrengthThenRecency).slice(0, MAX_SIGNALS);
}

function sameEvent(left: Signal, right: Signal): boolean {
  if (left.kind !== right.kind) return false;
  if (normalizeSummary(left.summary) === normalizeSummary(right.summary)) return true;
  const keywords = new Set(left.keywords.map(keywordKey));
  return right.keywords.some((keyword) => keywords.has(keywordKey(keyword)));
}

function combine(kept: Signal, other: Signal | undefined): Signal {
  const keywords = new Map<string, string>();
  for (const keyword of [...kept.keywords, ...(other?.keywords ?? [])]) if (!keywords.has(keywordKey(keyword))) keywords.set(keywordKey(keyword), keyword.trim());
  const recency = [kept.recencyDays, other?.recencyDays].filter((days) => days !== undefined);
  const strength = other !== undefined && STRENGTH_RANK[other.strength] > STRENGTH_RANK[kept.strength] ? other.strength : kept.strength;
  return {
    ...kept,
    keywords: [...keywords.values()].slice(0, MAX_KEYWORDS),
    ...(recency.length === 0 ? {} : { recencyDays: Math.min(...recency) }),
    strength,
    sources: uniqueSources([...kept.sources, ...(other?.sources ?? [])]),
  };
}

function keywordKey(keyword: string): string {
  return keyword.trim().toLowerCase();
}

/** Undated signals sort after every dated one (the contract's recency stops at 3650 days). */
function byStrengthThenRecency(left: Signal, right: Signal): number {
  return STRENGTH_RANK[right.strength] - STRENGTH_RANK[left.strength] || (left.recencyDays ?? 3651) - (right.recencyDays ?? 3651);
}
