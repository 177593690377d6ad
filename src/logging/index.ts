export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger.js';
export { currentTrace, newTraceId, withTrace, type TraceContext } from './trace-context.js';
