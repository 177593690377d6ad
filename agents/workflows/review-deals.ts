import { alertsRequest } from '../../src/contracts/alert-request.js';
import { crmOpenPipeline, ReviewDealsInputSchema } from '../../src/contracts/open-pipeline.js';
import { defineWorkflow, effect, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';

/**
 * Seed 004's deal review, run by a 06:00 schedule: read the open pipeline, inspect every deal,
 * forecast the flagged ones, audit them for commission problems, then write and publish the
 * alerts (a risk summary per rep, a roll-up per manager, the comp audit for the deal desk).
 * The audit runs before the alerts are written so one publish announces everything, once.
 */
export function reviewDealsWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'review_deals',
    version: '1',
    description:
      'Reviews every open opportunity in the CRM: flags slipping close dates, stalled deals and missing economic buyers or champions, recalculates the win probability of each flagged deal, audits them for commission problems, and publishes alert.requested events: a risk summary to each rep with flagged deals, a roll-up to each manager, and the comp audit to the deal desk. Read-only on the CRM; needs no approval. Meant for a daily 06:00 schedule in the team\'s time zone.',
    input: ReviewDealsInputSchema,
    root: pipeline('review', [
      effect('read-pipeline', crmOpenPipeline),
      step(agents.get('deal-inspector'), { id: 'inspect' }),
      step(agents.get('deal-forecaster'), { id: 'forecast' }),
      step(agents.get('comp-auditor'), { id: 'comp-audit' }),
      pipeline('alert', [step(agents.get('deal-risk-summariser'), { id: 'summarise' }), effect('publish', alertsRequest)]),
    ]),
  });
}
