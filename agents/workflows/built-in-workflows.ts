import type { WorkflowDefinition } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';
import { classifyReplyByVoteWorkflow, classifyReplyWorkflow } from './classify-reply.js';
import { handleReplyWorkflow } from './handle-reply.js';
import { processNewLeadWorkflow } from './process-new-lead.js';
import { researchAccountWorkflow } from './research-account.js';
import { reviewDealsWorkflow } from './review-deals.js';
import { writeColdSequenceWorkflow } from './write-cold-sequence.js';

/** Every workflow Baton ships; each is checked (schemas, stage counts, categories) when built. */
export function builtInWorkflows(agents: AgentCatalog): WorkflowDefinition[] {
  return [researchAccountWorkflow(agents), writeColdSequenceWorkflow(agents), handleReplyWorkflow(agents), classifyReplyWorkflow(agents), classifyReplyByVoteWorkflow(agents), reviewDealsWorkflow(agents), processNewLeadWorkflow(agents)];
}
