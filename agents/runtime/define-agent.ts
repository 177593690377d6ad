import { z } from 'zod';
import { BatonError } from '../../src/errors/index.js';
import { WebSearchOptionsSchema, type WebSearchOptions } from '../../src/model/web-search-options.js';
import type { AgentDefinition, AgentDefinitionOptions } from './agent-definition.js';

const AGENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares an agent and checks the declaration at once, so a broken agent fails at start-up
 * rather than on its first run: the name, the prompt file name, that every field it
 * `reads` exists in its input schema, and its web search bounds.
 */
export function defineAgent<Input, Output, Answer = Output>(
  options: AgentDefinitionOptions<Input, Output, Answer>,
): AgentDefinition<Input, Output, Answer> {
  const webSearch = options.webSearch === undefined ? undefined : WebSearchOptionsSchema.safeParse(options.webSearch);
  const problems = [...nameProblems(options), ...readsProblems(options)];
  if (webSearch?.success === false) {
    problems.push(...webSearch.error.issues.map((issue) => `webSearch${issue.path.map((key) => `.${String(key)}`).join('')}: ${issue.message}`));
  }
  if (options.answer !== undefined && options.finalize === undefined) {
    problems.push('an agent whose model answer differs from its output needs `finalize`');
  }
  if (problems.length > 0) {
    throw new BatonError('config_invalid', `Agent ${options.name}: ${problems.join('; ')}`, { details: { agent: options.name, problems } });
  }
  return Object.freeze({
    ...options,
    version: options.version ?? '1',
    answer: options.answer ?? (options.output as unknown as z.ZodType<Answer>),
    finalize: options.finalize ?? ((answer: Answer) => answer as unknown as Output),
    maxOutputTokens: options.maxOutputTokens,
    webSearch: webSearch?.data === undefined ? undefined : Object.freeze(webSearch.data) as WebSearchOptions,
  });
}

function nameProblems(options: Pick<AgentDefinitionOptions<unknown, unknown>, 'name' | 'prompt' | 'timeoutMs'>): string[] {
  const problems: string[] = [];
  if (!AGENT_NAME.test(options.name)) problems.push('name must be kebab-case, like reply-classifier');
  if (!/^[a-z0-9][a-z0-9/-]*\.(md|txt)$/.test(options.prompt)) problems.push(`prompt "${options.prompt}" must name a .md or .txt file under prompts/`);
  if (options.timeoutMs <= 0) problems.push('timeoutMs must be positive');
  return problems;
}

function readsProblems(options: Pick<AgentDefinitionOptions<unknown, unknown>, 'input' | 'reads'>): string[] {
  if (!(options.input instanceof z.ZodObject)) return ['input must be a zod object so its `reads` can be checked'];
  const fields = Object.keys(options.input.shape);
  const unknownFields = options.reads.filter((field) => !fields.includes(field));
  const unread = fields.filter((field) => !options.reads.includes(field));
  return [
    ...unknownFields.map((field) => `reads "${field}", which its input schema does not declare`),
    ...unread.map((field) => `input field "${field}" is not in reads, so the agent could never receive it`),
  ];
}
