import type { EmailJudgement, EmailQaInput } from './email-qa-schemas.js';

const PITCH_CUES = /\b(our (platform|product|tool|solution|software)|we (offer|provide|sell)|features? (like|such as|include)|free trial|request a demo)\b/i;

/** Offline stand-in for the model's reading: pitch cues and question marks, clearly labelled. */
export function simulateEmailJudgement(input: EmailQaInput): EmailJudgement {
  return {
    emails: input.emails.map((draft, index) => {
      const pitch = PITCH_CUES.exec(draft.body);
      const askCount = (draft.body.match(/\?/g) ?? []).length;
      return {
        email: index + 1,
        pitchesProduct: pitch !== null,
        askCount,
        evidence: `[simulated] ${pitch === null ? 'no pitch cue' : `pitch cue "${pitch[0]}"`}; ${askCount} question mark${askCount === 1 ? '' : 's'}`,
      };
    }),
    confidence: 0.6,
  };
}
