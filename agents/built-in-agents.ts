import { createEmailQaAgent } from './email-qa/email-qa.js';
import { loadEmailRules } from './email-qa/email-rules.js';
import { replyClassifier } from './reply-classifier/reply-classifier.js';
import type { AnyAgent } from './runtime/agent-definition.js';

/** Every agent Baton ships, with the rule files they need read from the prompts folder. */
export async function loadBuiltInAgents(promptsFolder: string): Promise<AnyAgent[]> {
  const emailRules = await loadEmailRules(promptsFolder);
  return [replyClassifier, createEmailQaAgent(emailRules)];
}
