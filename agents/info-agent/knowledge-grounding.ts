import type { InfoAgentInput, InfoAnswer } from './info-schemas.js';

/**
 * The agent never answers from outside the knowledge list: every sourced answer names a topic
 * that exists, and an answer with no topic is a follow-up promise whose question is in `unanswered`.
 */
export function groundingProblems(answer: InfoAnswer, input: InfoAgentInput): string[] {
  const topics = input.knowledge.map((entry) => entry.topic);
  const listed = topics.length === 0 ? 'the knowledge list is empty' : `topics: ${topics.map((topic) => `"${topic}"`).join(', ')}`;
  const pending = new Set(answer.unanswered.map(normalise));
  return answer.answers.flatMap((item, index) => {
    if (item.fromTopic === null) {
      return pending.has(normalise(item.question))
        ? []
        : [`answers[${index}] ("${item.question}") has no fromTopic, so no knowledge covers it: put the question in unanswered and promise a follow-up instead of answering`];
    }
    return topics.includes(item.fromTopic)
      ? []
      : [`answers[${index}].fromTopic "${item.fromTopic}" is not a topic in the knowledge list (${listed}): answer only from a listed topic, or move the question to unanswered`];
  });
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
