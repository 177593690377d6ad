import type { z } from 'zod';
import type { ModelTier } from '../../src/config.js';
import type { WebSearchOptions } from '../../src/model/web-search-options.js';

/** An objective, binary rule on an agent's answer; each failure is a specific message the model can act on. */
export interface AgentCheck<Input, Answer> {
  readonly name: string;
  readonly description: string;
  readonly run: (answer: Answer, input: Input) => readonly string[];
}

export interface AgentDefinitionOptions<Input, Output, Answer = Output> {
  /** kebab-case, unique: `reply-classifier`. */
  readonly name: string;
  /** Bumped when the prompt or schemas change meaning; stored with every run. Defaults to "1". */
  readonly version?: string;
  /** What the agent does, written for a person choosing it (and later for an LLM caller). */
  readonly description: string;
  readonly input: z.ZodType<Input>;
  readonly output: z.ZodType<Output>;
  /**
   * What the model itself answers, when that is narrower than the output (an agent whose
   * deterministic rules fill the rest in `finalize`). Defaults to the output schema.
   */
  readonly answer?: z.ZodType<Answer>;
  readonly finalize?: (answer: Answer, input: Input) => Output;
  readonly tier: ModelTier;
  /** A file under prompts/, e.g. `reply-classifier.md`: the agent's stable system prompt. */
  readonly prompt: string;
  readonly timeoutMs: number;
  readonly checks: readonly AgentCheck<Input, Answer>[];
  /** Top-level context fields the agent receives; everything else in the context is withheld. */
  readonly reads: readonly string[];
  /** Offline mode's deterministic stand-in for the model: a plausible answer derived from the input. */
  readonly simulate: (input: Input) => Answer;
  readonly maxOutputTokens?: number;
  /**
   * Lets a real model run up to `maxUses` server-side web searches (optionally only on
   * `allowedDomains`) before answering; each costs $0.01 on top of tokens. Offline mode ignores it.
   */
  readonly webSearch?: WebSearchOptions;
}

export interface AgentDefinition<Input = unknown, Output = unknown, Answer = unknown>
  extends Required<Omit<AgentDefinitionOptions<Input, Output, Answer>, 'maxOutputTokens' | 'webSearch'>> {
  readonly maxOutputTokens: number | undefined;
  readonly webSearch: WebSearchOptions | undefined;
}

/** Any agent, whatever its types: what registries, listings and runners hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds agents of unrelated types; each keeps its own inside
export type AnyAgent = AgentDefinition<any, any, any>;
