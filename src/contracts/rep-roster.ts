import { z } from 'zod';
import { defineEffect } from './effect-contract.js';

/** One rep who can own new leads: their coverage from the CRM user record and their open work. */
export const RepSchema = z.object({
  userId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  title: z.string().max(200).optional(),
  /** As the CRM user's `Segment__c` says: Enterprise, Mid-Market, SMB. */
  segment: z.string().min(1).max(100),
  /** As the CRM user's `Territory__c` says: North America East, EMEA. */
  territory: z.string().min(1).max(100),
  openLeads: z.number().int().min(0),
  openOpportunities: z.number().int().min(0),
  /** Open leads plus open opportunities: what routing balances. */
  load: z.number().int().min(0),
});
export type Rep = z.infer<typeof RepSchema>;

export const RepRosterSchema = z.object({
  reps: z.array(RepSchema).max(2_000),
  /** Which CRM was read (`embedded`, `salesforce`) and when, so a routing decision can be traced to the data it saw. */
  source: z.string().min(1),
  readAt: z.iso.datetime({ offset: true }),
});
export type RepRoster = z.infer<typeof RepRosterSchema>;

export const REP_ROSTER = 'crm.rep_roster';
const DESCRIPTION =
  'Reads the reps who can own leads (active CRM users with a segment and a territory who manage nobody) and counts each one\'s open leads and open opportunities; the lead being routed is not counted. Passes its input on with `roster` added.';

/**
 * The roster read as a workflow declares it: the step's own input passes through with `roster`
 * added, so the agent after it receives both. `carried` is what arrives, for the workflow's
 * hand-off check.
 */
export function repRosterFor<Carried extends z.ZodObject>(carried: Carried) {
  return defineEffect({ name: REP_ROSTER, description: DESCRIPTION, input: carried, output: carried.extend({ roster: RepRosterSchema }) });
}

/** The roster read as the composition root binds it: any context passes through; a lead's own id is left out of the counts. */
export const repRoster = repRosterFor(z.looseObject({ lead: z.looseObject({ id: z.string().min(1) }).optional() }));
