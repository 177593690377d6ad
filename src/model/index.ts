// The model module's public API: any new export here becomes something other folders may depend on.
export { createModelClient, type ModelClientOptions } from './model-client.js';
export { createAnthropicTransport, type AnthropicTransportOptions, type Sleep } from './anthropic-transport.js';
export { addUsage, costOf, ZERO_USAGE } from './model-cost.js';
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
