import type { ModelConfig } from '../config.js';
import { toJsonSchema } from '../contracts/to-json-schema.js';
import { BatonError, formatZodIssues } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { addUsage, costOf, ZERO_USAGE } from './model-cost.js';
import type {
  ModelClient,
  ModelTransport,
  ModelUsage,
  StructuredRequest,
  StructuredResult,
  TranscriptMessage,
  TransportResponse,
} from './model-types.js';
import { uniqueByUrl } from './paused-turn.js';
import type { WebSearchResult } from './web-search-options.js';

export interface ModelClientOptions {
  readonly config: ModelConfig;
  readonly transport: ModelTransport;
  readonly logger: Logger;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

/**
 * Structured output on top of a transport: the answer is validated by the agent's schema and
 * checks; an invalid answer gets exactly one repair call that quotes the errors back, then a
 * `model_output_invalid` error carries both attempts' problems to a human.
 */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const { config, transport, logger } = options;

  async function generate<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    const model = config.tiers[request.tier];
    const inputSchema = toJsonSchema(request.schema, 'input');
    const transcript: TranscriptMessage[] = [{ role: 'user', text: request.user }];
    const started = performance.now();
    let usage: ModelUsage = ZERO_USAGE;
    let answeredBy = model;
    const problemsByCall: string[][] = [];
    let searchResults: WebSearchResult[] = [];

    for (let call = 1; call <= 2; call += 1) {
      const response = await transport.send({
        agent: request.agent,
        model,
        system: request.system,
        transcript,
        tool: { name: request.toolName, description: request.toolDescription, inputSchema },
        maxOutputTokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        // The configured deadline caps every call; an agent's or a step's own limit can only be shorter.
        timeoutMs: Math.min(request.timeoutMs ?? config.timeoutMs, config.timeoutMs),
        simulate: request.simulate,
        // Only the first call may search: the repair turn forces the output tool, which rules searching out.
        ...(call === 1 && request.webSearch !== undefined ? { webSearch: request.webSearch } : {}),
      });
      usage = addUsage(usage, response.usage);
      answeredBy = response.model;
      searchResults = uniqueByUrl([...searchResults, ...(response.searchResults ?? [])]);
      logSearches(logger, request.agent, response);
      const verdict = judge(request, response);
      if (verdict.ok) {
        const costUsd = costOf(usage, config.prices[answeredBy] ?? config.prices[model]);
        if (config.prices[answeredBy] === undefined && config.prices[model] === undefined && transport.mode !== 'offline') {
          logger.warn({ model: answeredBy }, 'no price configured for model; its tokens are recorded at no cost (set BATON_MODEL_PRICES)');
        }
        return {
          value: verdict.value,
          model: answeredBy,
          simulated: transport.mode === 'offline',
          usage,
          costUsd,
          latencyMs: Math.round(performance.now() - started),
          calls: call,
          ...(searchResults.length === 0 ? {} : { searchResults }),
        };
      }
      problemsByCall.push(verdict.problems);
      logger.warn({ agent: request.agent, call, problems: verdict.problems }, 'model output invalid');
      transcript.push(
        {
          role: 'assistant_tool_use',
          toolUseId: response.toolUseId,
          input: response.toolInput ?? {},
          ...(response.text === undefined ? {} : { text: response.text }),
        },
        { role: 'tool_error', toolUseId: response.toolUseId, text: repairInstruction(verdict.problems) },
      );
    }

    throw new BatonError(
      'model_output_invalid',
      `Agent ${request.agent}: the model's answer was invalid twice; escalate to a human. Last problems: ${(problemsByCall.at(-1) ?? []).join('; ')}`,
      { details: { agent: request.agent, model: answeredBy, problemsByCall, usage, costUsd: costOf(usage, config.prices[answeredBy]) } },
    );
  }

  return { mode: transport.mode, generate };
}

/** The pages a call's searches found, at debug: the logger's mixin stamps the trace id, so a run's sources can be audited. */
function logSearches(logger: Logger, agent: string, response: TransportResponse): void {
  const requests = response.usage.webSearchRequests ?? 0;
  if (requests === 0 && response.searchResults === undefined && response.searchErrors === undefined) return;
  const urls = (response.searchResults ?? []).map((result) => result.url);
  logger.debug({ agent, webSearchRequests: requests, urls, searchErrors: response.searchErrors ?? [] }, 'web search results');
}

type Verdict<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function judge<T>(request: StructuredRequest<T>, response: TransportResponse): Verdict<T> {
  if (response.incompleteReason !== undefined) return { ok: false, problems: [response.incompleteReason] };
  if (response.toolInput === undefined) {
    return { ok: false, problems: [`answer with a call to the ${request.toolName} tool; no tool call was made`] };
  }
  const parsed = request.schema.safeParse(response.toolInput);
  if (!parsed.success) return { ok: false, problems: formatZodIssues(parsed.error.issues, 'output').split('; ') };
  const failures = request.validate?.(parsed.data) ?? [];
  return failures.length === 0 ? { ok: true, value: parsed.data } : { ok: false, problems: [...failures] };
}

function repairInstruction(problems: readonly string[]): string {
  return [
    'Your previous answer was rejected. Fix exactly these problems and call the tool again with the complete corrected answer:',
    ...problems.map((problem) => `- ${problem}`),
  ].join('\n');
}
