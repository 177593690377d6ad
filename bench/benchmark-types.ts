import type { Logger } from '../src/logging/index.js';

/** A figure passes when `of` (its value, or its ratio to the baseline) stands in `op` to `value`. */
export interface FigureTarget {
  readonly op: '<=' | '>=';
  readonly value: number;
  readonly of: 'ratio' | 'value';
}

/** One number a benchmark reports, beside the floor it was measured against in the same run. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline.value, when there is a baseline. */
  readonly ratio?: number;
  readonly target?: FigureTarget;
  /** Undefined when the figure has no target: it is reported, not judged. */
  readonly pass?: boolean;
}

export interface BenchmarkContext {
  /** Silent unless a benchmark is being debugged; the code under test logs through it. */
  readonly logger: Logger;
}

export interface Benchmark {
  /** kebab-case; `npm run bench -- --only <name>` runs just this one. */
  readonly name: string;
  readonly description: string;
  run(context: BenchmarkContext): Promise<readonly Figure[]>;
}
