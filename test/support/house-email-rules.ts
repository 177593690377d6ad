import { loadEmailRules, type EmailRules } from '../../agents/email-qa/email-rules.js';
import { loadConfig } from '../../src/config.js';

/** The rule lists shipped in prompts/rules/, as the built-in agents load them. */
export function loadHouseEmailRules(): Promise<EmailRules> {
  return loadEmailRules(loadConfig({ BATON_MODEL: 'offline' }).promptsDir);
}
