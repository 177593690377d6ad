import { z } from 'zod';
import { defineAgent } from '../runtime/define-agent.js';
import { InboundReplySchema, ReplyClassificationSchema } from '../reply-classifier/reply-schemas.js';

export const ClassificationJudgeInputSchema = z.object({
  reply: InboundReplySchema,
  candidates: z.array(ReplyClassificationSchema).min(2, 'a vote needs at least two classifications').max(7),
});

export const ClassificationVerdictSchema = z.object({
  /** 0-based index of the classification that best fits the reply. */
  choice: z.number().int().min(0),
  reason: z.string().trim().min(1).max(300),
  confidence: z.number().min(0).max(1),
});
export type ClassificationVerdict = z.infer<typeof ClassificationVerdictSchema>;

/** Offline: the majority category wins, ties go to the more confident candidate. */
function simulateVerdict(input: z.infer<typeof ClassificationJudgeInputSchema>): ClassificationVerdict {
  const votes = new Map<string, number>();
  for (const candidate of input.candidates) votes.set(candidate.category, (votes.get(candidate.category) ?? 0) + 1);
  const ranked = input.candidates.map((candidate, index) => ({ index, votes: votes.get(candidate.category) ?? 0, confidence: candidate.confidence }));
  ranked.sort((left, right) => right.votes - left.votes || right.confidence - left.confidence);
  const best = ranked[0] ?? { index: 0, votes: 1 };
  return { choice: best.index, reason: `[simulated] ${best.votes} of ${input.candidates.length} classifications agree`, confidence: best.votes / input.candidates.length };
}

/** The judge of a classification vote: picks the candidate that best fits the reply; it never classifies afresh. */
export const classificationJudge = defineAgent({
  name: 'classification-judge',
  description: 'Given a reply and several classifications of it, picks the one that best fits the reply, with a reason and a confidence.',
  input: ClassificationJudgeInputSchema,
  output: ClassificationVerdictSchema,
  tier: 'balanced',
  prompt: 'classification-judge.md',
  timeoutMs: 20_000,
  maxOutputTokens: 512,
  reads: ['reply', 'candidates'],
  checks: [
    {
      name: 'choice-in-range',
      description: 'The choice names one of the candidates.',
      run: (verdict, input) => (verdict.choice < input.candidates.length ? [] : [`choice ${verdict.choice} is out of range: there are ${input.candidates.length} candidates, numbered from 0`]),
    },
  ],
  simulate: simulateVerdict,
});
