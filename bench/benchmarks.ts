import { agentRuntimeOverhead } from './agent-runtime-overhead.js';
import type { Benchmark } from './benchmark-types.js';
import { modelClientOverSdk } from './model-client-over-sdk.js';
import { recordedAgentRun } from './recorded-agent-run.js';

/** Every benchmark `npm run bench` runs, in this order. Register new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [agentRuntimeOverhead, modelClientOverSdk, recordedAgentRun];
