import { alertsRequest } from '../../src/contracts/alert-request.js';
import { repRosterFor } from '../../src/contracts/rep-roster.js';
import { crmRecord, defineWorkflow, effect, fanOut, pipeline, step } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';
import { EnrichedLeadSchema } from '../lead-enricher/enrichment-schemas.js';
import { LeadEnricherInputSchema } from '../lead-enricher/lead-schemas.js';
import { RoutingSchema } from '../rep-router/router-schemas.js';

/**
 * PRODUCT.md §8's new lead: enrichment, then scoring beside assignment (the routing rule reads
 * territory, segment and load, never the score, so neither waits for the other), then the
 * prospect brief as an alert to the new owner. The owner change goes through governance as
 * `rep-router`; if it is refused, the brief still goes out, to the lead-routing channel.
 */
export function processNewLeadWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'process_new_lead',
    version: '1',
    description:
      "Handles a new lead (the lead.created event): enriches the company (firmographics and technographics with sources), scores ICP fit on four dimensions and intent, routes it to the rep who covers its territory and segment with the lowest load and records the owner in the CRM under governance, then sends that rep a new_lead alert with a prospect brief. A low-confidence routing waits for a reviewer before the owner changes. Returns the published alert.",
    input: LeadEnricherInputSchema,
    root: pipeline('lead', [
      step(agents.get('lead-enricher'), { id: 'enrich' }),
      fanOut('qualify', {
        branches: {
          score: step(agents.get('lead-scorer'), { id: 'score' }),
          owner: pipeline('owner', [
            effect('roster', repRosterFor(EnrichedLeadSchema)),
            step(agents.get('rep-router'), { id: 'route' }),
            crmRecord('assign', { actor: 'rep-router', input: RoutingSchema, propose: (routing) => (routing.proposal === null ? [] : [routing.proposal]) }),
          ]),
        },
        merge: agents.get('prospect-brief-writer'),
        branchTimeoutMs: 60_000,
      }),
      effect('alert', alertsRequest),
    ]),
  });
}
