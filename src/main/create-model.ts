import type { Config } from '../config.js';
import type { Logger } from '../logging/index.js';
import { createAnthropicTransport } from '../model/anthropic-transport.js';
import { createModelClient } from '../model/model-client.js';
import type { ModelClient } from '../model/model-types.js';
import { createOfflineTransport } from '../model/offline-transport.js';

/** The real Anthropic model when a key is configured, otherwise offline mode's simulator. */
export function createModel(config: Config, logger: Logger): ModelClient {
  const transport = config.model.mode === 'anthropic' ? createAnthropicTransport({ config: config.model, logger }) : createOfflineTransport();
  return createModelClient({ config: config.model, transport, logger });
}
