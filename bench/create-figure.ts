import type { Figure, FigureTarget } from './benchmark-types.js';

export interface FigureOptions {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly name: string; readonly value: number };
  readonly target?: FigureTarget;
}

/** A figure with its ratio to the baseline and its verdict against the target filled in. */
export function createFigure(options: FigureOptions): Figure {
  const { baseline, target } = options;
  const ratio = baseline === undefined || baseline.value === 0 ? undefined : options.value / baseline.value;
  const judged = target === undefined ? undefined : target.of === 'ratio' ? ratio : options.value;
  const pass = target === undefined ? undefined : judged !== undefined && meets(judged, target);
  return {
    ...options,
    ...(ratio === undefined ? {} : { ratio }),
    ...(pass === undefined ? {} : { pass }),
  };
}

function meets(value: number, target: FigureTarget): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}
