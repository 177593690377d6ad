import { z } from 'zod';
import type { WebSearchResult } from './web-search-options.js';

// Only the fields Baton reads from the blocks a web search leaves in a response.
const SearchResultSchema = z.looseObject({
  type: z.literal('web_search_result'),
  url: z.string(),
  title: z.string().nullish(),
  page_age: z.string().nullish(),
});

const SearchToolResultSchema = z.looseObject({
  type: z.literal('web_search_tool_result'),
  content: z.union([z.array(z.looseObject({ type: z.string() })), z.looseObject({ error_code: z.string() })]),
});

const CitationSchema = z.looseObject({ type: z.string(), url: z.string().optional(), title: z.string().nullish() });

const TextSchema = z.looseObject({ type: z.literal('text'), text: z.string(), citations: z.array(CitationSchema).nullish() });

export interface ServerToolReading {
  /** Every page returned or cited, first seen first, each URL once. */
  readonly searchResults: readonly WebSearchResult[];
  /** The error code of each search that failed. */
  readonly searchErrors: readonly string[];
  /** The model's prose, its text blocks joined; '' when it wrote none. */
  readonly text: string;
}

/**
 * What a response's `web_search_tool_result` and `text` blocks say: the pages found, the failed
 * searches and the prose. Blocks of other types (the `server_tool_use` calls themselves, the
 * output tool call) are read elsewhere or carry nothing Baton keeps.
 */
export function readServerToolBlocks(content: readonly unknown[]): ServerToolReading {
  const results = new Map<string, WebSearchResult>();
  const searchErrors: string[] = [];
  const texts: string[] = [];
  const remember = (url: string, title: string | null | undefined, pageAge: string | null | undefined) => {
    if (!results.has(url)) results.set(url, { url, title: title ?? url, pageAge: pageAge ?? undefined });
  };
  for (const block of content) {
    const searched = SearchToolResultSchema.safeParse(block);
    if (searched.success) {
      const found = searched.data.content;
      if (Array.isArray(found)) {
        for (const item of found) {
          const result = SearchResultSchema.safeParse(item);
          if (result.success) remember(result.data.url, result.data.title, result.data.page_age);
        }
      } else {
        searchErrors.push(found.error_code);
      }
      continue;
    }
    const text = TextSchema.safeParse(block);
    if (!text.success) continue;
    texts.push(text.data.text);
    for (const citation of text.data.citations ?? []) {
      if (citation.url !== undefined) remember(citation.url, citation.title, undefined);
    }
  }
  return { searchResults: [...results.values()], searchErrors, text: texts.join('').trim() };
}
