import { removalCuesIn } from './confirmation-rules.js';
import type { OptOutConfirmation, OptOutInput } from './opt-out-schemas.js';

const SEQUENCE_ONLY_CUES = ['not interested', 'no thanks', 'not for us', 'not relevant', 'wrong person'];

/**
 * Offline mode's confirmer: a request to stop contact removes the person from all outreach; a
 * plain "not interested" stops this sequence. When unsure, all outreach: the safer reading.
 */
export function simulateOptOutConfirmation(input: OptOutInput): OptOutConfirmation {
  const text = `${input.reply.subject ?? ''} ${input.reply.text}`.toLowerCase();
  const removal = removalCuesIn(text).length > 0;
  const sequenceOnly = !removal && SEQUENCE_ONLY_CUES.some((cue) => text.includes(cue));
  if (sequenceOnly) {
    return {
      confirmation: { subject: '[simulated] Sequence stopped', body: 'Understood, thanks for letting me know. I have stopped this sequence, so you will not get further emails about it.' },
      scope: 'this_sequence',
      confidence: 0.75,
    };
  }
  return {
    confirmation: { subject: '[simulated] Removed from our list', body: 'Understood. I have removed you from our outreach, and you will not hear from us again. Sorry for the interruption.' },
    scope: 'all_outreach',
    confidence: removal ? 0.9 : 0.6,
  };
}
