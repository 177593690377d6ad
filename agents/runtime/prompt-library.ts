import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '../../src/errors/index.js';

export interface PromptLibrary {
  /** The text of a file under the prompts folder, read once per process. */
  read(file: string): Promise<string>;
  readonly folder: string;
}

/** Prompts live in files under version control; this reads them and keeps them, unchanged, for caching. */
export function createPromptLibrary(folder: string): PromptLibrary {
  const cache = new Map<string, Promise<string>>();
  const root = path.resolve(folder);

  function load(file: string): Promise<string> {
    const full = path.resolve(root, file);
    if (!full.startsWith(root + path.sep)) {
      return Promise.reject(new BatonError('input_invalid', `Prompt "${file}" is outside the prompts folder ${root}.`));
    }
    return readFile(full, 'utf8').catch((error: unknown) => {
      cache.delete(file);
      throw new BatonError('config_invalid', `Prompt file ${full} could not be read; check BATON_PROMPTS_DIR.`, { cause: error });
    });
  }

  return {
    folder: root,
    read(file: string): Promise<string> {
      let text = cache.get(file);
      if (text === undefined) {
        text = load(file);
        cache.set(file, text);
      }
      return text;
    },
  };
}
