import { z } from 'zod';
import { AlertSchema, alertsRequest } from '../../src/contracts/alert-request.js';
import { crmOpenPipeline, ReviewDealsInputSchema } from '../../src/contracts/open-pipeline.js';
import { defineWorkflow, effect, pipeline, step, transform } from '../../src/engine/workflow/define-workflow.js';
import type { AgentCatalog } from '../agent-catalog.js';
import { compAuditAlert } from '../comp-auditor/comp-audit-alert.js';
import { CompAuditSchema } from '../comp-auditor/comp-auditor-schemas.js';

const PublishedSchema = z.object({ eventIds: z.array(z.string()), alerts: z.array(AlertSchema) });

/**
 * Seed 004's deal review, run by a 06:00 schedule: read the open pipeline, inspect every deal,
 * forecast the flagged ones, publish a risk summary to each rep and a roll-up to each manager,
 * then audit the flagged deals for commission problems and publish that to the deal desk. The
 * audit comes last so a failing audit never holds back the reps' morning alerts; the run's output
 * is every alert it published, in that order.
 */
export function reviewDealsWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'review_deals',
    version: '1',
    description:
      'Reviews every open opportunity in the CRM: flags slipping close dates, stalled deals and missing economic buyers or champions, recalculates the win probability of each flagged deal, publishes alert.requested events (a risk summary to each rep with flagged deals, a roll-up to each manager), then audits the flagged deals for commission problems and publishes the comp audit to the deal desk. Read-only on the CRM; needs no approval. Meant for a daily 06:00 schedule in the team\'s time zone.',
    input: ReviewDealsInputSchema,
    root: pipeline('review', [
      effect('read-pipeline', crmOpenPipeline),
      step(agents.get('deal-inspector'), { id: 'inspect' }),
      step(agents.get('deal-forecaster'), { id: 'forecast' }),
      pipeline(
        'report',
        [
          pipeline('alert', [step(agents.get('deal-risk-summariser'), { id: 'summarise' }), effect('publish', alertsRequest)]),
          transform('announced', { input: PublishedSchema, output: z.object({ riskAlerts: PublishedSchema }), map: (published) => ({ riskAlerts: published }) }),
          pipeline(
            'audit',
            [
              step(agents.get('comp-auditor'), { id: 'comp-audit' }),
              transform('comp-alert', { input: CompAuditSchema.pick({ review: true, deals: true, compAudit: true }), output: z.object({ alerts: z.array(AlertSchema).max(1) }), map: (audit) => ({ alerts: compAuditAlert(audit) }) }),
              effect('publish', alertsRequest),
            ],
            { carry: ['riskAlerts'] },
          ),
        ],
        { carry: ['review', 'deals', 'flaggedDeals', 'forecasts'] },
      ),
      transform('outcome', {
        input: PublishedSchema.extend({ riskAlerts: PublishedSchema }),
        output: PublishedSchema,
        map: ({ riskAlerts, eventIds, alerts }) => ({ eventIds: [...riskAlerts.eventIds, ...eventIds], alerts: [...riskAlerts.alerts, ...alerts] }),
      }),
    ]),
  });
}
