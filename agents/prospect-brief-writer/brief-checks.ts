import type { ProspectBrief, ProspectBriefInput } from './brief-schemas.js';

const PLACEHOLDERS = [/\{\{[^}]*\}\}/, /\[(name|company|rep|first name|insert[^\]]*)\]/i, /\bTBD\b/, /\blorem ipsum\b/i, /\bXX+\b/];

/** The rep must see at once which company this is. */
export function companyProblems(answer: ProspectBrief, input: ProspectBriefInput): string[] {
  const company = input.lead.company.toLowerCase();
  return `${answer.headline} ${answer.summary}`.toLowerCase().includes(company) ? [] : [`neither headline nor summary names the company "${input.lead.company}": name it`];
}

export function repeatedPointProblems(answer: ProspectBrief): string[] {
  const seen = new Set<string>();
  return answer.talkingPoints.flatMap((point, index) => {
    const key = point.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [`talking point ${index + 1} repeats an earlier one: make each point different`];
  });
}

/** A brief goes to a rep as written: a template slot would reach them as literal text. */
export function placeholderProblems(answer: ProspectBrief): string[] {
  const parts = [['headline', answer.headline], ['summary', answer.summary], ...answer.talkingPoints.map((point, index) => [`talking point ${index + 1}`, point]), ['nextStep', answer.nextStep]] as const;
  return parts.flatMap(([label, text]) => {
    const match = PLACEHOLDERS.map((pattern) => pattern.exec(text)?.[0]).find((found) => found !== undefined);
    return match === undefined ? [] : [`${label} contains the placeholder "${match}": write the actual words`];
  });
}
