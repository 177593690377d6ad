/**
 * The checks the real Messages API makes that Baton's requests could fail, so a mistake in the
 * transport shows up here as the same 400 `invalid_request_error` it would get in production.
 */

type JsonObject = Record<string, unknown>;

/** The web search tool versions the fake knows, as the real API names them. */
export const WEB_SEARCH_TOOL_TYPES = ['web_search_20250305', 'web_search_20260209', 'web_search_20260318'] as const;
const TOOL_CHOICE_TYPES = ['auto', 'any', 'tool', 'none'];

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first problem with a Messages request body, worded like the API's own messages; undefined
 * when valid. `webSearchToolTypes` are the web search versions this API accepts.
 */
export function findRequestProblem(body: unknown, webSearchToolTypes: readonly string[] = WEB_SEARCH_TOOL_TYPES): string | undefined {
  if (!isJsonObject(body)) return 'request body: must be a JSON object';
  return (
    findMissingField(body) ??
    findToolsProblem(body, webSearchToolTypes) ??
    findToolChoiceProblem(body) ??
    findMessagesProblem(body['messages'] as unknown[])
  );
}

function findMissingField(body: JsonObject): string | undefined {
  if (typeof body['model'] !== 'string' || body['model'] === '') return 'model: Field required';
  const maxTokens = body['max_tokens'];
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    return 'max_tokens: Field required (a positive integer)';
  }
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: Field required (at least one message)';
  return undefined;
}

/** Client tools (no `type`, or `custom`) and web search tools; any other tool type is refused, as an unknown version is. */
function findToolsProblem(body: JsonObject, webSearchToolTypes: readonly string[]): string | undefined {
  const tools = Array.isArray(body['tools']) ? body['tools'] : [];
  for (const [index, tool] of tools.entries()) {
    if (!isJsonObject(tool)) return `tools.${index}: Input should be a valid dictionary`;
    const type = tool['type'];
    if (type === undefined || type === 'custom') continue;
    if (!(webSearchToolTypes as readonly unknown[]).includes(type)) {
      const expected = ['custom', ...webSearchToolTypes].map((tag) => `'${tag}'`).join(', ');
      return `tools.${index}: Input tag '${typeof type === 'string' ? type : JSON.stringify(type)}' found using 'type' does not match any of the expected tags: ${expected}`;
    }
    const problem = findWebSearchToolProblem(tool);
    if (problem !== undefined) return `tools.${index}.${problem}`;
  }
  return undefined;
}

function findWebSearchToolProblem(tool: JsonObject): string | undefined {
  if (tool['name'] !== 'web_search') return "name: Input should be 'web_search'";
  const maxUses = tool['max_uses'];
  if (maxUses !== undefined && maxUses !== null && (typeof maxUses !== 'number' || !Number.isInteger(maxUses) || maxUses < 1)) {
    return 'max_uses: Input should be greater than 0';
  }
  for (const field of ['allowed_domains', 'blocked_domains']) {
    const domains = tool[field];
    if (domains === undefined || domains === null) continue;
    if (!Array.isArray(domains) || domains.some((domain) => typeof domain !== 'string' || /^[a-z]+:\/\//i.test(domain))) {
      return `${field}: each entry must be a domain without a scheme`;
    }
  }
  if (tool['allowed_domains'] != null && tool['blocked_domains'] != null) return 'allowed_domains: cannot be used together with blocked_domains';
  return undefined;
}

function findToolChoiceProblem(body: JsonObject): string | undefined {
  const choice = body['tool_choice'];
  if (isJsonObject(choice) && !TOOL_CHOICE_TYPES.includes(String(choice['type']))) {
    return `tool_choice.type: Input tag '${String(choice['type'])}' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`;
  }
  if (!isJsonObject(choice) || choice['type'] !== 'tool') return undefined;
  const tools = Array.isArray(body['tools']) ? body['tools'].filter(isJsonObject) : [];
  const name = String(choice['name']);
  if (tools.some((tool) => tool['name'] === name)) return undefined;
  return `tool_choice.name: Tool '${name}' not found in the provided tools`;
}

/** Roles alternate from "user", and every tool_result answers a tool_use of the message before it. */
function findMessagesProblem(messages: readonly unknown[]): string | undefined {
  let openToolUseIds: string[] = [];
  for (const [index, message] of messages.entries()) {
    if (!isJsonObject(message) || (message['role'] !== 'user' && message['role'] !== 'assistant')) {
      return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    }
    if (index === 0 && message['role'] !== 'user') return 'messages.0.role: the first message must use the "user" role';
    const blocks = Array.isArray(message['content']) ? message['content'].filter(isJsonObject) : [];
    const orphan = blocks.find((block) => block['type'] === 'tool_result' && !openToolUseIds.includes(String(block['tool_use_id'])));
    if (orphan !== undefined) {
      return `messages.${index}: unexpected tool_use_id found in tool_result blocks: ${String(orphan['tool_use_id'])}. Each tool_result block must have a corresponding tool_use block in the previous message.`;
    }
    openToolUseIds = message['role'] === 'assistant' ? blocks.filter((block) => block['type'] === 'tool_use').map((block) => String(block['id'])) : [];
  }
  return undefined;
}
