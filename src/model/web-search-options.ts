import { z } from 'zod';

/** The most searches one agent call may make: each costs money and pulls pages into the context. */
export const MAX_WEB_SEARCH_USES = 10;

/**
 * An agent's use of Anthropic's server-side web search. The API runs the searches inside the
 * model's turn; Baton only bounds them. Domains are bare (`sec.gov`, `example.com/blog`): the API
 * refuses a scheme.
 */
export const WebSearchOptionsSchema = z.strictObject({
  maxUses: z
    .number()
    .int('maxUses must be a whole number')
    .min(1, 'maxUses must be at least 1')
    .max(MAX_WEB_SEARCH_USES, `maxUses must be at most ${MAX_WEB_SEARCH_USES}`),
  allowedDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/, 'expected a domain without a scheme, such as sec.gov or example.com/news'),
    )
    .min(1, 'allowedDomains must list at least one domain, or be left out to search everywhere')
    .optional(),
});
export type WebSearchOptions = z.infer<typeof WebSearchOptionsSchema>;

/** One page a search returned; `url` is what an agent's `sources` may cite. */
export interface WebSearchResult {
  readonly url: string;
  readonly title: string;
  /** How old the page is, as the search index reports it ("2 days ago", "March 3, 2026"). */
  readonly pageAge: string | undefined;
}
