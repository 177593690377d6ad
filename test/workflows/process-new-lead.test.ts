import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrichedLeadSchema } from '../../agents/lead-enricher/enrichment-schemas.js';
import type { NewLead } from '../../agents/lead-enricher/lead-schemas.js';
import { LeadScorerInputSchema, LeadScoreSchema } from '../../agents/lead-scorer/score-schemas.js';
import { OwnerBranchSchema, ProspectBriefInputSchema, ProspectBriefOutputSchema } from '../../agents/prospect-brief-writer/brief-schemas.js';
import { RepRouterInputSchema, RoutingSchema } from '../../agents/rep-router/router-schemas.js';
import { leadSegment, leadTerritories } from '../../agents/rep-router/routing-rule.js';
import { startEventWorker, type EventWorker } from '../../queues/events/index.js';
import { alertsRequest } from '../../src/contracts/alert-request.js';
import { repRoster, type Rep } from '../../src/contracts/rep-roster.js';
import { createLogger } from '../../src/logging/index.js';
import { parseSettingsText } from '../../src/settings/index.js';
import type { RunDetail } from '../../src/store/index.js';
import { createNewLeadHarness, leadFromRecord, type NewLeadHarness } from './process-new-lead-harness.js';

/** Five seeded leads: US mid-market (twice), Swiss SMB, UK enterprise, Portuguese mid-market. */
const LEAD_NUMBERS = [1, 2, 3, 4, 8];

let harness: NewLeadHarness;
let events: EventWorker;
beforeAll(async () => {
  harness = await createNewLeadHarness();
  harness.engine.startWorker(4);
  const settings = parseSettingsText(await readFile('examples/baton.config.json', 'utf8'), 'examples/baton.config.json');
  events = await startEventWorker({ ...harness.events, logger: createLogger({ level: 'silent' }), starter: harness.engine.engine, triggers: settings.triggers.filter((trigger) => trigger.event === 'lead.created') });
});
afterAll(async () => {
  await events.close();
  await harness.close();
});

async function seededLead(number: number): Promise<NewLead> {
  return leadFromRecord(await harness.crm.getRecord({ type: 'Lead', id: `00QBt${String(number).padStart(13, '0')}` }));
}

function stepOutput(run: RunDetail, name: string): unknown {
  const step = run.steps.find((candidate) => candidate.name === name && candidate.status === 'succeeded');
  if (step === undefined) throw new Error(`run ${run.id} has no succeeded step ${name}: ${run.steps.map((candidate) => `${candidate.name}:${candidate.status}`).join(', ')}`);
  return step.output;
}

/** The reps the rule allows: the best tier that has anyone, at its lowest load. */
function bestReps(reps: readonly Rep[], territories: readonly string[], segment: string | undefined): Rep[] {
  const tiers = [
    reps.filter((rep) => territories.includes(rep.territory) && rep.segment === segment),
    reps.filter((rep) => territories.includes(rep.territory)),
    reps.filter((rep) => rep.segment === segment),
    [...reps],
  ];
  const tier = tiers.find((candidates) => candidates.length > 0) ?? [];
  const lowest = Math.min(...tier.map((rep) => rep.load));
  return tier.filter((rep) => rep.load === lowest);
}

