import type { IncomingMessage } from 'node:http';

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: 400 | 413; readonly message: string };

/** Bigger than any tool call's arguments should be; a larger body is refused before it is parsed. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The request's JSON body, read once: the session routing needs to see an initialize request before the transport does. */
export async function readJsonBody(request: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: `Request body over ${MAX_BODY_BYTES} bytes.` };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'Parse error: the request body is not valid JSON.' };
  }
}
