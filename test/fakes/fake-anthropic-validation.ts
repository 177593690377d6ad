/**
 * The checks the real Messages API makes that Baton's requests could fail, so a mistake in the
 * transport shows up here as the same 400 `invalid_request_error` it would get in production.
 */

type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first problem with a Messages request body, worded like the API's own messages; undefined when valid. */
export function findRequestProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'request body: must be a JSON object';
  return findMissingField(body) ?? findToolChoiceProblem(body) ?? findMessagesProblem(body['messages'] as unknown[]);
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

function findToolChoiceProblem(body: JsonObject): string | undefined {
  const choice = body['tool_choice'];
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
