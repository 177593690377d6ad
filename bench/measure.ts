/** Timing helpers: warm-up, then N samples taken with performance.now(), summarized from the sorted samples. */

export type Work = () => unknown;

export interface MeasureOptions {
  /** Calls made before any sample is kept (JIT, connection pools, caches). */
  readonly warmup: number;
  /** Samples kept, unless the time budget runs out first. */
  readonly iterations: number;
  /** Calls timed together per sample, for work too short to time one call at a time. */
  readonly batch?: number;
  /** Stops early once this much time has passed (after at least 20 samples), so the suite stays bounded. */
  readonly budgetMs?: number;
}

export interface Summary {
  /** Milliseconds per call. */
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly samples: number;
}

const MINIMUM_SAMPLES = 20;

/** The nearest-rank percentile of ascending `sorted` samples. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) throw new Error('percentile: no samples');
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((left, right) => left - right);
  const total = sorted.reduce((sum, sample) => sum + sample, 0);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean: total / sorted.length, samples: sorted.length };
}

/** Milliseconds per call for `batch` calls of `work`, awaited one after another. */
async function timeBatch(work: Work, batch: number): Promise<number> {
  const started = performance.now();
  for (let call = 0; call < batch; call += 1) await work();
  return (performance.now() - started) / batch;
}

/**
 * Measures several pieces of work side by side: samples rotate between them, and which goes
 * first rotates too, so drift (CPU frequency, GC, a busy neighbour) hits each alike.
 */
export async function measureSideBySide<Name extends string>(
  works: Readonly<Record<Name, Work>>,
  options: MeasureOptions,
): Promise<Record<Name, Summary>> {
  const entries = Object.entries(works) as [Name, Work][];
  const batch = options.batch ?? 1;
  for (let call = 0; call < options.warmup; call += 1) {
    for (const [, work] of entries) await work();
  }
  const samples = new Map<Name, number[]>(entries.map(([name]) => [name, []]));
  const started = performance.now();
  for (let iteration = 0; iteration < options.iterations; iteration += 1) {
    for (let turn = 0; turn < entries.length; turn += 1) {
      const [name, work] = entries[(iteration + turn) % entries.length] as [Name, Work];
      samples.get(name)?.push(await timeBatch(work, batch));
    }
    if (options.budgetMs !== undefined && iteration + 1 >= MINIMUM_SAMPLES && performance.now() - started > options.budgetMs) break;
  }
  return Object.fromEntries(entries.map(([name]) => [name, summarize(samples.get(name) ?? [])])) as Record<Name, Summary>;
}
