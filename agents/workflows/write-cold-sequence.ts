import { z } from 'zod';
import type { ChangeProposal } from '../../src/contracts/crm-write.js';
import { crmRecord, defineWorkflow, gate, loop, pipeline, step, transform } from '../../src/engine/workflow/define-workflow.js';
import { AccountBriefSchema } from '../contracts/account-brief.js';
import { EmailSequenceSchema } from '../contracts/email-sequence.js';
import { SEQUENCE_STATUS_FIELD, SEQUENCE_SUBJECTS_FIELD } from '../contracts/sequence-fields.js';
import { ContactSchema, PersonalisationSchema, PersonaliserInputSchema } from '../personaliser/personaliser-schemas.js';
import type { AgentCatalog } from '../agent-catalog.js';

const Contacts = z.array(ContactSchema).min(1, 'give at least one contact to write to').max(20, 'write to at most 20 contacts per run');

export const WriteColdSequenceInputSchema = z.object({ brief: AccountBriefSchema, contacts: Contacts });

/** The approved, personalised sequence: what is recorded against each contact's CRM record. */
const ApprovedSequenceSchema = PersonalisationSchema.extend({ contacts: Contacts });
type ApprovedSequence = z.infer<typeof ApprovedSequenceSchema>;

/** One change per contact with a CRM record: the sequence is active, and which emails it sends. */
export function sequenceChanges(approved: ApprovedSequence): ChangeProposal[] {
  const subjects = approved.sequence.emails.map((email) => email.subject).join(' | ');
  return approved.contacts.flatMap((contact) =>
    contact.record === undefined
      ? []
      : [{ record: contact.record, changes: [{ field: SEQUENCE_STATUS_FIELD, newValue: 'active' }, { field: SEQUENCE_SUBJECTS_FIELD, newValue: subjects }], confidence: 1 }],
  );
}

/** Seed 000's pipeline + loop + gate: write, check against the house rules (at most three rounds), personalise, a human approves, the CRM records it. */
export function writeColdSequenceWorkflow(agents: AgentCatalog) {
  return defineWorkflow({
    name: 'write_cold_sequence',
    version: '2',
    description:
      'Writes a 3-email cold sequence from an account brief (from research_account) for 1 to 20 contacts: checks it against the house rules (word limit, banned phrases, subject lines, signal presence, no pitch, one ask) and rewrites only the failing emails, at most three rounds (then a human sees every finding); personalises it with per-contact tokens; then waits for a human to approve, edit or reject it. On approval the sequence is recorded on each contact that has a CRM record (status and subjects, through CRM governance). Returns the approved sequence, per-contact tokens and the CRM writes. Customer-facing: always needs approval; nothing is sent.',
    input: WriteColdSequenceInputSchema,
    root: pipeline(
      'sequence',
      [
        loop('qa', { producer: agents.get('email-writer'), critic: agents.get('email-qa'), maxIterations: 3, escalationAction: 'review_escalation' }),
        transform('hand-over', {
          input: EmailSequenceSchema.extend({ contacts: Contacts }),
          output: PersonaliserInputSchema,
          map: ({ contacts, ...sequence }) => ({ sequence, contacts }),
        }),
        step(agents.get('personaliser')),
        gate('approve', 'send_sequence'),
        crmRecord('record', { actor: 'email-writer', input: ApprovedSequenceSchema, propose: sequenceChanges }),
      ],
      { carry: ['contacts'] },
    ),
  });
}
