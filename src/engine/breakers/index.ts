export { createCircuitBreakers } from './circuit-breakers.js';
export { BreakerSettingsSchema, type BreakerSettings, type BreakerSettingsInput } from './breaker-settings.js';
export type {
  BreakerCheck,
  BreakerFailureOutcome,
  BreakerState,
  BreakerStatus,
  CircuitBreakers,
  CircuitBreakersOptions,
} from './breaker-types.js';
