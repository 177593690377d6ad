// The model module's public API: any new export here becomes something other folders may depend on.
export { createModelClient, type ModelClientOptions } from './model-client.js';
export { createAnthropicTransport, type AnthropicTransportOptions, type Sleep } from './anthropic-transport.js';
export { addUsage, costOf, DEFAULT_WEB_SEARCH_PRICE_USD, ZERO_USAGE } from './model-cost.js';
export { MAX_WEB_SEARCH_USES, WebSearchOptionsSchema, type WebSearchOptions, type WebSearchResult } from './web-search-options.js';
export type {
  ModelClient,
  ModelTransport,
  ModelUsage,
  StructuredRequest,
  StructuredResult,
  TranscriptMessage,
  TransportRequest,
  TransportResponse,
} from './model-types.js';
