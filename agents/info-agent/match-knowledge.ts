import type { KnowledgeEntry } from './info-schemas.js';

const STOPWORDS = new Set(['the', 'and', 'for', 'our', 'your', 'you', 'with', 'how', 'what', 'does', 'can', 'are', 'this', 'that', 'about', 'any']);

/** The questions a reply asks: its sentences ending in "?", or the whole reply when none does. */
export function questionsIn(text: string): string[] {
  const sentences = text.split(/(?<=[.?!])\s+|\n+/).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0);
  const questions = sentences.filter((sentence) => sentence.endsWith('?'));
  return (questions.length > 0 ? questions : [text.trim()]).slice(0, 10).map((question) => question.slice(0, 500));
}

/** The first knowledge entry whose topic shares a word stem with the question ("pricing" and "price"). */
export function matchKnowledge(question: string, knowledge: readonly KnowledgeEntry[]): KnowledgeEntry | undefined {
  const questionStems = stemsOf(question);
  return knowledge.find((entry) => stemsOf(entry.topic).some((topicStem) => questionStems.some((stem) => sameStem(stem, topicStem))));
}

function stemsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !STOPWORDS.has(word))
    .map((word) => {
      const stem = word.replace(/(ations?|ings?|ions?|ies|es|ed|s|e)$/, '');
      return stem.length >= 3 ? stem : word;
    });
}

function sameStem(left: string, right: string): boolean {
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared += 1;
  return shared >= Math.min(5, left.length, right.length);
}
