import { agentRuntimeOverhead } from './agent-runtime-overhead.js';
import type { Benchmark } from './benchmark-types.js';
import { crashRecovery } from './crash-recovery.js';
import { fanOutEfficiency } from './fan-out-efficiency.js';
import { mcpRoundTrip } from './mcp-round-trip.js';
import { modelClientOverSdk } from './model-client-over-sdk.js';
import { pausedRuns } from './paused-runs.js';
import { recordedAgentRun } from './recorded-agent-run.js';
import { slackAckLatency } from './slack-ack-latency.js';
import { stepOverhead } from './step-overhead.js';
import { throughput } from './throughput.js';

/** Every benchmark `npm run bench` runs, in this order. Register new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [
  agentRuntimeOverhead,
  modelClientOverSdk,
  recordedAgentRun,
  stepOverhead,
  throughput,
  fanOutEfficiency,
  pausedRuns,
  crashRecovery,
  mcpRoundTrip,
  slackAckLatency,
];
