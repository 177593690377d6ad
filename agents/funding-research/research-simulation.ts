import type { Source } from '../contracts/provenance.js';

/**
 * What the research simulators share: a random stream seeded from a string (so the same domain
 * always gives the same company), a fixed "as of" date (so answers do not drift day by day), and
 * sources that can only ever say `simulated`.
 */
export const SIMULATED_AS_OF = '2026-11-01';

const DAY_MS = 86_400_000;

export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (fewer when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
  chance(probability: number): boolean;
}

export function createSeededRandom(seed: string): SeededRandom {
  const next = mulberry32(fnv1a(seed));
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    integer,
    pick<T>(items: readonly T[]): T {
      const item = items[integer(0, items.length - 1)];
      if (item === undefined) throw new Error('createSeededRandom: cannot pick from an empty list');
      return item;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index -= 1) {
        const other = integer(0, index);
        [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
      }
      return pool.slice(0, count);
    },
    chance: (probability: number) => next() < probability,
  };
}

/** The ISO date `days` days before the simulation's "as of" date. */
export function daysBefore(days: number): string {
  return new Date(Date.parse(`${SIMULATED_AS_OF}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** A source that cannot pass for real research. */
export function simulatedSource(confidence: number, daysAgo = 0): Source {
  return { source: 'simulated', observedAt: daysBefore(daysAgo), confidence };
}

/** Prose from a simulator, labelled so nobody quotes it as research. */
export function simulated(text: string): string {
  return `[simulated] ${text}`;
}

/** Domains that stand for a company no source knows anything about, in every branch. */
export function isUnknownCompany(domain: string): boolean {
  return domain.includes('unknown');
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const character of text) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
