// Any export here is public API for the rest of Baton: add deliberately.
export { createRunTracer, type RunTracer, type TracedRun, type TracedStep } from './run-tracer.js';
export { otelTraceIdOf, runSpanIdOf } from './trace-ids.js';
