import { describe, expect, it } from 'vitest';
import { resolveConflicts, type ConflictProposal } from './resolve-conflicts.js';

const proposal = (id: string, agent: string, confidence: number, createdAt: string): ConflictProposal => ({ id, agent, confidence, createdAt, fields: ['Industry'] });

describe('resolveConflicts', () => {
  it('keeps the more confident proposal and records the one it superseded', () => {
    const resolution = resolveConflicts([proposal('a', 'researcher', 0.7, '2025-01-01T00:00:00Z'), proposal('b', 'enricher', 0.9, '2025-01-01T00:01:00Z')]);
    expect(resolution.winner.id).toBe('b');
    expect(resolution.superseded).toEqual([{ proposal: expect.objectContaining({ id: 'a' }), conflict: expect.objectContaining({ winner: 'b', loser: 'a', fields: ['Industry'], decidedBy: 'confidence' }) }]);
  });

  it('breaks a confidence tie by agent priority, whichever came first', () => {
    const early = proposal('a', 'researcher', 0.9, '2025-01-01T00:00:00Z');
    const late = proposal('b', 'enricher', 0.9, '2025-01-01T00:01:00Z');
    const resolution = resolveConflicts([late, early], { researcher: 5, enricher: 1 });
    expect(resolution.winner.id).toBe('a');
    expect(resolution.superseded[0]!.conflict.decidedBy).toBe('priority');
    expect(resolution.superseded[0]!.conflict.message).toContain('higher agent priority (5 over 1)');
  });

  it('gives a full tie to the later proposal', () => {
    const resolution = resolveConflicts([proposal('a', 'x', 0.9, '2025-01-01T00:00:00Z'), proposal('b', 'y', 0.9, '2025-01-01T00:01:00Z')]);
    expect(resolution.winner.id).toBe('b');
    expect(resolution.superseded[0]!.conflict.decidedBy).toBe('recency');
  });
});
