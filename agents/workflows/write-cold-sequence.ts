import { z } from 'zod';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { defineWorkflow, gate, loop, pipeline } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';

/** Seed 000's pipeline + loop + gate: write, check against the house rules (at most three rounds), then a human approves. */
export function writeColdSequenceWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'write_cold_sequence',
    version: '1',
    description:
      'Writes a 3-email cold sequence from an account brief (from research_account), checks it against the house rules (word limit, banned phrases, subject lines, signal presence, no pitch, one ask) and rewrites only the failing emails, at most three rounds; then waits for a human to approve, edit or reject it before anything is sent. Returns the approved sequence. Customer-facing: always needs approval.',
    input: z.object({ brief: AccountBriefSchema }),
    root: pipeline('sequence', [
      loop('qa', { producer: agents.get('email-writer'), critic: agents.get('email-qa'), maxIterations: 3, escalationAction: 'review_escalation' }),
      gate('approve', 'send_sequence'),
    ]),
  });
}
