import { BatonError } from '../../src/errors/index.js';
import type { Engine } from '../../src/engine/engine.js';

export interface Decider {
  /** Approvals decided, and those where both concurrent decisions were accepted (must stay 0). */
  readonly decided: () => number;
  readonly decidedTwice: () => string[];
  /** Decisions refused as already taken: the second of each pair. */
  readonly conflicts: () => number;
  stop(): Promise<void>;
}

/**
 * A reviewer approving whatever waits, as fast as a person with two windows open: every pending
 * approval gets two approvals at once, from the CLI and from MCP. Exactly one may be taken; the
 * other must be refused as a conflict. Store or Redis outages only delay it.
 */
export function startDecider(engine: Engine, reviewer: string, everyMs = 250): Decider {
  const accepted = new Map<string, number>();
  let conflicts = 0;
  const state = { stopped: false };
  const decideOne = async (approvalId: string, fingerprint: string, via: 'cli' | 'mcp') => {
    try {
      await engine.decide({ approvalId, fingerprint, decision: { decision: 'approve' }, reviewer: { id: reviewer, groups: [], via } });
      accepted.set(approvalId, (accepted.get(approvalId) ?? 0) + 1);
    } catch (error) {
      if (error instanceof BatonError && error.code === 'conflict') conflicts += 1;
    }
  };
  const loop = (async () => {
    while (!state.stopped) {
      try {
        const pending = await engine.listApprovals({ status: 'pending' });
        await Promise.all(pending.map((approval) => Promise.all([decideOne(approval.id, approval.fingerprint, 'cli'), decideOne(approval.id, approval.fingerprint, 'mcp')])));
      } catch {
        // The store or Redis is down for a moment: the next round tries again.
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    decided: () => accepted.size,
    decidedTwice: () => [...accepted.entries()].filter(([, count]) => count > 1).map(([id]) => id),
    conflicts: () => conflicts,
    async stop() {
      state.stopped = true;
      await loop;
    },
  };
}
