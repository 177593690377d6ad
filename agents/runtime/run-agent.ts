import { BatonError, formatZodIssues, toBatonError } from '../../src/errors/index.js';
import type { Logger } from '../../src/logging/index.js';
import type { ModelClient, ModelUsage } from '../../src/model/model-types.js';
import type { AgentDefinition } from './agent-definition.js';
import type { AgentFailure, AgentResult } from './agent-result.js';
import type { PromptLibrary } from './prompt-library.js';
import { renderAgentInput } from './render-agent-input.js';

export interface AgentRunnerOptions {
  readonly model: ModelClient;
  readonly prompts: PromptLibrary;
  readonly logger: Logger;
}

export interface AgentRunner {
  /** True in offline mode: every answer comes from the agents' simulators. */
  readonly simulated: boolean;
  /** Validates the context against the agent's input, asks the model, validates, checks and finalizes the answer. */
  run<Input, Output, Answer>(
    agent: AgentDefinition<Input, Output, Answer>,
    context: unknown,
    options?: { signal?: AbortSignal },
  ): Promise<AgentResult<Output>>;
  /** Only the input validation step: what the agent would receive from `context`, or an input_invalid error. */
  prepareInput<Input>(agent: Pick<AgentDefinition<Input>, 'name' | 'input' | 'reads'>, context: unknown): Input;
}

export function createAgentRunner(options: AgentRunnerOptions): AgentRunner {
  const { model, prompts, logger } = options;

  function prepareInput<Input>(agent: Pick<AgentDefinition<Input>, 'name' | 'input' | 'reads'>, context: unknown): Input {
    const visible = pickReads(context, agent.reads);
    const parsed = agent.input.safeParse(visible);
    if (!parsed.success) {
      throw new BatonError('input_invalid', `Agent ${agent.name} input is invalid: ${formatZodIssues(parsed.error.issues)}`, {
        details: { agent: agent.name, issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) },
      });
    }
    return parsed.data;
  }

  async function run<Input, Output, Answer>(
    agent: AgentDefinition<Input, Output, Answer>,
    context: unknown,
    runOptions: { signal?: AbortSignal } = {},
  ): Promise<AgentResult<Output>> {
    const started = performance.now();
    try {
      const input = prepareInput(agent, context);
      const system = await prompts.read(agent.prompt);
      const signal = combineSignals(runOptions.signal, AbortSignal.timeout(agent.timeoutMs));
      const answer = await model.generate({
        agent: agent.name,
        tier: agent.tier,
        system,
        user: renderAgentInput(input),
        schema: agent.answer,
        toolName: `submit_${agent.name.replaceAll('-', '_')}`,
        toolDescription: `Submit the ${agent.name} answer. Call this exactly once with the complete answer.`,
        ...(agent.maxOutputTokens === undefined ? {} : { maxOutputTokens: agent.maxOutputTokens }),
        ...(agent.webSearch === undefined ? {} : { webSearch: agent.webSearch }),
        signal,
        timeoutMs: agent.timeoutMs,
        validate: (value) => agent.checks.flatMap((check) => check.run(value, input)),
        simulate: () => agent.simulate(input),
      });
      const output = agent.finalize(answer.value, input);
      const confidence = readConfidence(output);
      logger.info({ agent: agent.name, model: answer.model, confidence, costUsd: answer.costUsd, latencyMs: answer.latencyMs }, 'agent answered');
      return { ok: true, agent: agent.name, output, confidence, model: answer.model, simulated: answer.simulated, usage: answer.usage, costUsd: answer.costUsd, latencyMs: Math.round(performance.now() - started), calls: answer.calls };
    } catch (thrown) {
      const error = toBatonError(thrown);
      logger.warn({ agent: agent.name, code: error.code, error: error.message }, 'agent failed');
      return { ok: false, agent: agent.name, error, simulated: model.mode === 'offline', latencyMs: Math.round(performance.now() - started), spent: spentBy(error) };
    }
  }

  return { simulated: model.mode === 'offline', run, prepareInput };
}

/** The model client puts what an invalid answer cost in the error's details; carry it to the step row. */
function spentBy(error: BatonError): AgentFailure['spent'] {
  const { model, usage, costUsd } = error.details;
  if (typeof model !== 'string' || typeof costUsd !== 'number' || usage === null || typeof usage !== 'object') return undefined;
  return { model, usage: usage as ModelUsage, costUsd };
}

function pickReads(context: unknown, reads: readonly string[]): Record<string, unknown> {
  if (context === null || typeof context !== 'object' || Array.isArray(context)) return {};
  const source = context as Record<string, unknown>;
  return Object.fromEntries(reads.filter((field) => Object.hasOwn(source, field)).map((field) => [field, source[field]]));
}

function readConfidence(output: unknown): number | undefined {
  if (output === null || typeof output !== 'object') return undefined;
  const value = (output as Record<string, unknown>)['confidence'];
  return typeof value === 'number' ? value : undefined;
}

function combineSignals(caller: AbortSignal | undefined, timeout: AbortSignal): AbortSignal {
  return caller === undefined ? timeout : AbortSignal.any([caller, timeout]);
}
