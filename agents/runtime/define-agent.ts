import { z } from 'zod';
import { BatonError } from '../../src/errors/index.js';
import type { AgentDefinition, AgentDefinitionOptions } from './agent-definition.js';

const AGENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares an agent and checks the declaration at once, so a broken agent fails at start-up
 * rather than on its first run: the name, the prompt file name, and that every field it
 * `reads` exists in its input schema.
 */
export function defineAgent<Input, Output, Answer = Output>(
  options: AgentDefinitionOptions<Input, Output, Answer>,
): AgentDefinition<Input, Output, Answer> {
  const problems = [...nameProblems(options), ...readsProblems(options)];
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
