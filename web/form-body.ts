import type { IncomingMessage } from 'node:http';
import { BatonError } from '../src/errors/index.js';

/** Forms on these pages are small; a larger body is refused before it is buffered. */
const MAX_BODY_BYTES = 256 * 1024;

/** An `application/x-www-form-urlencoded` POST body as its fields. */
export async function readFormBody(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BatonError('input_invalid', `The form is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
