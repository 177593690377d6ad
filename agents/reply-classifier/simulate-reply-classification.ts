import type { ReplyCategory, ReplyClassification, ReplyClassifierInput } from './reply-schemas.js';

/** Phrases that point at each category, strongest first; offline mode's stand-in for judgement. */
const CUES: Readonly<Record<ReplyCategory, readonly string[]>> = {
  out_of_office: ['out of office', 'out of the office', 'on leave', 'on vacation', 'annual leave', 'parental leave', 'limited access to email', 'return on', 'back on', 'returning on', 'automatic reply', 'auto-reply'],
  not_interested: ['remove me', 'unsubscribe', 'stop emailing', 'not interested', 'do not contact', "don't contact", 'take me off', 'no thanks', 'opt out'],
  spam: ['crypto', 'lottery', 'wire transfer', 'seo services', 'click here', 'guaranteed ranking', 'viagra', 'winner'],
  positive: ["let's talk", 'lets talk', 'interested', 'book a time', 'set up a call', 'sounds good', 'happy to chat', 'send me a calendar', 'grab time', 'next week works', 'love to learn more'],
  objection: ['already have', 'already use', 'no budget', 'not a priority', 'too expensive', 'locked into', 'under contract', 'bad timing', 'we built our own', 'not the right time'],
  question: ['how does', 'how much', 'pricing', 'what is', 'does it', 'can you', 'do you support', 'integrate with', '?'],
};

/** Checked in this order so that "not interested" is never read as "interested". */
const ORDER: readonly ReplyCategory[] = ['out_of_office', 'not_interested', 'spam', 'objection', 'positive', 'question'];

export function simulateReplyClassification(input: ReplyClassifierInput): ReplyClassification {
  const text = `${input.reply.subject ?? ''} ${input.reply.text}`.toLowerCase();
  const hits = ORDER.map((category) => ({ category, cues: CUES[category].filter((cue) => text.includes(cue)) })).filter(
    (hit) => hit.cues.length > 0,
  );
  const best = hits[0];
  if (best === undefined) {
    return { category: 'question', confidence: 0.35, reason: '[simulated] no known cue matched; a human should classify this reply' };
  }
  const rivals = hits.length - 1;
  const confidence = Math.min(0.95, 0.7 + 0.1 * best.cues.length) - 0.15 * rivals;
  return {
    category: best.category,
    confidence: Math.round(Math.max(0.3, confidence) * 100) / 100,
    reason: `[simulated] matched ${best.cues.map((cue) => `"${cue}"`).join(', ')}${rivals > 0 ? `; also cues of ${hits.slice(1).map((hit) => hit.category).join(', ')}` : ''}`,
  };
}
