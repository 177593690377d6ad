import type { InfoAgentInput, InfoAnswer } from './info-schemas.js';
import { matchKnowledge, questionsIn } from './match-knowledge.js';

const FOLLOW_UP = 'I will check on this and come back to you.';

/**
 * Offline mode's info agent: each question the reply asks, answered word for word from the
 * knowledge entry whose topic it mentions, or left for a human in `unanswered`.
 */
export function simulateInfoAnswer(input: InfoAgentInput): InfoAnswer {
  const { reply, knowledge } = input;
  const matched = questionsIn(reply.text).map((question) => ({ question, entry: matchKnowledge(question, knowledge) }));
  const answers = matched.map(({ question, entry }) =>
    entry === undefined ? { question, answer: FOLLOW_UP, fromTopic: null } : { question, answer: entry.answer, fromTopic: entry.topic },
  );
  const unanswered = matched.filter(({ entry }) => entry === undefined).map(({ question }) => question);
  const answered = answers.filter((item) => item.fromTopic !== null);
  const subject = reply.subject === undefined ? 'Re: your questions' : `Re: ${reply.subject.replace(/^re:\s*/i, '')}`;
  const body = [
    'Thanks for the questions.',
    ...answered.map((item) => `On ${item.fromTopic}: ${item.answer}`),
    ...(unanswered.length > 0 ? [`On ${unanswered.length === 1 ? 'your other question' : 'your other questions'}, ${FOLLOW_UP.charAt(0).toLowerCase()}${FOLLOW_UP.slice(1)}`] : []),
    'Would it help to go through the rest on a short call?',
  ].join('\n\n');
  return {
    answers,
    replyDraft: { subject: `[simulated] ${subject}`, body },
    unanswered,
    confidence: answered.length === 0 ? 0.4 : unanswered.length > 0 ? 0.6 : 0.8,
  };
}
