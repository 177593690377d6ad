import { passContact } from '../contracts/contact-ref.js';
import { defineAgent } from '../runtime/define-agent.js';
import { scheduleFollowUp } from './follow-up-date.js';
import { OutOfOfficeInputSchema, OutOfOfficeReadingSchema, OutOfOfficeScheduleSchema } from './out-of-office-schemas.js';
import { alternateContactProblems, plausibleDateProblems, quotedDateProblems } from './reading-checks.js';
import { simulateOutOfOffice } from './simulate-out-of-office.js';

/**
 * The specialist for away notices. The model only reads (the return date, quoted, and an
 * alternate contact); the follow-up time is date arithmetic in `finalize`, because a model's
 * guess at "one business day later" is exactly the kind of answer that is wrong now and then.
 */
export const outOfOfficeParser = defineAgent({
  name: 'out-of-office-parser',
  description:
    'Reads an out-of-office notice: the return date (quoted from the notice) and any alternate contact; code schedules the follow-up one business day after the return at 09:00 UTC, or a week later when no date is given.',
  input: OutOfOfficeInputSchema,
  answer: OutOfOfficeReadingSchema,
  output: OutOfOfficeScheduleSchema,
  finalize: (reading, input) => passContact(scheduleFollowUp(reading, input), input),
  tier: 'fast',
  prompt: 'out-of-office-parser.md',
  timeoutMs: 20_000,
  maxOutputTokens: 512,
  reads: ['reply', 'receivedAt', 'contact'],
  checks: [
    { name: 'return-date-quoted', description: 'A return date comes with the words of the notice that give it.', run: quotedDateProblems },
    { name: 'return-date-plausible', description: 'The return date is on or after the day the notice arrived, and within a year.', run: plausibleDateProblems },
    { name: 'alternate-contact-from-reply', description: 'The alternate contact is an address the notice names, not its sender.', run: alternateContactProblems },
  ],
  simulate: simulateOutOfOffice,
});