describe('process_new_lead end to end on BullMQ, Redis and PostgreSQL, in offline mode', () => {
  it.each(LEAD_NUMBERS)('enriches, scores, assigns and briefs seeded lead %i, each hand-off fitting the next step', async (number) => {
    const lead = await seededLead(number);
    const run = await harness.engine.waitFor((await harness.engine.engine.start('process_new_lead', { lead })).runId, ['succeeded'], 20_000);

    const enriched = EnrichedLeadSchema.parse(stepOutput(run, 'lead/enrich'));
    expect(enriched.lead).toEqual(lead);
    LeadScorerInputSchema.parse(enriched);
    repRoster.input.parse(enriched);
    const score = LeadScoreSchema.parse(stepOutput(run, 'lead/qualify/score'));
    const rostered = RepRouterInputSchema.parse(stepOutput(run, 'lead/qualify/owner/roster'));
    const routing = RoutingSchema.parse(stepOutput(run, 'lead/qualify/owner/route'));
    const merge = run.steps.find((step) => step.name === 'lead/qualify/merge');
    const mergeInput = ProspectBriefInputSchema.parse(merge?.input);
    // The owner branch ends in a crmRecord node: the routing carried on, with the change set it wrote.
    const owner = OwnerBranchSchema.parse(mergeInput.branches.owner);
    expect(mergeInput.branches.score).toEqual(score);
    expect(owner.assignment).toEqual(routing.assignment);
    expect(owner.crmWrites).toEqual([stepOutput(run, 'lead/qualify/owner/assign/1/change-set')]);
    const brief = ProspectBriefOutputSchema.parse(merge?.output);
    alertsRequest.input.parse(brief);

    const chosen = routing.assignment;
    expect(chosen).not.toBeNull();
    const allowed = bestReps(rostered.roster.reps, leadTerritories(enriched.enrichment), leadSegment(enriched.enrichment));
    expect(allowed.map((rep) => rep.userId)).toContain(chosen?.userId);
    expect(rostered.roster.reps.map((rep) => rep.name).sort()).toEqual(['Daniel Okafor', 'Hannah Weiss', 'Luis Ortega', 'Marcus Bell', 'Priya Raman']);

    const [write] = owner.crmWrites;
    expect(write).toMatchObject({ status: 'applied', record: { type: 'Lead', id: lead.id } });
    expect((await harness.crm.getRecord({ type: 'Lead', id: lead.id })).fields['OwnerId']).toBe(chosen?.userId);
    const changeSet = await harness.changeSets.get(write?.changeSetId ?? '');
    expect(changeSet).toMatchObject({ agent: 'rep-router', runId: run.id, status: 'applied' });
    const { rows } = await harness.engine.store.sql.query<{ action: string; actor: string }>(`SELECT action, actor FROM audit_log WHERE run_id = $1 AND target = $2`, [run.id, `crm:Lead:${lead.id}`]);
    expect(rows.map((row) => row.action)).toContain('crm.change_set.applied');

    const published = (await harness.alertEvents()).filter((event) => event.runId === run.id);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ kind: 'new_lead', audience: { kind: 'user', userId: chosen?.userId, name: chosen?.name }, step: 'lead/alert', body: brief.alerts[0]?.body });
    expect(published[0]?.body).toContain(`*Fit* ${score.fitGrade} (${score.fitScore}/100)`);
    expect(run.output).toMatchObject({ alerts: brief.alerts });
  });

  it('holds the owner change of a lead no rep covers for a reviewer, then writes it and briefs the rep once', async () => {
    const lead: NewLead = { id: '00QBtUNCOVERED00001', lastName: 'Quist', company: 'Unknown Fjord Labs', email: 'quist@unknown-fjord.example' };
    await harness.crm.insertRecords([{ type: 'Lead', id: lead.id, fields: { LastName: lead.lastName, Company: lead.company, Email: lead.email, Status: 'Open - Not Contacted' } }]);
    const { runId } = await harness.engine.engine.start('process_new_lead', { lead });
    await harness.engine.waitFor(runId, ['waiting_for_human'], 20_000);
    expect((await harness.alertEvents()).filter((event) => event.runId === runId)).toHaveLength(0);
    const [approval] = await harness.engine.engine.listApprovals({ runId, status: 'pending' });
    expect(approval).toMatchObject({ action: 'crm_write', payload: { record: { type: 'Lead', id: lead.id }, changes: [{ field: 'OwnerId' }] } });
    await harness.engine.engine.decide({ approvalId: approval!.id, fingerprint: approval!.fingerprint, decision: { decision: 'approve' }, reviewer: { id: 'U-REVOPS', via: 'cli' } });
    const run = await harness.engine.waitFor(runId, ['succeeded'], 20_000);
    const routing = RoutingSchema.parse(stepOutput(run, 'lead/qualify/owner/route'));
    expect(routing.assignment).toMatchObject({ matchedOn: 'load_only', leadSegment: null, leadTerritories: [], confidence: 0.6 });
    expect((await harness.crm.getRecord({ type: 'Lead', id: lead.id })).fields['OwnerId']).toBe(routing.assignment?.userId);
    const published = (await harness.alertEvents()).filter((event) => event.runId === runId);
    expect(published).toHaveLength(1);
    expect(published[0]?.body).toContain('employees unknown');
  });

  it('starts the workflow when lead.created is published on the bus, through the shipped trigger, once per event', async () => {
    const lead = await seededLead(6);
    const event = { id: 'lead-created-6', type: 'lead.created', data: { lead } };
    await harness.bus.publish(event);
    await harness.bus.publish(event);
    const deadline = Date.now() + 20_000;
    let runs: { id: string; status: string }[] = [];
    while (Date.now() < deadline) {
      ({ rows: runs } = await harness.engine.store.sql.query<{ id: string; status: string }>(
        `SELECT r.id, r.status FROM runs r JOIN run_events e ON e.run_id = r.id AND e.type = 'run.started' WHERE e.data->'trigger'->>'eventId' = $1`,
        [event.id],
      ));
      if (runs.length > 0 && runs.every((run) => run.status === 'succeeded')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('succeeded');
    const alerts = (await harness.alertEvents()).filter((alert) => alert.runId === runs[0]?.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title).toBe('New lead: Anders Holm, Commercial Director at Skagen Wind');
  });
});
