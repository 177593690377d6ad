import type { Signal } from '../contracts/account-brief.js';

/** Summaries compared as a reader would: case, spacing and a final full stop do not make a new signal. */
export function normalizeSummary(summary: string): string {
  return summary.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
}

/** One message per pair of signals with the same kind and summary: the same event reported twice. */
export function duplicateSignalProblems(signals: readonly Pick<Signal, 'kind' | 'summary'>[], field = 'signals'): string[] {
  const firstIndex = new Map<string, number>();
  return signals.flatMap((signal, index) => {
    const key = `${signal.kind}:${normalizeSummary(signal.summary)}`;
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return [];
    }
    const summary = signals[first]?.summary ?? signal.summary;
    return [`${field}[${first}] and ${field}[${index}] are both ${signal.kind} signals with the summary "${summary}": merge them into one signal that keeps both sets of sources`];
  });
}
