import { readFile } from 'node:fs/promises';
import { BatonError } from '../errors/index.js';

/** A JSON input file, or one error that says which file and what is wrong with it. */
export async function readInputFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'could not be read';
    throw new BatonError('input_invalid', `Input file ${file} ${reason}.`, { cause: error, details: { file } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BatonError('input_invalid', `Input file ${file} is not valid JSON: ${(error as Error).message}.`, { cause: error, details: { file } });
  }
}
